import { useEffect, useState } from 'react';
import type { GardenHealth } from '../../shared/curation/garden-health';
import { useGardenHealth } from './use-garden-health';
import { useEditFlow } from './use-edit-flow';
import { EditPreviewView } from './EditPreviewView';
import { FlowStatusLine } from './FlowStatusLine';
import { GardenHealthSummary } from './GardenHealthSummary';
import './curation.css';

type RuleName = keyof GardenHealth['rules'];

/** The prune rules in the order a curator usually applies them, with what each removes. */
const RULES: Array<[RuleName, string]> = [
  ['already-curated', 'Already curated with the same target and type (the generator copied them)'],
  ['missing-target', 'The target is not a pattern in the vault'],
  ['self-link', 'The link points at its own pattern'],
  ['unknown-type', 'The type is missing or outside the vocabulary'],
  ['previously-pruned', 'Rejected before (.trellis/pruned.yaml) and back in a later machine run'],
  ['below-confidence', 'Confidence below the threshold'],
];

const DEFAULT_THRESHOLD = 0.7;

/** Rule-based pruning across the vault: counts and samples, a previewed batch applied in one step and undone in one step; the garden's health beside it. */
export function PruningDashboard() {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [thresholdText, setThresholdText] = useState(String(DEFAULT_THRESHOLD));
  const [selected, setSelected] = useState<ReadonlySet<RuleName>>(new Set());
  const { health, error, refresh } = useGardenHealth(threshold);
  const flow = useEditFlow();

  // Typing "0." must not ask for a threshold of zero: the figure follows once the text is a number.
  useEffect(() => {
    const t = setTimeout(() => {
      const n = Number(thresholdText);
      if (thresholdText.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1) setThreshold(n);
    }, 200);
    return () => clearTimeout(t);
  }, [thresholdText]);

  const toggle = (rule: RuleName) => {
    const next = new Set(selected);
    if (next.has(rule)) next.delete(rule);
    else next.add(rule);
    setSelected(next);
    flow.cancel();
  };

  const rules = RULES.map(([r]) => r).filter((r) => selected.has(r));
  const preview = () => void flow.run({ kind: 'prune', rules, ...(selected.has('below-confidence') ? { minConfidence: threshold } : {}) });
  const apply = async () => {
    await flow.apply();
    await refresh();
  };
  const undo = async () => {
    await flow.undo();
    await refresh();
  };
  const applying = flow.busy === 'apply';

  return (
    <div className="pruning" data-testid="pruning-dashboard">
      <div className="pruning-main">
        <section aria-label="Prune rules">
          <h3>Prune rules</h3>
          {error && (
            <div className="status-line error" role="alert">
              Could not read the garden's health: {error}
            </div>
          )}
          <ul className="prune-rules">
            {RULES.map(([rule, help]) => {
              const tally = health?.rules[rule];
              return (
                <li key={rule} className="prune-rule" data-rule={rule}>
                  <label>
                    <input type="checkbox" checked={selected.has(rule)} disabled={applying} onChange={() => toggle(rule)} aria-label={rule} />
                    <span>{rule}</span>
                  </label>
                  <span className="count" data-testid={`rule-count-${rule}`}>
                    {tally ? tally.count.toLocaleString('en') : '…'}
                  </span>
                  <span className="rule-help">{help}</span>
                  {rule === 'below-confidence' && (
                    <label className="prune-threshold">
                      threshold{' '}
                      <input
                        type="number"
                        min={0}
                        max={1}
                        step={0.01}
                        value={thresholdText}
                        disabled={applying}
                        aria-label="Confidence threshold"
                        data-testid="confidence-threshold"
                        onChange={(e) => {
                          setThresholdText(e.target.value);
                          flow.cancel();
                        }}
                      />
                    </label>
                  )}
                  {tally && tally.sample.length > 0 && (
                    <details>
                      <summary>sample</summary>
                      <ul>
                        {tally.sample.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="prune-actions">
            <button className="curation-button" onClick={preview} disabled={rules.length === 0 || !!flow.busy} data-testid="prune-preview">
              Preview
            </button>
            {flow.preview && (
              <>
                <button className="curation-button primary" onClick={() => void apply()} disabled={!!flow.busy || flow.stale || flow.preview.files.length === 0} data-testid="prune-apply">
                  Apply to {flow.preview.files.length} file(s)
                </button>
                <button className="curation-button" onClick={flow.cancel} disabled={applying} data-testid="prune-cancel" title={applying ? 'The batch is written as one step and cannot be interrupted' : undefined}>
                  Cancel
                </button>
              </>
            )}
            {flow.applied && !flow.applied.superseded && (
              <button className="curation-button" onClick={() => void undo()} disabled={!!flow.busy} data-testid="prune-undo">
                Undo the batch
              </button>
            )}
            {flow.applied?.superseded && <span className="muted">Other changes were applied since the batch; undo them first to undo it.</span>}
          </div>
          <FlowStatusLine flow={flow} />
        </section>
        {flow.preview && (
          <section aria-label="Preview" style={{ marginTop: 12 }}>
            <EditPreviewView preview={flow.preview} />
          </section>
        )}
      </div>
      <section aria-label="Garden health">
        <h3>Garden health</h3>
        {health ? <GardenHealthSummary health={health} threshold={threshold} /> : <div className="muted">Reading the garden…</div>}
      </section>
    </div>
  );
}
