import type { CSSProperties } from 'react';
import type { InboxItem } from '../../shared/curation/inbox';
import { formatConfidence } from './inbox-model';
import { SignalChips } from './SignalChips';
import { TypeSelect } from './TypeSelect';

export interface InboxRowProps {
  item: InboxItem;
  domId: string;
  current: boolean;
  skipped: boolean;
  /** The type an accept would use now (the draft or the default). */
  acceptType: string | undefined;
  /** Whether the curator changed the type. */
  retyped: boolean;
  style: CSSProperties;
  onSelect: () => void;
  onRetype: (type: string) => void;
}

/** One inferred link: who links to whom, as what, how sure, why, and its signals. */
export function InboxRow({ item, domId, current, skipped, acceptType, retyped, style, onSelect, onRetype }: InboxRowProps) {
  const classes = ['inbox-row', current && 'current', skipped && 'skipped'].filter(Boolean).join(' ');
  return (
    <div
      id={domId}
      role="option"
      aria-selected={current}
      className={classes}
      style={style}
      data-testid="inbox-row"
      data-source={item.source}
      data-target={item.target}
      data-path={item.path}
      onMouseDown={onSelect}
    >
      <div className="inbox-row-line">
        <span className="inbox-ends">
          <span className="inbox-source">{item.sourceTitle ?? item.source}</span>
          <span className="inbox-arrow">→</span>
          <span className={item.signals.targetExists ? 'inbox-target' : 'inbox-target ghost'}>{item.targetTitle ?? item.target}</span>
        </span>
        <span className="inbox-type" data-testid="inbox-type">
          {current ? (
            <>
              {(retyped || item.suggestedType !== undefined || acceptType === undefined) && <span className="type-raw nonstandard">{item.type ?? '(no type)'} →</span>}
              <TypeSelect value={acceptType} onChange={onRetype} label={`Accept ${item.source} → ${item.target} as`} />
            </>
          ) : (
            <>
              <span className={item.suggestedType || !acceptType ? 'type-raw nonstandard' : 'type-raw'}>{item.type ?? '(no type)'}</span>
              {retyped ? <span className="type-as">as {acceptType}</span> : item.suggestedType && <span className="type-as">→ {item.suggestedType}</span>}
            </>
          )}
        </span>
        <span className="inbox-confidence" title="confidence">
          {formatConfidence(item.confidence)}
        </span>
      </div>
      <div className="inbox-row-line inbox-row-second">
        <span className="inbox-reason">{item.reason ?? ''}</span>
        {skipped && <span className="chip chip-muted">skipped</span>}
        <SignalChips item={item} />
      </div>
    </div>
  );
}
