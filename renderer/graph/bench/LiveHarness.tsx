import { VaultHeader } from '../../app/VaultHeader';
import { FileList } from '../../app/FileList';
import { PatternDetail } from '../../app/PatternDetail';
import { GraphPane } from '../GraphPane';
import type { LayoutInfo } from '../graph-canvas';
import '../../styles.css';

export interface LiveHarnessProps {
  onDidLayout: (info: LayoutInfo) => void;
  onDidPaint: (info: { first: boolean; ms: number }) => void;
}

/**
 * The graph pane between the file list and the detail pane, on the real
 * backend: what the end-to-end tests drive until App.tsx mounts GraphPane.
 */
export function LiveHarness(props: LiveHarnessProps) {
  return (
    <div className="app" style={{ gridTemplateRows: 'auto 1fr' }}>
      <VaultHeader />
      <main className="workspace" style={{ gridTemplateColumns: '220px minmax(0, 1fr) 300px' }}>
        <FileList />
        <GraphPane onDidLayout={props.onDidLayout} onDidPaint={props.onDidPaint} />
        <PatternDetail />
      </main>
    </div>
  );
}
