import { useRelationshipTypes } from './use-relationship-types';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useStore } from 'zustand';
import { defaultAcceptType, linkKey } from './inbox-model';
import { currentIndex, visibleItems, type InboxStore } from './inbox-store';
import { InboxRow } from './InboxRow';

/** Fixed row height: a vault holds ~18,000 suggestions, so only the rows in view are rendered. */
export const ROW_HEIGHT = 58;
const OVERSCAN = 6;

export interface InboxListHandle {
  focus(): void;
}

/** The queue, windowed: rows are absolutely placed in a full-height spacer and only those in view exist. */
export function InboxList({ store, onKeyDown, ref }: { store: InboxStore; onKeyDown: (e: KeyboardEvent) => void; ref?: Ref<InboxListHandle> }) {
  const items = useStore(store, visibleItems);
  const index = useStore(store, currentIndex);
  const skipped = useStore(store, (s) => s.skipped);
  const drafts = useStore(store, (s) => s.drafts);
  const status = useStore(store, (s) => s.status);
  const types = useRelationshipTypes();
  const host = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useImperativeHandle(ref, () => ({ focus: () => host.current?.focus({ preventScroll: true }) }), []);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  // Keep the current row in view as the cursor moves.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [index]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i];
    if (!item) continue;
    const key = linkKey(item);
    const draft = drafts.get(key);
    rows.push(
      <InboxRow
        key={key}
        item={item}
        domId={`inbox-row-${i}`}
        current={i === index}
        skipped={skipped.has(key)}
        acceptType={draft?.type ?? defaultAcceptType(item, types)}
        retyped={draft?.type !== undefined}
        style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
        onSelect={() => store.getState().moveTo(key)}
        onRetype={(type) => {
          store.getState().setDraft(key, { ...draft, type });
          host.current?.focus({ preventScroll: true });
        }}
      />,
    );
  }

  return (
    <div
      ref={host}
      className="inbox-list"
      tabIndex={0}
      role="listbox"
      aria-label="Inferred links to review"
      aria-activedescendant={index >= 0 ? `inbox-row-${index}` : undefined}
      data-testid="inbox-list"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      {items.length === 0 ? (
        <div className="inbox-empty">{status === 'loading' ? 'Loading the inbox…' : status === 'error' ? 'The inbox could not be loaded.' : 'Nothing left to review in this scope.'}</div>
      ) : (
        <div className="inbox-spacer" style={{ height: items.length * ROW_HEIGHT }}>
          {rows}
        </div>
      )}
    </div>
  );
}
