/**
 * The overview's force layout, off the main thread: the request's typed
 * arrays are transferred in, positions are posted back every few dozen
 * iterations and at the end.
 */
import { forceLayout } from '../../shared/graph/force-layout';
import { finishOverviewLayout, OVERVIEW_LAYOUT } from '../../shared/graph/graph-positions';
import type { LayoutReply, LayoutRequest } from './layout-runner';

// In a dedicated worker `self` is the worker scope; the DOM lib types it as a window.
const scope = self as unknown as { postMessage(message: LayoutReply, transfer: Transferable[]): void; onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null };

scope.onmessage = (e) => {
  const req = e.data;
  const t0 = performance.now();
  const graph = { count: req.count, sources: req.sources, targets: req.targets, weights: req.weights };
  const post = (kind: LayoutReply['kind'], done: number, positions: Float32Array) => {
    const copy = finishOverviewLayout(graph, positions, req.measured, kind === 'done', req.radii);
    scope.postMessage({ id: req.id, kind, iterations: done, ms: performance.now() - t0, positions: copy }, [copy.buffer]);
  };
  const options = {
    iterations: req.iterations,
    progressEvery: req.progressEvery,
    scaling: OVERVIEW_LAYOUT.scaling,
    gravity: OVERVIEW_LAYOUT.gravity,
    onProgress: (done: number, positions: Float32Array) => post('progress', done, positions),
  };
  forceLayout(graph, req.positions, options);
  post('done', req.iterations, req.positions);
};
