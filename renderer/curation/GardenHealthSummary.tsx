import type { GardenHealth } from '../../shared/curation/garden-health';
import { useRelationshipTypes } from './use-relationship-types';
import { ConfidenceHistogram } from './ConfidenceHistogram';

/** Graph-garden health at a glance: curated vs inferred per type, the defects, and the confidence distribution. */
export function GardenHealthSummary({ health, threshold }: { health: GardenHealth; threshold: number }) {
  const standard = useRelationshipTypes();
  const types = [...new Set([...standard, ...Object.keys(health.curatedByType), ...Object.keys(health.inferredByType)])].filter(
    (t) => standard.includes(t) || (health.curatedByType[t] ?? 0) + (health.inferredByType[t] ?? 0) > 0,
  );
  const max = Math.max(1, ...types.map((t) => Math.max(health.curatedByType[t] ?? 0, health.inferredByType[t] ?? 0)));
  const figures: Array<[string, number, string]> = [
    ['Curated links', health.curatedTotal, 'curated-total'],
    ['Inferred links', health.inferredTotal, 'inferred-total'],
    ['Inferred but already curated', health.rules['already-curated'].count, 'already-curated'],
    ['Curated links to missing patterns', health.danglingCurated, 'dangling-curated'],
    ['Inferred links to missing patterns', health.rules['missing-target'].count, 'dangling-inferred'],
    ['One-sided inverse pairs', health.oneSidedInverses, 'one-sided'],
  ];
  return (
    <div data-testid="garden-health">
      <dl className="health-figures">
        {figures.map(([label, n, id]) => (
          <div key={id} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd data-figure={id}>{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <table className="health-types" aria-label="Links per type">
        <thead>
          <tr>
            <th>type</th>
            <th>curated</th>
            <th>inferred</th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => {
            const c = health.curatedByType[t] ?? 0;
            const i = health.inferredByType[t] ?? 0;
            return (
              <tr key={t} className={standard.includes(t) ? undefined : 'nonstandard'} data-type={t}>
                <td>{t}</td>
                <td>
                  {c} <span className="bar" style={{ width: (40 * c) / max }} />
                </td>
                <td data-inferred={i}>
                  {i} <span className="bar inferred" style={{ width: (40 * i) / max }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfidenceHistogram bins={health.confidenceHistogram} threshold={threshold} noConfidence={health.noConfidence} />
    </div>
  );
}
