/**
 * Completion in the front-matter editor: keys that belong in the mapping at
 * the cursor (those already there left out), vocabulary values, relationship
 * types, and pattern names (with titles) wherever a link target goes. Plain
 * data with offsets into the YAML text; the Monaco provider only converts.
 */
import type { PatternSchema } from '../schema/schema';
import { cursorContext, type YamlCursor } from './yaml-cursor';
import { ITEM } from './yaml-lines';
import { itemKind, keysFor, relationshipDoc, valueKind, type KeyInfo, type ValueKind } from './yaml-vocabulary';

export interface PatternRef {
  /** The file name without `.md`: what links name. */
  name: string;
  title?: string;
  path: string;
}

export interface CompletionContext {
  schema: PatternSchema;
  patterns: readonly PatternRef[];
  /** The open file's own name: never offered as a link target. */
  selfName?: string;
  /** At most this many pattern names per answer (a vault has thousands); default 200. */
  maxPatterns?: number;
}

export interface CompletionResult {
  items: CompletionItemData[];
  /** More would match as the curator types on: ask again on the next keystroke. */
  incomplete: boolean;
}

/** Whether the letters of `query` occur in `text` in order (the editor's own fuzzy filter is of this kind). */
function subsequence(query: string, text: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length && j < query.length; i++) if (text.charCodeAt(i) === query.charCodeAt(j)) j++;
  return j === query.length;
}

export type CompletionKind = 'field' | 'value' | 'relationship-type' | 'pattern';

export interface CompletionItemData {
  label: string;
  kind: CompletionKind;
  /** A snippet (`$0`, `\t` for one indentation step) when `snippet` is set, else plain text. */
  insertText: string;
  snippet: boolean;
  /** Open the suggestions again after inserting (a key whose value has completions). */
  retrigger: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  filterText?: string;
  sortText?: string;
  /** Offsets in the YAML text replaced by the item. */
  from: number;
  to: number;
}

function describeKey(k: KeyInfo): string {
  const bits: string[] = [k.type === 'relationship-list' ? 'relationship list' : k.type];
  if (k.required) bits.push('required');
  if (k.enum) bits.push(`one of ${k.enum.join(', ')}`);
  if (k.min !== undefined && k.max !== undefined) bits.push(`${k.min}–${k.max}`);
  return bits.join(' · ');
}

function keyItem(k: KeyInfo, c: Extract<YamlCursor, { kind: 'key' }>, schema: PatternSchema): CompletionItemData {
  let insertText = `${k.key}: $0`;
  let retrigger = false;
  const holdsPattern = valueKind(schema, [...c.parent, k.key]).kind !== 'free';
  if (k.type === 'map') insertText = `${k.key}:\n\t$0`;
  else if (k.type === 'relationship-list') {
    insertText = `${k.key}:\n\t- slug: $0`;
    retrigger = true;
  } else if (k.enum || holdsPattern) retrigger = true;
  const item: CompletionItemData = {
    label: k.key,
    kind: c.parent.length === 1 && c.parent[0] === 'relationships' ? 'relationship-type' : 'field',
    insertText,
    snippet: true,
    retrigger,
    detail: describeKey(k),
    // Required fields first, then the schema's own order.
    sortText: `${k.required ? 0 : 1}`,
    from: c.from,
    to: c.to,
  };
  if (k.doc !== undefined) item.documentation = k.doc;
  return item;
}

function patternItems(ctx: CompletionContext, prefix: string, from: number, to: number): { items: CompletionItemData[]; incomplete: boolean } {
  const q = prefix.toLowerCase();
  const limit = ctx.maxPatterns ?? 200;
  const matches: Array<{ p: PatternRef; rank: number }> = [];
  for (const p of ctx.patterns) {
    if (p.name === ctx.selfName) continue;
    if (q === '') matches.push({ p, rank: 1 });
    else if (p.name.startsWith(q)) matches.push({ p, rank: 0 });
    else if (subsequence(q, p.name) || (p.title !== undefined && p.title.toLowerCase().includes(q))) matches.push({ p, rank: 1 });
  }
  matches.sort((a, b) => a.rank - b.rank || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
  const items = matches.slice(0, limit).map(({ p }) => {
    const item: CompletionItemData = { label: p.name, kind: 'pattern', insertText: p.name, snippet: false, retrigger: false, documentation: `\`${p.path}\``, from, to };
    if (p.title !== undefined) {
      item.detail = p.title;
      // Typing words of the title finds the pattern too.
      item.filterText = `${p.name} ${p.title}`;
    }
    return item;
  });
  // Narrowed by what was typed or cut at the limit: a different prefix needs a fresh answer.
  return { items, incomplete: q !== '' || matches.length > limit };
}

function valueItems(kind: ValueKind, ctx: CompletionContext, prefix: string, from: number, to: number): { items: CompletionItemData[]; incomplete: boolean } {
  switch (kind.kind) {
    case 'pattern':
      return patternItems(ctx, prefix, from, to);
    case 'relationship-type':
      return { items: ctx.schema.relationships.types.map((t) => ({ label: t, kind: 'relationship-type', insertText: t, snippet: false, retrigger: false, documentation: relationshipDoc(ctx.schema, t), from, to })), incomplete: false };
    case 'enum':
      return { items: kind.values.map((v, i) => ({ label: String(v), kind: 'value', insertText: String(v), snippet: false, retrigger: false, sortText: String(i).padStart(3, '0'), from, to })), incomplete: false };
    case 'free':
      return { items: [], incomplete: false };
  }
}

export function yamlCompletions(yaml: string, offset: number, ctx: CompletionContext): CompletionResult {
  const c = cursorContext(yaml, offset);
  switch (c.kind) {
    case 'none':
      return { items: [], incomplete: false };
    case 'value':
      return valueItems(valueKind(ctx.schema, c.path), ctx, c.prefix, c.from, c.to);
    case 'item':
      return valueItems(itemKind(ctx.schema, c.path), ctx, c.prefix, c.from, c.to);
    case 'key': {
      const taken = new Set(c.siblings);
      const keys = keysFor(ctx.schema, c.parent).filter((k) => !taken.has(k.key));
      const items = keys.map((k) => keyItem(k, c, ctx.schema));
      let incomplete = false;
      // `- x` under a list of plain names: the names themselves are items too.
      if (c.newItem && c.parent[c.parent.length - 1] === ITEM) {
        const kind = itemKind(ctx.schema, c.parent.slice(0, -1));
        // Relationship entries are `{slug, weight}`: offer the keys, names only for lists already in plain form.
        if (kind.kind !== 'free' && keys.length === 0) {
          const more = valueItems(kind, ctx, c.prefix, c.from, c.to);
          items.push(...more.items);
          incomplete = more.incomplete;
        }
      }
      return { items, incomplete };
    }
  }
}
