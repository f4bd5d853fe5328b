/**
 * Reads a Chrome trace (Playwright's `browser.startTracing`) and reports the
 * renderer main thread's long tasks with what filled them, native work
 * included (style, layout, paint, garbage collection), which a CPU profile
 * only shows as "(program)".
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

export interface LongTask {
  startMs: number;
  durationMs: number;
  /** Time by kind of work directly inside the task, largest first. */
  parts: Array<{ name: string; ms: number }>;
}

/** What a piece of work is called in the report: script by function, the rest by trace event name. */
function label(e: TraceEvent): string {
  const fn = e.args?.data?.functionName;
  if (e.name === 'FunctionCall' && fn) return `js ${fn}`;
  return e.name;
}

export function longTasks(trace: { traceEvents: TraceEvent[] }, thresholdMs = 30): LongTask[] {
  const events = trace.traceEvents;
  // The page's main thread: the renderer thread that ran the most script.
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; n: number } | undefined;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'FunctionCall').length;
    if (!best || n > best.n) best = { pid: m.pid, tid: m.tid, n };
  }
  if (!best) return [];
  const onMain = events.filter((e) => e.pid === best.pid && e.tid === best.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const origin = onMain[0]?.ts ?? 0;
  const out: LongTask[] = [];
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  for (const t of tasks) {
    if ((t.dur as number) / 1000 < thresholdMs) continue;
    const end = t.ts + (t.dur as number);
    // Direct children: events inside the task not inside another event inside it.
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur as number) <= end && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    const parts = new Map<string, number>();
    let coveredUntil = -1;
    for (const e of inside) {
      if (e.ts < coveredUntil) continue;
      coveredUntil = e.ts + (e.dur as number);
      parts.set(label(e), (parts.get(label(e)) ?? 0) + (e.dur as number) / 1000);
    }
    out.push({ startMs: (t.ts - origin) / 1000, durationMs: (t.dur as number) / 1000, parts: [...parts].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms) });
  }
  return out;
}

export function reportLongTasks(trace: { traceEvents: TraceEvent[] }, thresholdMs = 30): void {
  const tasks = longTasks(trace, thresholdMs);
  console.log(`  main-thread tasks over ${thresholdMs} ms (trace): ${tasks.length}`);
  for (const t of tasks) console.log(`  at ${t.startMs.toFixed(0)} ms, ${t.durationMs.toFixed(0)} ms: ${t.parts.slice(0, 8).map((p) => `${p.name} ${p.ms.toFixed(1)}`).join(' | ')}`);
}
