/**
 * An experiment for the editor bench (`?incremental-store`), not app code:
 * what the app store's reaction to `onDidChangeDiagnostics` costs if it
 * fetched only the changed files' findings instead of the whole vault's
 * (12.6 MB of JSON for the real corpus) on every event. The API client is
 * wrapped so that the store's own full refresh runs only for large changes.
 */
import type { VaultApi, VaultEvents } from '../../../shared/api/vault-api';
import { compareDiagnostics, type Diagnostic } from '../../../shared/validation/diagnostic';
import { useTrellis } from '../../../renderer/store/vault-store';

const FULL_REFRESH_ABOVE = 50;

function mergeSorted(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareDiagnostics(a[i] as Diagnostic, b[j] as Diagnostic) <= 0 ? (a[i++] as Diagnostic) : (b[j++] as Diagnostic));
  while (i < a.length) out.push(a[i++] as Diagnostic);
  while (j < b.length) out.push(b[j++] as Diagnostic);
  return out;
}

export function withIncrementalDiagnostics<T extends VaultApi>(api: T): T {
  let running = false;
  let pending: VaultEvents['onDidChangeDiagnostics'] | undefined;
  const apply = async (e: VaultEvents['onDidChangeDiagnostics']) => {
    const fresh = await Promise.all(e.paths.map((path) => api.getDiagnostics({ path })));
    const changed = new Set(e.paths);
    useTrellis.setState((s) => {
      const kept = s.diagnostics.filter((d) => !changed.has(d.path));
      const added = fresh.flat().sort(compareDiagnostics);
      const counts = new Map<string, { error: number; warning: number; info: number }>();
      for (const d of added) {
        const c = counts.get(d.path) ?? { error: 0, warning: 0, info: 0 };
        c[d.severity]++;
        counts.set(d.path, c);
      }
      const files = s.files.map((f) => {
        if (!changed.has(f.path)) return f;
        const c = counts.get(f.path) ?? { error: 0, warning: 0, info: 0 };
        return c.error === f.counts.error && c.warning === f.counts.warning && c.info === f.counts.info ? f : { ...f, counts: c };
      });
      const filesChanged = files.some((f, i) => f !== s.files[i]);
      return { diagnostics: mergeSorted(kept, added), vault: s.vault ? { ...s.vault, counts: e.counts } : s.vault, ...(filesChanged ? { files } : {}) };
    });
  };
  const on: VaultApi['on'] = (event, listener) => {
    if (event !== 'onDidChangeDiagnostics') return api.on(event, listener);
    const full = listener as (p: VaultEvents['onDidChangeDiagnostics']) => void;
    return api.on('onDidChangeDiagnostics', (e) => {
      if (e.paths.length > FULL_REFRESH_ABOVE) return full(e);
      // One fetch at a time; the newest event waits and runs after (events in between are merged).
      if (running) {
        pending = pending ? { paths: [...new Set([...pending.paths, ...e.paths])], counts: e.counts } : e;
        return;
      }
      running = true;
      const run = (ev: VaultEvents['onDidChangeDiagnostics']): Promise<void> =>
        apply(ev).finally(() => {
          const next = pending;
          pending = undefined;
          if (next) return run(next);
          running = false;
          return undefined;
        });
      void run(e);
    });
  };
  return new Proxy(api, { get: (target, prop, receiver) => (prop === 'on' ? on : Reflect.get(target, prop, receiver)) });
}
