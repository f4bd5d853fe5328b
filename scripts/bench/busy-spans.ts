/**
 * Reads a V8 CPU profile (CDP `Profiler.stop`) and reports the stretches where
 * the main thread never went idle for longer than a frame budget, with the
 * functions that took the time in each: what a long task was made of.
 */

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusySpan {
  startMs: number;
  durationMs: number;
  /** Self time by function, largest first. */
  self: Array<{ frame: string; ms: number }>;
  /** Time by the outermost JS frame (the task's entry point), largest first. */
  entries: Array<{ frame: string; ms: number }>;
}

const frameName = (f: CpuProfile['nodes'][number]['callFrame']): string => {
  const file = f.url ? f.url.slice(f.url.lastIndexOf('/') + 1) : '';
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
};

export function busySpans(profile: CpuProfile, thresholdMs = 50): BusySpan[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const root = profile.nodes[0]?.id;
  /** The frame just below the root: where a task entered JS. */
  const entryOf = (id: number): string => {
    let cur = id;
    while (parent.has(cur) && parent.get(cur) !== root) cur = parent.get(cur) as number;
    return frameName(byId.get(cur)!.callFrame);
  };
  const spans: BusySpan[] = [];
  let t = profile.startTime;
  let open: { start: number; end: number; self: Map<string, number>; entries: Map<string, number> } | undefined;
  const close = () => {
    if (open && (open.end - open.start) / 1000 >= thresholdMs) {
      const sorted = (m: Map<string, number>) => [...m].map(([frame, us]) => ({ frame, ms: us / 1000 })).sort((a, b) => b.ms - a.ms).slice(0, 12);
      spans.push({ startMs: (open.start - profile.startTime) / 1000, durationMs: (open.end - open.start) / 1000, self: sorted(open.self), entries: sorted(open.entries) });
    }
    open = undefined;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    const node = byId.get(profile.samples[i] as number)!;
    const idle = node.callFrame.functionName === '(idle)';
    if (idle) {
      // A gap shorter than 4 ms between JS does not let the browser paint: still one task.
      if (open && t - open.end > 4000) close();
      continue;
    }
    const next = profile.timeDeltas[i + 1] ?? delta;
    if (!open) open = { start: t, end: t, self: new Map(), entries: new Map() };
    open.end = t + next;
    const name = frameName(node.callFrame);
    open.self.set(name, (open.self.get(name) ?? 0) + next);
    const entry = entryOf(node.id);
    open.entries.set(entry, (open.entries.get(entry) ?? 0) + next);
  }
  close();
  return spans;
}

export function reportBusySpans(profile: CpuProfile, thresholdMs = 50): void {
  const spans = busySpans(profile, thresholdMs);
  console.log(`  main-thread stretches over ${thresholdMs} ms without a break: ${spans.length}`);
  for (const s of spans) {
    console.log(`  at ${s.startMs.toFixed(0)} ms, ${s.durationMs.toFixed(0)} ms`);
    console.log(`    entered from: ${s.entries.slice(0, 6).map((e) => `${e.frame} ${e.ms.toFixed(0)}`).join(' | ')}`);
    console.log(`    self time:    ${s.self.slice(0, 10).map((e) => `${e.frame} ${e.ms.toFixed(0)}`).join(' | ')}`);
  }
}
