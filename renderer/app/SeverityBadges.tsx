import type { SeverityCounts } from '../../shared/api/vault-api';

/** Error / warning / info counts, each shown only when non-zero (or always, in the header). */
export function SeverityBadges({ counts, always = false }: { counts: SeverityCounts; always?: boolean }) {
  return (
    <span className="badges">
      {(['error', 'warning', 'info'] as const).map((s) =>
        always || counts[s] > 0 ? (
          <span key={s} className={`badge badge-${s}`} data-severity={s} title={`${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`}>
            {counts[s]}
          </span>
        ) : null,
      )}
    </span>
  );
}
