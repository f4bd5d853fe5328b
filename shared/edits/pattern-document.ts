/**
 * A pattern file opened for editing: its text, where the front-matter sits and
 * its YAML tree, parsed once. Every edit starts here, so every edit refuses the
 * same way when a file cannot be edited safely.
 */
import { splitFrontMatter } from '../yaml/front-matter';
import { parseYamlTree, type YMap } from '../yaml/yaml-tree';
import { LineIndex } from '../text/line-index';
import { refuse, type EditRefusal } from './edit-result';

export interface PatternDocument {
  readonly text: string;
  /** The front-matter's root mapping (absolute offsets). */
  readonly root: YMap;
  readonly yamlStart: number;
  /** Offset of the closing fence line. */
  readonly yamlEnd: number;
  readonly bodyStart: number;
  /** The file's own line break; every inserted line uses it. */
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
}

export type OpenResult = { ok: true; doc: PatternDocument } | EditRefusal;

/** Edits take either a text or a document already opened (to parse once per file in batches). */
export type EditInput = string | PatternDocument;

export function openPatternDocument(text: string): OpenResult {
  const split = splitFrontMatter(text);
  if (split.kind === 'missing') return refuse('the file has no YAML front-matter (it must start with a `---` line)');
  if (split.kind === 'unclosed') return refuse('the front-matter is not closed by a `---` line');
  const parsed = parseYamlTree(text.slice(split.yamlStart, split.yamlEnd), { base: split.yamlStart });
  if (!parsed.ok) {
    const at = new LineIndex(text).position(parsed.error.offset);
    return refuse(`the front-matter is not valid YAML (line ${at.line}, column ${at.column}: ${parsed.error.message}); fix it before editing`);
  }
  const first = parsed.duplicates[0];
  if (first) {
    // js-yaml and most tools reject duplicate keys, and an edit could land on the
    // wrong copy: the curator has to decide which one is meant.
    const at = new LineIndex(text).position(first.duplicate.start);
    return refuse(`the front-matter repeats the key \`${first.key}\` (line ${at.line}); fix it before editing`);
  }
  const root = parsed.root;
  if (!root) return refuse('the front-matter is empty');
  if (root.kind !== 'map') return refuse('the front-matter is not a mapping of keys to values');
  return {
    ok: true,
    doc: { text, root, yamlStart: split.yamlStart, yamlEnd: split.yamlEnd, bodyStart: split.bodyStart, eol: split.eol, bom: split.bom },
  };
}

export function resolveInput(input: EditInput): OpenResult {
  return typeof input === 'string' ? openPatternDocument(input) : { ok: true, doc: input };
}
