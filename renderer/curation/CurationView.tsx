import { CURATION_TABS, formatCurationRoute, type CurationRoute, type CurationTab } from './curation-route';
import { InboxPanel } from './InboxPanel';
import { PruningDashboard } from './PruningDashboard';
import { LifecycleDialogs } from './LifecycleDialogs';
import './curation.css';

const LABELS: Record<CurationTab, string> = { inbox: 'Inbox', prune: 'Pruning', lifecycle: 'Patterns' };

/** The curation workspace behind `#/curation…`: the inbox, the pruning dashboard, the lifecycle actions. */
export function CurationView({ route }: { route: CurationRoute }) {
  return (
    <section className="curation-view" aria-label="Curation" data-testid="curation-view">
      <nav className="curation-tabs" aria-label="Curation">
        {CURATION_TABS.map((tab) => (
          <a key={tab} href={formatCurationRoute({ tab })} aria-current={route.tab === tab ? 'page' : undefined} data-testid={`curation-tab-${tab}`}>
            {LABELS[tab]}
          </a>
        ))}
        <span className="spacer" />
        <a href="#/">Close</a>
      </nav>
      <div className="curation-page">
        {route.tab === 'inbox' && <InboxPanel />}
        {route.tab === 'prune' && <PruningDashboard />}
        {route.tab === 'lifecycle' && <LifecycleDialogs />}
      </div>
    </section>
  );
}
