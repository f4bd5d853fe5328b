/**
 * `window.__trellisGraph`: what end-to-end tests and the bench read from the
 * graph view (what is drawn, where, how). Installed only in development and
 * test builds, or when the page's address asks for it with `?testhooks`.
 */
import type { Point } from '../../shared/graph/graph-positions';
import type { GraphCanvas } from './graph-canvas';

export interface GraphTestHooks {
  nodeCount(): number;
  edgeCount(): number;
  visibleNodeIds(): string[];
  visibleEdgeIds(): string[];
  /** Undefined when the link is not drawn. */
  isDashed(edgeId: string): boolean | undefined;
  /** Model coordinates. */
  positionOf(id: string): Point | undefined;
  /** Page (client) coordinates of a node's centre, to click it. */
  clientPositionOf(id: string): Point | undefined;
  /** Page (client) coordinates of the middle of a drawn link, to hover or right-click it. */
  clientEdgeMidpoint(edgeId: string): Point | undefined;
  /** What a drawn link is, as the view model says. */
  edge(edgeId: string): { source: string; target: string; kind: 'curated' | 'inferred'; category: string; rawType: string; dashed: boolean } | undefined;
  /** The node drawn as selected. */
  selectedId(): string | undefined;
  zoom(): number;
  /** Milliseconds the edge layer's last full draw took. */
  lastEdgeDrawMs(): number;
}

declare global {
  interface Window {
    __trellisGraph?: GraphTestHooks;
  }
}

export function testHooksEnabled(): boolean {
  return import.meta.env.MODE !== 'production' || window.location.search.includes('testhooks');
}

export function installGraphTestHooks(canvas: GraphCanvas): () => void {
  if (!testHooksEnabled()) return () => undefined;
  const hooks: GraphTestHooks = {
    nodeCount: () => canvas.cy.nodes().length,
    edgeCount: () => canvas.edges.edgeCount,
    visibleNodeIds: () => canvas.nodeIds(),
    visibleEdgeIds: () => canvas.edgeIds(),
    isDashed: (id) => canvas.isDashed(id),
    positionOf: (id) => canvas.positionOf(id),
    clientPositionOf: (id) => {
      const p = canvas.positionOf(id);
      return p && canvas.toClient(p);
    },
    clientEdgeMidpoint: (id) => {
      const p = canvas.edgeMidpoint(id);
      return p && canvas.toClient(p);
    },
    edge: (id) => {
      const e = canvas.edges.edge(id);
      return e && { source: e.source, target: e.target, kind: e.kind, category: e.category, rawType: e.rawType, dashed: e.dashed };
    },
    selectedId: () => canvas.cy.nodes('.selected').first().id() || undefined,
    zoom: () => canvas.cy.zoom(),
    lastEdgeDrawMs: () => canvas.edges.lastDrawMs,
  };
  window.__trellisGraph = hooks;
  return () => {
    if (window.__trellisGraph === hooks) delete window.__trellisGraph;
  };
}
