/**
 * Finding a pattern by what the curator remembers of it: its title, its slug
 * or one of its aliases, typed roughly. A small scorer instead of a library:
 * exact > prefix > word start > substring > initials and in-order letters >
 * one typo, with the title weighing more than an alias or the slug.
 */
import type { GraphModel, GraphNode } from '../vault/graph-model';

export interface SearchHit {
  id: string;
  path?: string;
  /** Title, else slug. */
  label: string;
  ghost: boolean;
  score: number;
  /** Which name matched best. */
  field: 'title' | 'slug' | 'alias';
  /** The matching name as written (for an alias, the alias). */
  matched: string;
}

interface Entry {
  node: GraphNode;
  names: Array<{ field: SearchHit['field']; text: string; norm: string; words: string[] }>;
}

const indexCache = new WeakMap<GraphModel, Entry[]>();

/** Lower case, no accents, punctuation and dashes as spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function entriesOf(graph: GraphModel): Entry[] {
  let entries = indexCache.get(graph);
  if (entries) return entries;
  entries = graph.nodes.map((node) => {
    const raw: Array<[SearchHit['field'], string]> = [];
    if (node.title) raw.push(['title', node.title]);
    raw.push(['slug', node.id]);
    for (const a of node.aliases ?? []) raw.push(['alias', a]);
    return {
      node,
      names: raw.map(([field, text]) => {
        const norm = normalizeForSearch(text);
        return { field, text, norm, words: norm.split(' ').filter(Boolean) };
      }),
    };
  });
  indexCache.set(graph, entries);
  return entries;
}

/** At most one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(x) === b.slice(y);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
}

/** Letters of `token` in order in `text`; the fewer and shorter the gaps, the higher (0 when not all found). */
function subsequenceScore(token: string, text: string): number {
  let at = -1;
  let gaps = 0;
  let wordStarts = 0;
  for (const ch of token) {
    const next = text.indexOf(ch, at + 1);
    if (next < 0) return 0;
    if (next > at + 1) gaps++;
    if (next === 0 || text[next - 1] === ' ') wordStarts++;
    at = next;
  }
  return Math.max(1, 260 - 30 * gaps + 25 * wordStarts - Math.min(60, text.length / 2));
}

/** How well one query token matches one name. */
function tokenScore(token: string, name: Entry['names'][number]): number {
  const { norm, words } = name;
  if (norm === token) return 1000;
  if (norm.startsWith(token)) return 800 + Math.min(100, (100 * token.length) / norm.length);
  if (words.includes(token)) return 700;
  if (words.some((w) => w.startsWith(token))) return 600;
  const at = norm.indexOf(token);
  if (at >= 0) return 450 - Math.min(100, at);
  const initials = words.map((w) => w[0]).join('');
  if (token.length >= 2 && initials.startsWith(token)) return 500;
  if (token.length >= 4 && words.some((w) => withinOneEdit(token, w) || (w.length > token.length && withinOneEdit(token, w.slice(0, token.length))))) return 300;
  return token.includes(' ') ? 0 : subsequenceScore(token, norm);
}

const FIELD_WEIGHT: Record<SearchHit['field'], number> = { title: 1, alias: 0.9, slug: 0.85 };

/**
 * Patterns matching `query`, best first. Every word of the query must match
 * some name of the pattern; the whole query matching one name outright wins.
 * Ghosts (missing targets) are found too, below real patterns.
 */
export function searchNodes(graph: GraphModel, query: string, limit = 20): SearchHit[] {
  const q = normalizeForSearch(query);
  if (!q) return [];
  const tokens = q.split(' ');
  const hits: SearchHit[] = [];
  for (const entry of entriesOf(graph)) {
    let best: { score: number; name: Entry['names'][number] } | undefined;
    // The whole query against each name, for phrases and exact titles.
    for (const name of entry.names) {
      const s = tokenScore(q, name) * FIELD_WEIGHT[name.field];
      if (!best || s > best.score) best = { score: s, name };
    }
    if (tokens.length > 1) {
      let total = 0;
      let bestName = best?.name;
      let bestTokenScore = 0;
      for (const t of tokens) {
        let top = 0;
        for (const name of entry.names) {
          const s = tokenScore(t, name) * FIELD_WEIGHT[name.field];
          if (s > top) top = s;
          if (s > bestTokenScore) {
            bestTokenScore = s;
            bestName = name;
          }
        }
        if (top === 0) {
          total = 0;
          break;
        }
        total += top;
      }
      const perToken = total / tokens.length;
      if (bestName && perToken * 0.9 > (best?.score ?? 0)) best = { score: perToken * 0.9, name: bestName };
    }
    if (!best || best.score <= 0) continue;
    const score = entry.node.ghost ? best.score * 0.5 : best.score;
    const hit: SearchHit = { id: entry.node.id, label: entry.node.title ?? entry.node.id, ghost: entry.node.ghost, score, field: best.name.field, matched: best.name.text };
    if (entry.node.path !== undefined) hit.path = entry.node.path;
    hits.push(hit);
  }
  hits.sort((a, b) => b.score - a.score || a.label.length - b.label.length || (a.id < b.id ? -1 : 1));
  return hits.slice(0, limit);
}
