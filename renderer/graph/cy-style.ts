/**
 * Cytoscape's stylesheet for the nodes (links are painted by the edge layer).
 * Every attribute comes from the view model's data; classes carry the
 * ghost, ring and focus states. The legend describes the same rules.
 */
import type cytoscape from 'cytoscape';
import { ERROR_RING, WARNING_RING } from '../../shared/graph/graph-palette';

/** Labels are drawn once they would be at least this many pixels tall (Cytoscape's level of detail). */
export const LABEL_MIN_PX = 8;
export const LABEL_FONT_SIZE = 14;
export const SELECTION_COLOR = '#2f6f4f';

// Cytoscape 3.34 supports underlay-* properties that @types/cytoscape 3.21 does not list.
type Style = cytoscape.Css.Node & Record<string, string | number>;

const node: Style = {
  width: 'data(size)',
  height: 'data(size)',
  'background-color': 'data(color)',
  'border-width': 1,
  'border-color': '#6b6b6b',
  'border-opacity': 0.6,
  'font-size': LABEL_FONT_SIZE,
  'min-zoomed-font-size': LABEL_MIN_PX,
  'text-valign': 'bottom',
  'text-margin-y': 3,
  'text-max-width': '160px',
  'text-wrap': 'ellipsis',
  color: '#1f2328',
  'text-outline-color': '#fbfaf7',
  'text-outline-width': 2,
  'text-outline-opacity': 0.85,
};

export const GRAPH_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: node },
  // Only nodes in view at a readable zoom carry a label (GraphCanvas toggles `labelled`):
  // Cytoscape measures every label it has, drawn or not (~270 ms for the corpus).
  { selector: 'node.labelled, node.hover, node.selected, node.search-hit, node.focus-root', style: { label: 'data(label)' } },
  {
    selector: 'node.ghost',
    style: { 'background-color': '#ffffff', 'border-style': 'dashed', 'border-width': 2, 'border-color': '#7a7a7a', 'border-opacity': 1, color: '#6a737d', 'font-style': 'italic' },
  },
  // Nine patterns in ten of the corpus have warnings: their ring is thin, so errors stand out.
  { selector: 'node.has-warning', style: { 'border-width': 2, 'border-color': WARNING_RING, 'border-opacity': 0.9 } },
  { selector: 'node.has-error', style: { 'border-width': 5, 'border-color': ERROR_RING, 'border-opacity': 1 } },
  { selector: 'node.focus-root', style: { 'font-weight': 'bold', 'font-size': 16 } },
  {
    selector: 'node.selected',
    style: { 'underlay-color': SELECTION_COLOR, 'underlay-padding': 7, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse', 'z-index': 10 } as Style,
  },
  { selector: 'node.search-hit', style: { 'underlay-color': '#f5c518', 'underlay-padding': 10, 'underlay-opacity': 0.7, 'underlay-shape': 'ellipse' } as Style },
  { selector: 'node.hover, node.selected', style: { 'min-zoomed-font-size': 0, 'z-index': 20 } },
];
