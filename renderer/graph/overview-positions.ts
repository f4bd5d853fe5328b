/**
 * The overview's positions for one vault: loaded from the cache, completed
 * for new nodes (beside their neighbours), or laid out afresh in a worker,
 * and saved back. Filters never move a node: every node of the vault has a
 * place whether it is drawn or not.
 */
import type { GraphModel } from '../../shared/vault/graph-model';
import { completePositions, FEW_NEW_NODES, isPlaced, layoutInput, placeFewNewNodes, settleNewNodes, type LayoutInput, type Point } from '../../shared/graph/graph-positions';
import { loadPositions, savePositions } from './position-cache';
import { iterationsFor, runLayout, type LayoutRun } from './layout-runner';

export interface LayoutInfo {
  source: 'cache' | 'placed' | 'layout';
  /** Nodes that had no cached position. */
  placed: number;
  ms: number;
}

export interface LayoutProgress {
  nodes: number;
  done: number;
  total: number;
}

export interface OverviewEvents {
  /** Positions changed wholesale (a layout's progress or end): show them. */
  onDidMove(final: boolean): void;
  onDidLayout?(info: LayoutInfo): void;
  onLayoutProgress?(progress: LayoutProgress): void;
  /** The positions were saved (a layout ended, nodes were placed or dragged): for a copy elsewhere. */
  onDidSave?(positions: ReadonlyMap<string, Point>): void;
}

/** Share of nodes that must have a cached place for new ones to be put beside neighbours rather than laying out afresh. */
const INCREMENTAL_SHARE = 0.7;
const SAVE_DELAY_MS = 500;

export class OverviewPositions {
  private positions = new Map<string, Point>();
  private vaultKey = '';
  private run: LayoutRun | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly events: OverviewEvents) {}

  get(id: string): Point | undefined {
    return this.positions.get(id);
  }

  /** A node moved by hand. */
  set(id: string, p: Point): void {
    this.positions.set(id, p);
  }

  all(): ReadonlyMap<string, Point> {
    return this.positions;
  }

  /** Switches vault: its cached positions, any running layout dropped. */
  setVault(key: string): void {
    if (key === this.vaultKey) return;
    this.flush();
    this.vaultKey = key;
    this.positions = loadPositions(key);
    this.cancel();
  }

  /** Replaces every position (e.g. from the backend's cache), and keeps them. */
  replace(positions: ReadonlyMap<string, Point>): void {
    this.cancel();
    this.positions = new Map(positions);
    this.scheduleSave();
  }

  /** Every node of `graph` gets a position: cached, beside its neighbours, or from a layout in a worker. */
  ensure(graph: GraphModel, fresh = false): void {
    const t0 = performance.now();
    // The common case after a live change: every node already has its place. Deciding that
    // from the layout's input cost 40 ms of the UI thread on the corpus.
    const missing = fresh ? [] : graph.nodes.filter((n) => !isPlaced(this.positions.get(n.id))).map((n) => n.id);
    if (!fresh && missing.length === 0) {
      this.events.onDidLayout?.({ source: 'cache', placed: 0, ms: performance.now() - t0 });
      return;
    }
    // A few new nodes (a ghost for a target being typed): placed beside their neighbours, nobody else moves.
    if (!fresh && missing.length <= FEW_NEW_NODES && this.positions.size > 0) {
      for (const [id, p] of placeFewNewNodes(graph, this.positions, missing)) this.positions.set(id, p);
      // Places of nodes that went (ghosts of half-typed targets) are kept a while, then dropped.
      if (this.positions.size > graph.nodes.length + 4 * FEW_NEW_NODES) this.positions = new Map(graph.nodes.map((n) => [n.id, this.positions.get(n.id) as Point]));
      this.scheduleSave();
      this.events.onDidLayout?.({ source: 'placed', placed: missing.length, ms: performance.now() - t0 });
      return;
    }
    const input = layoutInput(graph, fresh ? new Map() : this.positions);
    const count = input.ids.length;
    if (input.knownCount === count && input.knownOrphans.size === input.orphans.length) {
      this.events.onDidLayout?.({ source: 'cache', placed: 0, ms: performance.now() - t0 });
      return;
    }
    if (input.knownCount >= INCREMENTAL_SHARE * count && count > 0) {
      const before = this.positions.size;
      settleNewNodes(input);
      this.positions = completePositions(input, input.positions);
      this.scheduleSave();
      this.events.onDidLayout?.({ source: 'placed', placed: Math.max(0, this.positions.size - before), ms: performance.now() - t0 });
      return;
    }
    this.layOut(input);
  }

  /** Cold: the seeds now, the layout's progress as the worker reports it, the result saved. */
  private layOut(input: LayoutInput): void {
    input.knownOrphans.clear();
    this.positions = completePositions(input, input.positions);
    this.cancel();
    const count = input.ids.length;
    const total = iterationsFor(count);
    const nodes = count + input.orphans.length;
    const run = runLayout(
      input.graph,
      input.positions,
      (progress) => {
        if (this.run !== run) return;
        this.positions = completePositions(input, progress.positions);
        this.events.onDidMove(false);
        this.events.onLayoutProgress?.({ nodes, done: progress.iterations, total });
      },
      { iterations: total, measured: count, radii: input.radii },
    );
    this.run = run;
    this.events.onLayoutProgress?.({ nodes, done: 0, total });
    void run.done.then((reply) => {
      if (!reply || this.run !== run) return;
      this.run = undefined;
      this.positions = completePositions(input, reply.positions);
      this.events.onDidMove(true);
      this.scheduleSave();
      this.events.onDidLayout?.({ source: 'layout', placed: nodes, ms: reply.ms });
    });
  }

  scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
  }

  private save(): void {
    if (!this.vaultKey) return;
    savePositions(this.vaultKey, this.positions);
    this.events.onDidSave?.(this.positions);
  }

  /** Writes a pending save now. */
  private flush(): void {
    if (!this.saveTimer) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.save();
  }

  private cancel(): void {
    this.run?.cancel();
    this.run = undefined;
  }

  dispose(): void {
    this.cancel();
    this.flush();
  }
}
