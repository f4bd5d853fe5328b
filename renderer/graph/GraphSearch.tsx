import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphModel } from '../../shared/vault/graph-model';
import { searchNodes, type SearchHit } from '../../shared/graph/graph-search';

export interface GraphSearchProps {
  graph: GraphModel;
  /** Enter or a click on a hit. */
  onPick: (hit: SearchHit) => void;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** Keyboard-first search: `/` anywhere focuses it, arrows move, Enter picks (the top hit by default), Escape clears. */
export function GraphSearch({ graph, onPick }: GraphSearchProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchNodes(graph, query, 12), [graph, query]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = hits.length || 1;
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(hits[active] ?? hits[0]);
    } else if (e.key === 'Escape') {
      setQuery('');
      input.current?.blur();
    }
  };

  return (
    <div className="graph-search" role="search">
      <input
        ref={input}
        type="search"
        placeholder="Search patterns  ( / )"
        aria-label="Search patterns by title, slug or alias"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="graph-search-hits"
        aria-activedescendant={hits.length ? `graph-hit-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="graph-search"
      />
      {query && (
        <ul id="graph-search-hits" role="listbox" aria-label="Matching patterns">
          {hits.length === 0 && <li className="muted">No pattern matches</li>}
          {hits.map((h, i) => (
            <li key={h.id} id={`graph-hit-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(h)}>
              <span>{h.ghost ? `${h.label} (missing)` : h.label}</span>
              {h.field !== 'title' && <span className="hit-field">{h.field === 'alias' ? `alias: ${h.matched}` : h.matched}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
