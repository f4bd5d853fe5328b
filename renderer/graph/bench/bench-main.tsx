/**
 * The page `npm run bench:graph` measures and the end-to-end tests drive.
 * Bench: the graph pane on a fixed graph (`?graph=<url>`, default
 * `graph.json`), positions cached under `?key=<name>`, `?filters=all` to
 * draw every link. Live (`?live`): the
 * file list, graph pane and detail pane on the backend that serves the page.
 * Either way `window.__bench` records when the data was ready and every paint
 * and layout the view reports.
 */
import { createRoot } from 'react-dom/client';
import type { GraphModel } from '../../../shared/vault/graph-model';
import { createApiClient } from '../../api/api-client';
import { useTrellis } from '../../store/vault-store';
import { DEFAULT_FILTERS } from '../../../shared/graph/graph-filters';
import { GraphPane } from '../GraphPane';
import type { LayoutInfo } from '../graph-canvas';
import { LiveHarness } from './LiveHarness';

export interface BenchRecord {
  dataReady: number;
  paints: Array<{ first: boolean; ms: number; at: number }>;
  layouts: Array<LayoutInfo & { at: number }>;
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchRecord;
  }
}

const params = new URLSearchParams(window.location.search);
const root = document.getElementById('root');

function recorder(): BenchRecord {
  const record: BenchRecord = { dataReady: performance.now(), paints: [], layouts: [] };
  window.__bench = record;
  return record;
}

async function bench(): Promise<void> {
  const response = await fetch(params.get('graph') ?? 'graph.json');
  const graph = (await response.json()) as GraphModel;
  const record = recorder();
  if (!root) return;
  createRoot(root).render(
    <GraphPane
      graph={graph}
      vaultKey={params.get('key') ?? 'bench'}
      // `filters=all`: every link drawn (no threshold, repeats shown), the heaviest case.
      initialFilters={params.get('filters') === 'all' ? { ...DEFAULT_FILTERS, minConfidence: 0, hideRedundantInferred: false } : DEFAULT_FILTERS}
      onDidPaint={(info) => record.paints.push({ ...info, at: performance.now() })}
      onDidLayout={(info) => record.layouts.push({ ...info, at: performance.now() })}
    />,
  );
}

function live(): void {
  const record = recorder();
  void useTrellis.getState().connect(createApiClient());
  if (!root) return;
  createRoot(root).render(
    <LiveHarness onDidPaint={(info) => record.paints.push({ ...info, at: performance.now() })} onDidLayout={(info) => record.layouts.push({ ...info, at: performance.now() })} />,
  );
}

if (params.has('live')) live();
else
  bench().catch((e: unknown) => {
    window.__bench = { dataReady: Number.NaN, paints: [], layouts: [], error: String(e) };
  });
