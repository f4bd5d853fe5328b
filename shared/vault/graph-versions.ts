/**
 * Numbers the versions of the vault's graph a backend has handed out, and
 * answers a view that has version `since` with the delta to the current one.
 * A few recent versions are kept (one per open window, roughly); a view with
 * an older or unknown version gets the whole graph.
 */
import type { GraphModel } from './graph-model';
import { diffGraphs, isEmptyDelta, type GraphUpdate } from './graph-delta';

const KEEP = 4;

export class GraphVersions {
  private readonly versions: Array<{ version: number; graph: GraphModel }> = [];
  /** Random start: a view's version from another backend (or before a restart) is never mistaken for ours. */
  private next = 1 + Math.floor(Math.random() * 1e9);

  /** `current` is the graph as it is now (built fresh for this call). */
  update(current: GraphModel, since?: number): GraphUpdate {
    const latest = this.versions[this.versions.length - 1];
    const fromLatest = latest ? diffGraphs(latest.graph, current) : undefined;
    let version: number;
    if (latest && fromLatest && isEmptyDelta(fromLatest)) {
      version = latest.version;
      current = latest.graph;
    } else {
      version = this.next++;
      this.versions.push({ version, graph: current });
      if (this.versions.length > KEEP) this.versions.shift();
    }
    const base = since === undefined ? undefined : this.versions.find((v) => v.version === since);
    if (!base) return { version, graph: current };
    return { version, since: base.version, delta: base === latest && fromLatest ? fromLatest : diffGraphs(base.graph, current) };
  }
}
