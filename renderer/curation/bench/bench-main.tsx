/**
 * The page `npm run bench:curation` drives: the real inbox, the real API
 * client and the real vault store (connected as the app connects it), served
 * by the real browser-mode server. It adds only what the bench reads: when
 * each key went down and when each file-change event arrived (the moment
 * the graph view is told), on the `performance.now()` timeline.
 */
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../api/api-client';
import { useTrellis } from '../../store/vault-store';
import { InboxPanel } from '../InboxPanel';
import '../../styles.css';

interface BenchMarks {
  keys: number[];
  fileEvents: number[];
}

declare global {
  interface Window {
    __curationBench?: BenchMarks;
  }
}

const marks: BenchMarks = { keys: [], fileEvents: [] };
window.__curationBench = marks;
// Capture phase, before React sees the key: the decision's clock starts at the keypress itself.
window.addEventListener('keydown', (e) => marks.keys.push(e.timeStamp), true);

const api = createApiClient();
api.on('onDidChangeFiles', () => marks.fileEvents.push(performance.now()));
// `?inboxonly` (a diagnostic): the inbox alone, without the app's refetch of files and findings after each change.
if (window.location.search.includes('inboxonly')) useTrellis.setState({ api });
else void useTrellis.getState().connect(api);

const root = document.getElementById('root');
if (root) createRoot(root).render(<InboxPanel />);
