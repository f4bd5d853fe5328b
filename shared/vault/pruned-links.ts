/**
 * The vault's memory of rejected inferred links, `.trellis/pruned.yaml`: one
 * line per pruned link (source, target, type, date, rule or "manual"), meant to
 * be committed with the vault, so that a link the machine suggests again is
 * recognised as already rejected. The file only ever grows by appended lines,
 * so its diffs read well and curators may annotate it with comments.
 */
import { parseYamlTree, toJs } from '../yaml/yaml-tree';
import { formatString } from '../edits/yaml-scalar-format';
import { prunedKey } from '../edits/prune-rules';

export const PRUNED_PATH = '.trellis/pruned.yaml';

export interface PrunedRecord {
  source: string;
  target: string;
  type?: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The prune rule that removed it, or "manual". */
  rule: string;
}

const HEADER = `# Inferred links the curators of this vault rejected. Trellis appends one line per
# pruned link and flags a link that reappears in a later machine run. Commit this file.
`;

export interface PrunedFile {
  records: PrunedRecord[];
  /** Set of prunedKey()s for lookups. */
  keys: Set<string>;
  error?: string;
}

export function parsePrunedFile(text: string | undefined): PrunedFile {
  const empty: PrunedFile = { records: [], keys: new Set() };
  if (text === undefined || text.trim() === '') return empty;
  const parsed = parseYamlTree(text);
  if (!parsed.ok) return { ...empty, error: `${PRUNED_PATH} is not valid YAML: ${parsed.error.message}` };
  let data: unknown;
  try {
    data = toJs(parsed.root);
  } catch (err) {
    return { ...empty, error: `${PRUNED_PATH}: ${(err as Error).message}` };
  }
  if (data === null) return empty;
  if (!Array.isArray(data)) return { ...empty, error: `${PRUNED_PATH} should be a list of pruned links` };
  const records: PrunedRecord[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.source !== 'string' || typeof r.target !== 'string') continue;
    const rec: PrunedRecord = { source: r.source, target: r.target, date: String(r.date ?? ''), rule: String(r.rule ?? 'manual') };
    if (typeof r.type === 'string' && r.type !== '') rec.type = r.type;
    records.push(rec);
  }
  return { records, keys: new Set(records.map((r) => prunedKey(r.source, r.target, r.type))) };
}

function line(r: PrunedRecord): string {
  const s = (v: string) => formatString(v, 'plain', 'flow');
  const type = r.type !== undefined ? `, type: ${s(r.type)}` : '';
  return `- {source: ${s(r.source)}, target: ${s(r.target)}${type}, date: ${s(r.date)}, rule: ${s(r.rule)}}\n`;
}

/** The file's text with `records` appended (created with a header when absent). */
export function appendPrunedRecords(text: string | undefined, records: readonly PrunedRecord[]): string {
  let out = text === undefined || text === '' ? HEADER : text;
  if (!out.endsWith('\n')) out += '\n';
  for (const r of records) out += line(r);
  return out;
}
