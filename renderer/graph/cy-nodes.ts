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
  const nextIds = new Set(next.map((n) => n.id));
  const result: NodeDiffResult = { added: 0, removed: 0, updated: 0 };
  cy.batch(() => {
    const gone = cy.nodes().filter((n) => !nextIds.has(n.id()));
    result.removed = gone.length;
    if (gone.length) cy.remove(gone);
    const toAdd: cytoscape.ElementDefinition[] = [];
    for (const n of next) {
      const before = previous.get(n.id);
      const ele = before ? cy.getElementById(n.id) : undefined;
      if (!ele || ele.empty()) {
        toAdd.push({ group: 'nodes', data: dataOf(n), position: { ...positionOf(n.id) }, classes: n.classes });
        continue;
      }
      if (!sameLook(before as ViewNode, n)) {
        ele.data(dataOf(n));
        ele.classes(mergeClasses(n.classes, ele.classes()));
        result.updated++;
      }
      if (moveAll) ele.position({ ...positionOf(n.id) });
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
