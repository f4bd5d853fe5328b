import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { FileSummary } from '../../shared/api/vault-api';
import type { InboxScope } from '../../shared/curation/inbox';
import { useTrellis } from '../store/vault-store';
import { useRelationshipTypes } from './use-relationship-types';
import { createInboxStore, currentItem, type InboxStore } from './inbox-store';
import { InboxBar } from './InboxBar';
import { InboxList, type InboxListHandle } from './InboxList';
import { InboxDetail } from './InboxDetail';
import { useReviewStore } from './review-store';
import './curation.css';

export interface InboxPanelProps {
  /**
   * What to review. Fixed when given (e.g. the graph's focused neighbourhood
   * as `{kind: 'paths', paths}`); otherwise the curator picks vault, folder or
   * the open pattern.
   */
  scope?: InboxScope;
  /** "Open" on a link; by default its source pattern is selected. */
  onOpenPattern?: (path: string) => void;
}

/** The review queue of inferred links, triaged from the keyboard; each decision is written at once. */
export function InboxPanel(props: InboxPanelProps) {
  const api = useTrellis((s) => s.api);
  const types = useRelationshipTypes();
  const [store, setStore] = useState<InboxStore | undefined>();
  const initialScope = useRef(props.scope ?? { kind: 'vault' as const });

  // The store lives as long as this panel and this connection; it is disposed with them.
  useEffect(() => {
    if (!api) return;
    const created = createInboxStore({ api, scope: initialScope.current, knownPath, types });
    setStore(created);
    const off = api.on('onDidChangeFiles', (change) => created.getState().onFilesChanged(change));
    return () => {
      off();
      created.getState().dispose();
      setStore(undefined);
    };
  }, [api]);

  useEffect(() => {
    if (store && props.scope) store.getState().setScope(props.scope);
  }, [store, props.scope]);

  if (!api || !store) return <section className="inbox empty">Connecting…</section>;
  return <InboxView store={store} fixedScope={props.scope !== undefined} onOpenPattern={props.onOpenPattern} />;
}

let knownPaths: { files: FileSummary[]; paths: Set<string> } | undefined;

/**
 * Whether the vault store lists `path`. A change to a path it does not list is
 * a new file, which can turn ghosts into targets anywhere: the inbox reloads.
 * Without a file list (a page that shows the inbox alone) every path counts as
 * known, so edits are merged as partial refreshes.
 */
function knownPath(path: string): boolean {
  const files = useTrellis.getState().files;
  if (files.length === 0) return true;
  if (knownPaths?.files !== files) knownPaths = { files, paths: new Set(files.map((f) => f.path)) };
  return knownPaths.paths.has(path);
}

function isTyping(target: EventTarget): boolean {
  const el = target as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable;
}

function InboxView({ store, fixedScope, onOpenPattern }: { store: InboxStore; fixedScope: boolean; onOpenPattern: ((path: string) => void) | undefined }) {
  const list = useRef<InboxListHandle>(null);
  const select = useTrellis((s) => s.select);
  const open = useCallback((path: string) => (onOpenPattern ?? select)(path), [onOpenPattern, select]);

  useEffect(() => list.current?.focus(), []);

  // The link under review, for the graph to highlight.
  const item = useStore(store, currentItem);
  const setReviewing = useReviewStore((s) => s.setReviewing);
  useEffect(() => {
    setReviewing(item && { source: item.source, target: item.target, edgeId: `i:${item.source}:${item.index}`, path: item.path, ...(item.type !== undefined ? { type: item.type } : {}) });
  }, [item, setReviewing]);
  useEffect(() => () => setReviewing(undefined), [setReviewing]);

  const act = useCallback(
    (action: 'accept' | 'reject' | 'skip' | 'undo' | 'open') => {
      const s = store.getState();
      if (action === 'accept' || action === 'reject') s.decide(action);
      else if (action === 'skip') s.skip();
      else if (action === 'undo') s.undo();
      else {
        const current = currentItem(s);
        if (current) open(current.path);
      }
      list.current?.focus();
    },
    [store, open],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const s = store.getState();
      const handled = (() => {
        switch (e.key) {
          case 'j':
          case 'ArrowDown':
            s.move(1);
            return true;
          case 'k':
          case 'ArrowUp':
            s.move(-1);
            return true;
          case 'PageDown':
            s.move(10);
            return true;
          case 'PageUp':
            s.move(-10);
            return true;
          case 'Home':
            s.move(-Infinity);
            return true;
          case 'End':
            s.move(Infinity);
            return true;
          case 'a':
          case 'A':
            act('accept');
            return true;
          case 'r':
          case 'R':
            act('reject');
            return true;
          case 's':
          case 'S':
            act('skip');
            return true;
          case 'u':
          case 'U':
            act('undo');
            return true;
          case 't':
            s.retype(1);
            return true;
          case 'T':
            s.retype(e.shiftKey ? -1 : 1);
            return true;
          case 'o':
          case 'O':
          case 'Enter':
            act('open');
            return true;
          default:
            return false;
        }
      })();
      if (handled) e.preventDefault();
    },
    [store, act],
  );

  return (
    <section className="inbox" aria-label="Inferred-link inbox" data-testid="inbox">
      <InboxBar store={store} fixedScope={fixedScope} />
      <InboxMessage store={store} />
      <div className="inbox-body">
        <InboxList ref={list} store={store} onKeyDown={onKeyDown} />
        <InboxDetail store={store} act={act} />
      </div>
    </section>
  );
}

function InboxMessage({ store }: { store: InboxStore }) {
  const message = useStore(store, (s) => s.message);
  if (!message) return null;
  return (
    <div className={`inbox-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="inbox-message" data-tone={message.tone}>
      {message.text}
      <button className="link-button" onClick={() => store.getState().dismissMessage()} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
