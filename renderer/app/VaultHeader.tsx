import { useTrellis } from '../store/vault-store';
import { SeverityBadges } from './SeverityBadges';

/** Vault name, overall finding counts and indexing progress. */
export function VaultHeader() {
  const vault = useTrellis((s) => s.vault);
  const progress = useTrellis((s) => s.progress);
  const indexing = progress !== undefined && progress.done < progress.total;
  return (
    <header className="vault-header">
      <span className="app-name">Trellis</span>
      <span className="vault-name" data-testid="vault-name">
        {vault ? vault.name : 'Opening vault…'}
      </span>
      {vault && (
        <span className="vault-summary" data-testid="vault-summary">
          {vault.files} patterns <SeverityBadges counts={vault.counts} always />
        </span>
      )}
      {indexing && (
        <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          Indexing {progress.done} / {progress.total}
        </span>
      )}
      <nav className="header-nav" aria-label="Views">
        <a href="#/">Patterns</a>
        <a href="#/curation">Inbox</a>
        <a href="#/curation/prune">Prune</a>
        <a href="#/curation/lifecycle">Patterns…</a>
      </nav>
      {vault && vault.schemaErrors.length > 0 && <span className="schema-error">Vault schema: {vault.schemaErrors.join('; ')}</span>}
    </header>
  );
}
