import { useTrellis } from '../store/vault-store';
import { VaultHeader } from './VaultHeader';
import { FileList } from './FileList';
import { ProblemsPanel } from './ProblemsPanel';
import { useCurationRoute } from '../curation/curation-route';
import { CurationView } from '../curation/CurationView';
import { GraphPane } from '../graph/GraphPane';
import { EditorPane } from '../editor/EditorPane';

export function App() {
  const connectionError = useTrellis((s) => s.connectionError);
  const notices = useTrellis((s) => s.notices);
  const dismiss = useTrellis((s) => s.dismissNotice);
  const [curation] = useCurationRoute();
  return (
    <div className="app">
      <VaultHeader />
      {connectionError && (
        <div className="banner banner-error" role="alert">
          Lost contact with the Trellis backend: {connectionError}
        </div>
      )}
      {notices.map((n, i) => (
        <div key={i} className="banner" role="status">
          {n} <button onClick={() => dismiss(i)}>Dismiss</button>
        </div>
      ))}
      {curation ? (
        <main className="workspace">
          <FileList />
          <CurationView route={curation} />
        </main>
      ) : (
        <main className="workspace workspace-graph">
          <FileList />
          <GraphPane />
          <EditorPane />
        </main>
      )}
      <ProblemsPanel />
    </div>
  );
}
