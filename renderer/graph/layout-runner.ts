/**
 * Runs the overview's force layout in a Web Worker and reports positions as
 * they settle; where no worker can start, it runs in small slices between
 * frames instead, so the interface never freezes either way.
 */
import { createForceLayout, type LayoutGraph } from '../../shared/graph/force-layout';
import { finishOverviewLayout, OVERVIEW_LAYOUT } from '../../shared/graph/graph-positions';

export interface LayoutRequest {
  id: number;
  count: number;
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  positions: Float32Array;
  iterations: number;
  progressEvery: number;
  /** Nodes that are drawn: the first `measured`; anchors after them only pull. */
  measured: number;
  /** Drawn radius of each measured node, so the final layout leaves them room. */
  radii?: Float32Array;
}

export interface LayoutReply {
  id: number;
  kind: 'progress' | 'done';
  iterations: number;
  ms: number;
  positions: Float32Array;
}

export interface LayoutRun {
  /** Resolves with the final positions, or undefined when cancelled. */
  done: Promise<LayoutReply | undefined>;
  cancel(): void;
}

let nextId = 1;

/** Iterations for a layout from scratch: enough to settle (checked by eye on the corpus and the sample vault). */
export function iterationsFor(count: number): number {
  return count > 300 ? 400 : 500;
}

export function runLayout(
  graph: LayoutGraph,
  positions: Float32Array,
  onProgress: (reply: LayoutReply) => void,
  options: { iterations?: number; progressEvery?: number; measured?: number; radii?: Float32Array } = {},
): LayoutRun {
  const request: LayoutRequest = {
    id: nextId++,
    count: graph.count,
    sources: graph.sources.slice(),
    targets: graph.targets.slice(),
    weights: graph.weights.slice(),
    positions: positions.slice(),
    iterations: options.iterations ?? iterationsFor(graph.count),
    progressEvery: options.progressEvery ?? 60,
    measured: options.measured ?? graph.count,
    ...(options.radii ? { radii: options.radii.slice() } : {}),
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'trellis-graph-layout' });
  } catch {
    worker = undefined;
  }
  return worker ? inWorker(worker, request, onProgress) : inSlices(request, onProgress);
}

function inWorker(worker: Worker, request: LayoutRequest, onProgress: (reply: LayoutReply) => void): LayoutRun {
  let settle: (r: LayoutReply | undefined) => void = () => undefined;
  const done = new Promise<LayoutReply | undefined>((resolve) => (settle = resolve));
  worker.onmessage = (e: MessageEvent<LayoutReply>) => {
    if (e.data.kind === 'progress') onProgress(e.data);
    else {
      worker.terminate();
      settle(e.data);
    }
  };
  worker.onerror = (e) => {
    // A worker that cannot load (a strict CSP, a missing bundle) falls back to slices.
    e.preventDefault();
    worker.terminate();
    void inSlices(request, onProgress).done.then(settle);
  };
  worker.postMessage(request, [request.sources.buffer, request.targets.buffer, request.weights.buffer, request.positions.buffer]);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle(undefined);
    },
  };
}

function inSlices(request: LayoutRequest, onProgress: (reply: LayoutReply) => void): LayoutRun {
  const graph: LayoutGraph = { count: request.count, sources: request.sources, targets: request.targets, weights: request.weights };
  const t0 = performance.now();
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (r: LayoutReply | undefined) => void = () => undefined;
  const done = new Promise<LayoutReply | undefined>((resolve) => (settle = resolve));
  const layout = createForceLayout(graph, request.positions, { scaling: OVERVIEW_LAYOUT.scaling, gravity: OVERVIEW_LAYOUT.gravity });
  let iterations = 0;
  const reply = (kind: LayoutReply['kind']): LayoutReply => ({ id: request.id, kind, iterations, ms: performance.now() - t0, positions: finishOverviewLayout(graph, request.positions, request.measured, kind === 'done', request.radii) });
  const step = () => {
    if (cancelled) return;
    const sliceStart = performance.now();
    // About 8 ms of work per slice leaves the frame to the renderer.
    while (iterations < request.iterations && performance.now() - sliceStart < 8) {
      layout.step(1);
      iterations++;
    }
    if (iterations >= request.iterations) return settle(reply('done'));
    if (iterations % request.progressEvery < 3) onProgress(reply('progress'));
    timer = setTimeout(step, 0);
  };
  timer = setTimeout(step, 0);
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      settle(undefined);
    },
  };
}
