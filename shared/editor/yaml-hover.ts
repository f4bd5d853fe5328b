/**
 * Hover help in the front-matter editor: a field's documentation, type and
 * vocabulary from the schema; for a link target, the pattern it names (or that
 * none has that name). Markdown out; anything taken from files is escaped.
 */
import type { PatternSchema } from '../schema/schema';
import { hoverTarget } from './yaml-cursor';
import { ITEM } from './yaml-lines';
import { itemKind, keyInfo, relationshipDoc, valueKind } from './yaml-vocabulary';
import type { PatternRef } from './yaml-completion';

export interface HoverData {
  /** Markdown paragraphs. */
  contents: string[];
  from: number;
  to: number;
}

/**
 * Escapes Markdown's special characters, so a title can never become a link
 * or markup. (`.` and `-` only matter at the start of a line, where no
 * escaped text is ever put.)
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!<>|~]/g, (c) => `\\${c}`);
}

function dotted(path: readonly string[]): string {
  return path.map((p) => (p === ITEM ? '[]' : p)).join('.').replace(/\.\[\]/g, '[]');
}

export interface HoverContext {
  schema: PatternSchema;
  patterns: ReadonlyMap<string, PatternRef>;
}

function describePattern(name: string, ctx: HoverContext): string {
  const p = ctx.patterns.get(name);
  if (!p) return `No pattern named **${escapeMarkdown(name)}** in the vault.`;
  return `**${escapeMarkdown(p.title ?? p.name)}**  \nFile: ${escapeMarkdown(p.path)}`;
}

export function yamlHover(yaml: string, offset: number, ctx: HoverContext): HoverData | undefined {
  const t = hoverTarget(yaml, offset);
  if (!t) return undefined;
  const { schema } = ctx;
  if (t.kind === 'key') {
    const [a, b] = t.path;
    if (a === 'relationships' && t.path.length === 2 && b !== undefined) {
      const known = schema.relationships.types.includes(b);
      return { contents: [`**relationships.${escapeMarkdown(b)}**`, known ? relationshipDoc(schema, b) : `Not one of the relationship types: ${schema.relationships.types.join(', ')}.`], from: t.from, to: t.to };
    }
    const info = keyInfo(schema, t.path);
    if (!info) return undefined;
    const facts: string[] = [info.type === 'relationship-list' ? 'relationship list' : info.type];
    if (info.required) facts.push('required');
    if (info.min !== undefined && info.max !== undefined) facts.push(`${info.min}–${info.max}`);
    const contents = [`**${escapeMarkdown(dotted(t.path))}** · ${facts.join(' · ')}`];
    if (info.doc) contents.push(info.doc);
    if (info.enum) contents.push(`Values: ${info.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
    return { contents, from: t.from, to: t.to };
  }
  const kind = t.kind === 'value' ? valueKind(schema, t.path) : itemKind(schema, t.path);
  if (kind.kind === 'pattern' && t.text !== '') return { contents: [describePattern(t.text, ctx)], from: t.from, to: t.to };
  if (kind.kind === 'relationship-type' && t.text !== '') {
    const known = schema.relationships.types.includes(t.text);
    const alias = schema.relationships.typeAliases[t.text];
    const contents = known ? [relationshipDoc(schema, t.text)] : [`\`${escapeMarkdown(t.text)}\` is not one of the seven types${alias ? `; it probably means \`${alias}\`` : ''}.`];
    return { contents, from: t.from, to: t.to };
  }
  if (kind.kind === 'enum' && t.text !== '' && !kind.values.map(String).includes(t.text)) {
    return { contents: [`Not in the vocabulary. Values: ${kind.values.map((v) => `\`${String(v)}\``).join(', ')}`], from: t.from, to: t.to };
  }
  return undefined;
}
