/**
 * The pattern's own `slug:` in the front-matter being edited: read it, and
 * put another value in its place (keeping its quotes). Used to offer the
 * vault-wide rename when a curator changes the slug by hand.
 */
import { scanYamlLines } from './yaml-lines';

export interface TopLevelValue {
  value: string;
  /** Offsets of the value (without quotes) in the YAML text. */
  from: number;
  to: number;
}

export function readTopLevelValue(yaml: string, key: string): TopLevelValue | undefined {
  for (const line of scanYamlLines(yaml)) {
    if (line.key !== key || line.contentCol !== 0 || line.dashes.length > 0 || line.valueStart === undefined || line.valueEnd === undefined) continue;
    let from = line.valueStart;
    let to = line.valueEnd;
    const q = yaml[from];
    if ((q === '"' || q === "'") && to - from >= 2 && yaml[to - 1] === q) {
      from++;
      to--;
    }
    return { value: yaml.slice(from, to), from, to };
  }
  return undefined;
}

/** The YAML with a top-level scalar's value replaced; unchanged when the key is absent. */
export function replaceTopLevelValue(yaml: string, key: string, value: string): string {
  const v = readTopLevelValue(yaml, key);
  return v ? yaml.slice(0, v.from) + value + yaml.slice(v.to) : yaml;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(s: string): boolean {
  return SLUG.test(s);
}
