/**
 * Colours of the graph view, decided without I/O so the legend, the painter
 * and the tests agree: one fixed colour per relationship category, and a
 * deterministic palette for the field nodes are coloured by.
 */
import type { GraphModel, GraphNode } from '../vault/graph-model';
import { OTHER_CATEGORY, RELATED_CATEGORY, type ColorBy } from './graph-filters';

/** Curated and inferred links share their category's hue; inferred ones are told apart by dashes and translucency. */
export const EDGE_COLORS: Readonly<Record<string, string>> = {
  generalizes_from: '#1f5fa8',
  specializes_to: '#5b9bd5',
  enables: '#2e8b3e',
  requires: '#d9822b',
  alternatives: '#8e5fb5',
  complementary: '#159a9c',
  tools: '#8c5a3c',
  [RELATED_CATEGORY]: '#8a8f98',
  [OTHER_CATEGORY]: '#d16ba5',
};

export function edgeColor(category: string): string {
  return EDGE_COLORS[category] ?? (EDGE_COLORS[OTHER_CATEGORY] as string);
}

/**
 * Eighteen fills (Tableau 20 without its reds and oranges, plus two) that
 * stay apart from the error (red) and warning (amber) rings; values beyond
 * them share `OTHER_FILL`. Eighteen domains cover 70% of the corpus's patterns.
 */
export const NODE_PALETTE: readonly string[] = [
  '#4e79a7',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#edc948',
  '#ff9da7',
  '#a0cbe8',
  '#8cd17d',
  '#d4a6c8',
  '#499894',
  '#b6992d',
  '#d37295',
  '#86bcb6',
  '#d7b5a6',
  '#6b6ecf',
  '#79706e',
  '#9edae5',
];
export const OTHER_FILL = '#c8c6c0';
export const NONE_FILL = '#e6e4de';
export const GHOST_FILL = '#ffffff';
export const ERROR_RING = '#c62828';
export const WARNING_RING = '#e08a00';

/** Statuses and generations have meanings worth fixed colours; unknown values fall back to the palette. */
const FIXED_FILLS: Readonly<Record<ColorBy, Readonly<Record<string, string>>>> = {
  domain: {},
  status: { draft: '#a0cbe8', revised: '#edc948', stable: '#59a14f', published: '#4e79a7', deprecated: '#9c755f' },
  generation: { 'v7.1': '#4e79a7', legacy: '#b07aa1', unknown: OTHER_FILL },
};

/** One entry of a colour key: what a fill stands for. */
export interface ColorKeyEntry {
  /** The field's value; '' for patterns without one, `*` for the shared "other" fill. */
  value: string;
  label: string;
  color: string;
  /** Patterns in the whole vault with this value. */
  count: number;
}

export interface ColorScale {
  colorBy: ColorBy;
  colorOf(value: string | undefined): string;
  /** Every fill in use, most frequent value first; "other" and "none" last. */
  entries: ColorKeyEntry[];
}

export function fieldOf(node: GraphNode, colorBy: ColorBy): string | undefined {
  if (colorBy === 'domain') return node.domain;
  if (colorBy === 'status') return node.status;
  return node.generation;
}

/**
 * The palette goes to values by their frequency in the whole vault (ties by
 * name), not in the filtered view, so a pattern keeps its colour while the
 * curator filters; the same vault always gets the same colours.
 */
export function colorScale(graph: GraphModel, colorBy: ColorBy): ColorScale {
  const counts = new Map<string, number>();
  let none = 0;
  for (const n of graph.nodes) {
    if (n.ghost) continue;
    const v = fieldOf(n, colorBy);
    if (v === undefined || v === '') none++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const fixed = FIXED_FILLS[colorBy];
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const assigned = new Map<string, string>();
  const usedFixed = new Set(Object.values(fixed));
  const free = NODE_PALETTE.filter((c) => !usedFixed.has(c));
  let next = 0;
  for (const [value] of ranked) {
    const f = fixed[value];
    if (f !== undefined) assigned.set(value, f);
    else if (next < free.length) assigned.set(value, free[next++] as string);
  }
  const entries: ColorKeyEntry[] = [];
  let otherCount = 0;
  for (const [value, count] of ranked) {
    const color = assigned.get(value);
    if (color === undefined) otherCount += count;
    else entries.push({ value, label: value, color, count });
  }
  if (otherCount > 0) entries.push({ value: '*', label: `other ${colorBy === 'status' ? 'statuses' : `${colorBy}s`}`, color: OTHER_FILL, count: otherCount });
  if (none > 0) entries.push({ value: '', label: `no ${colorBy}`, color: NONE_FILL, count: none });
  return {
    colorBy,
    colorOf: (value) => (value === undefined || value === '' ? NONE_FILL : (assigned.get(value) ?? OTHER_FILL)),
    entries,
  };
}
