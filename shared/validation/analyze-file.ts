/**
 * One file in, its facts and its own findings out. This is the unit of work a
 * validation worker runs; it never throws, whatever the bytes were.
 */
import type { PatternSchema } from '../schema/schema';
import { splitFrontMatter } from '../yaml/front-matter';
import { parseYamlTree } from '../yaml/yaml-tree';
import { emptyFacts, extractFacts } from '../model/extract-facts';
import type { PatternFacts } from '../model/pattern-facts';
import type { Diagnostic } from './diagnostic';
import { Reporter } from './reporter';
import { checkFields } from './field-rules';
import { checkGarden, checkRelationships } from './link-rules';
import { checkBody } from './body-rules';

/** What the I/O side knows about a file before analysis. */
export interface FileInput {
  /** Vault-relative path, `/` separators. */
  path: string;
  /** Decoded text; absent when the bytes were not UTF-8 text or were too large to read. */
  text?: string;
  byteLength: number;
  /** Why there is no text: 'binary' (NUL bytes), 'encoding' (not UTF-8). */
  notText?: 'binary' | 'encoding' | 'utf16';
  /** The file could not be read at all (removed meanwhile, permission denied). */
  readError?: string;
}

export interface FileAnalysis {
  facts: PatternFacts;
  /** Findings that depend on this file alone. */
  diagnostics: Diagnostic[];
}

/** Aliases are legitimate YAML but pattern files have no use for many; more is an attack. */
const MAX_ALIASES = 50;

export function analyzeFile(input: FileInput, schema: PatternSchema): FileAnalysis {
  const text = input.text ?? '';
  const r = new Reporter(input.path, text, schema);
  const head = { start: 0, end: 0 };
  const facts = emptyFacts(input.path, r.span(0, 0));
  const done = (f: PatternFacts = facts): FileAnalysis => ({ facts: f, diagnostics: r.diagnostics });

  if (input.readError !== undefined) {
    r.report('file-unreadable', head, `the file could not be read: ${input.readError}`);
    return done();
  }
  if (input.byteLength > schema.maxFileBytes) {
    r.report('file-too-large', head, `the file is ${input.byteLength} bytes, more than the limit of ${schema.maxFileBytes}`);
    return done();
  }
  if (input.text === undefined || input.notText) {
    const why =
      input.notText === 'encoding'
        ? 'is not valid UTF-8 text (save it as UTF-8)'
        : input.notText === 'utf16'
          ? 'is UTF-16 text; Trellis reads UTF-8 (save it as UTF-8)'
          : 'looks binary (it contains NUL bytes)';
    r.report('file-not-text', head, `the file ${why}`);
    return done();
  }
  const split = splitFrontMatter(text);
  if (split.kind === 'missing') {
    r.report('front-matter-missing', head, 'the file does not start with a --- front-matter fence');
    return done();
  }
  if (split.kind === 'unclosed') {
    r.report('front-matter-unclosed', { start: split.bom ? 1 : 0, end: 3 + (split.bom ? 1 : 0) }, 'the front-matter is opened with --- but never closed');
    return done();
  }
  const yaml = text.slice(split.yamlStart, split.yamlEnd);
  const parsed = parseYamlTree(yaml, { base: split.yamlStart });
  if (!parsed.ok) {
    r.report('yaml-syntax', { start: parsed.error.offset, end: parsed.error.offset }, `YAML syntax error: ${parsed.error.message}`);
    return done();
  }
  if (parsed.aliasCount > MAX_ALIASES) {
    r.report('yaml-alias-limit', head, `the front-matter uses ${parsed.aliasCount} aliases (at most ${MAX_ALIASES} are allowed)`);
    return done();
  }
  for (const dup of parsed.duplicates) {
    const first = r.span(dup.first.start);
    r.report('yaml-duplicate-key', dup.duplicate, `key '${dup.key}' is already defined on line ${first.line}`);
  }
  const root = parsed.root;
  if (!root || root.kind !== 'map') {
    r.report('front-matter-not-mapping', root ?? { start: split.yamlStart, end: split.yamlStart }, 'the front-matter should be a mapping of fields');
    return done();
  }
  const extracted = extractFacts(input.path, root, schema, r);
  checkFields(root, extracted, schema, r);
  if (extracted.generation === 'legacy') {
    r.report('legacy-format', extracted.idSpan ?? head, 'this file uses the legacy layout (classification block, TypeID lists); migrate it to v7.1', {
      title: 'Migrate to v7.1',
      edit: { kind: 'migrate-legacy' },
    });
    return done(extracted);
  }
  checkRelationships(root, extracted, schema, r);
  checkGarden(root, extracted, schema, r);
  checkBody(root, text, split.bodyStart, schema, r);
  return done(extracted);
}
