/**
 * Applies the view model's nodes to Cytoscape as a diff: nodes that left are
 * removed, new ones added at their place, changed ones updated in place.
 * Untouched nodes keep their positions (and Cytoscape its caches).
 */
import type cytoscape from 'cytoscape';
import type { ViewNode } from '../../shared/graph/graph-view-model';
import type { Point } from '../../shared/graph/graph-positions';

export interface NodeDiffResult {
  added: number;
  removed: number;
  updated: number;
}

function dataOf(n: ViewNode): Record<string, unknown> {
  return { id: n.id, label: n.label, color: n.color, size: n.size };
}

function sameLook(a: ViewNode, b: ViewNode): boolean {
  return a.label === b.label && a.color === b.color && a.size === b.size && a.classes === b.classes;
}

/**
 * `moveAll` puts every kept node at `positionOf` too (a change between the
 * overview and a focus layout); otherwise only new nodes are placed.
 */
export function applyNodeDiff(
  cy: cytoscape.Core,
  previous: ReadonlyMap<string, ViewNode>,
  next: readonly ViewNode[],
  positionOf: (id: string) => Point,
  moveAll: boolean,
): NodeDiffResult {
  const result: NodeDiffResult = { added: 0, removed: 0, updated: 0 };
  // Plain look-ups first: Cytoscape's collections cost far more per node than a Map, and after
  // a live change almost every node is the very same view object as before.
  const nextIds = new Set<string>();
  const toAdd: cytoscape.ElementDefinition[] = [];
  const toUpdate: ViewNode[] = [];
  for (const n of next) {
    nextIds.add(n.id);
    const before = previous.get(n.id);
    if (!before) toAdd.push({ group: 'nodes', data: dataOf(n), position: { ...positionOf(n.id) }, classes: n.classes });
    else if (before !== n && !sameLook(before, n)) toUpdate.push(n);
  }
  const gone: string[] = [];
  for (const id of previous.keys()) if (!nextIds.has(id)) gone.push(id);
  if (!gone.length && !toAdd.length && !toUpdate.length && !moveAll) return result;
  cy.batch(() => {
    for (const id of gone) {
      const ele = cy.getElementById(id);
      if (!ele.empty()) {
        cy.remove(ele);
        result.removed++;
      }
    }
    for (const n of toUpdate) {
      const ele = cy.getElementById(n.id);
      if (ele.empty()) {
        toAdd.push({ group: 'nodes', data: dataOf(n), position: { ...positionOf(n.id) }, classes: n.classes });
        continue;
      }
      ele.data(dataOf(n));
      ele.classes(mergeClasses(n.classes, ele.classes()));
      result.updated++;
    }
    if (moveAll) {
      for (const n of next) {
        if (previous.has(n.id)) cy.getElementById(n.id).position({ ...positionOf(n.id) });
      }
    }
    if (toAdd.length) cy.add(toAdd);
    result.added = toAdd.length;
  });
  return result;
}

/** View-state classes (selection, hover, search hit) survive a model update; model classes are replaced. */
const VIEW_CLASSES = new Set(['selected', 'hover', 'search-hit']);

function mergeClasses(modelClasses: string, current: string[] | string): string[] {
  const list = Array.isArray(current) ? current : current.split(/\s+/);
  return [...modelClasses.split(' ').filter(Boolean), ...list.filter((c) => VIEW_CLASSES.has(c))];
}
