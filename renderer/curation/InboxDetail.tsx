import { useRelationshipTypes } from './use-relationship-types';
import { useStore } from 'zustand';
import { defaultAcceptType, formatConfidence, linkKey } from './inbox-model';
import { currentItem, type InboxStore } from './inbox-store';
import { SignalChips } from './SignalChips';
import { TypeSelect } from './TypeSelect';

const KEYS: Array<[string, string]> = [
  ['A', 'accept (promote to a curated relationship)'],
  ['R', 'reject (prune, remembered in .trellis/pruned.yaml)'],
  ['T / ⇧T', 'change the type an accept uses'],
  ['S', 'skip for now'],
  ['U', 'undo the last change'],
  ['J K / ↓ ↑', 'move'],
  ['O', 'open the source pattern'],
];

export interface InboxDetailProps {
  store: InboxStore;
  /** Runs an action, then gives the keyboard back to the list. */
  act: (action: 'accept' | 'reject' | 'skip' | 'undo' | 'open') => void;
}

/** The link under the cursor in full (its whole reason, every signal explained) with the actions and their keys. */
export function InboxDetail({ store, act }: InboxDetailProps) {
  const item = useStore(store, currentItem);
  const drafts = useStore(store, (s) => s.drafts);
  const busy = useStore(store, (s) => s.busy);
  const types = useRelationshipTypes();
  if (!item) {
    return (
      <aside className="inbox-detail empty" data-testid="inbox-detail">
        No link selected.
      </aside>
    );
  }
  const key = linkKey(item);
  const draft = drafts.get(key);
  const acceptType = draft?.type ?? defaultAcceptType(item, types);
  return (
    <aside className="inbox-detail" data-testid="inbox-detail" aria-label="Link under review">
      <h3>
        {item.sourceTitle ?? item.source} <span className="inbox-arrow">→</span> {item.targetTitle ?? item.target}
      </h3>
      <dl>
        <dt>Source</dt>
        <dd>{item.path}</dd>
        <dt>Target</dt>
        <dd>{item.signals.targetExists ? item.target : `${item.target} (no such pattern)`}</dd>
        <dt>Type</dt>
        <dd>
          {item.type ?? '(none)'}
          {item.suggestedType && <span className="type-as"> — standard: {item.suggestedType}</span>}
        </dd>
        <dt>Confidence</dt>
        <dd>{formatConfidence(item.confidence)}</dd>
      </dl>
      {item.reason && <p className="inbox-reason-full">{item.reason}</p>}
      <SignalChips item={item} long />
      <div className="inbox-accept-as">
        <label>
          Accept as <TypeSelect value={acceptType} label="Accept as type" onChange={(type) => store.getState().setDraft(key, { ...draft, type })} />
        </label>
        <label>
          weight{' '}
          <input
            type="number"
            min={0.4}
            max={1}
            step={0.05}
            className="weight-input"
            aria-label="Weight"
            placeholder={item.confidence !== undefined ? String(item.confidence) : 'required'}
            value={draft?.weight ?? ''}
            onChange={(e) => {
              const w = e.target.value === '' ? undefined : Number(e.target.value);
              const { weight: _old, ...rest } = draft ?? {};
              store.getState().setDraft(key, w === undefined || Number.isNaN(w) ? rest : { ...rest, weight: w });
            }}
          />
        </label>
      </div>
      <div className="inbox-actions">
        <button onClick={() => act('accept')} disabled={acceptType === undefined} data-testid="inbox-accept">
          Accept <kbd>A</kbd>
        </button>
        <button onClick={() => act('reject')} data-testid="inbox-reject">
          Reject <kbd>R</kbd>
        </button>
        <button onClick={() => act('skip')}>
          Skip <kbd>S</kbd>
        </button>
        <button onClick={() => act('undo')} data-testid="inbox-undo">
          Undo <kbd>U</kbd>
        </button>
        <button onClick={() => act('open')}>
          Open <kbd>O</kbd>
        </button>
        {busy > 0 && <span className="inbox-saving">writing…</span>}
      </div>
      <ul className="inbox-keys">
        {KEYS.map(([k, what]) => (
          <li key={k}>
            <kbd>{k}</kbd> {what}
          </li>
        ))}
      </ul>
    </aside>
  );
}
