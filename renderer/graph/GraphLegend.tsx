import { useState } from 'react';
import type { GraphElements } from '../../shared/graph/graph-view-model';
import { DEFAULT_VOCABULARY, isDirectedCategory, type ColorBy, type RelationshipVocabulary } from '../../shared/graph/graph-filters';
import { edgeColor } from '../../shared/graph/graph-palette';

export interface GraphLegendProps {
  elements: GraphElements;
  colorBy: ColorBy;
  vocabulary?: RelationshipVocabulary;
}

const CATEGORY_LABELS: Record<string, string> = { related: 'related (legacy list)', other: 'other / no type' };

const OPEN_KEY = 'trellis.graph.legendOpen';

/** Open as the curator last left it; the first time, open only where it leaves the drawing room. */
function initiallyOpen(): boolean {
  try {
    const stored = globalThis.localStorage?.getItem(OPEN_KEY);
    if (stored !== null && stored !== undefined) return stored === '1';
  } catch {
    // No storage: fall through to the default.
  }
  return (globalThis.innerWidth ?? 0) >= 1600;
}

/** Explains every colour, line and mark on screen, and only those. */
export function GraphLegend({ elements, colorBy, vocabulary }: GraphLegendProps) {
  const vocab = vocabulary ?? DEFAULT_VOCABULARY;
  const [open, setOpen] = useState(initiallyOpen);
  const onToggle = (e: { currentTarget: HTMLDetailsElement }) => {
    const next = e.currentTarget.open;
    setOpen(next);
    try {
      globalThis.localStorage?.setItem(OPEN_KEY, next ? '1' : '0');
    } catch {
      // Not remembered, still toggled.
    }
  };
  const hasGhosts = elements.nodes.some((n) => n.ghost);
  const hasErrors = elements.nodes.some((n) => n.ring === 'error');
  const hasWarnings = elements.nodes.some((n) => n.ring === 'warning');
  const hasInferred = elements.edges.some((e) => e.kind === 'inferred');
  const hasCurated = elements.edges.some((e) => e.kind === 'curated');
  return (
    <details className="graph-legend" open={open} onToggle={onToggle} data-testid="graph-legend">
      <summary>Legend</summary>
      <h4>Fill: {colorBy}</h4>
      <ul className={elements.colorKey.length > 6 ? 'columns' : undefined}>
        {elements.colorKey.map((e) => (
          <li key={e.value} title={`${e.label}: ${e.count} patterns in the vault`}>
            <span className="dot" style={{ background: e.color }} />
            <span className="name">{e.label}</span>
            <span className="count">{e.count}</span>
          </li>
        ))}
      </ul>
      <h4>Marks</h4>
      <ul>
        <li>Size: number of curated neighbours</li>
        {hasErrors && (
          <li>
            <span className="dot ring-error" /> red ring: the file has errors
          </li>
        )}
        {hasWarnings && (
          <li>
            <span className="dot ring-warning" /> amber ring: warnings
          </li>
        )}
        {hasGhosts && (
          <li>
            <span className="dot ghost" /> dashed, white: missing pattern (a link to a file that does not exist)
          </li>
        )}
        <li>
          <span className="dot selected" /> halo: selected
        </li>
        <li>Labels appear as you zoom in; hover a node for its name</li>
      </ul>
      {elements.edges.length > 0 && (
        <>
          <h4>Links</h4>
          <ul>
            {hasCurated && (
              <li>
                <span className="line" style={{ borderColor: '#555' }} /> solid: curated; thicker = higher weight
              </li>
            )}
            {hasInferred && (
              <li>
                <span className="line dashed" style={{ borderColor: '#555', opacity: 0.6 }} /> dashed, faint: inferred; fainter = lower confidence
              </li>
            )}
            <li>
              <span className="line arrow" style={{ borderColor: '#555', color: '#555' }} /> arrow: directed type (towards the target)
            </li>
          </ul>
          <ul className="columns">
            {elements.categoriesShown.map((c) => (
              <li key={c}>
                <span className={`line${isDirectedCategory(vocab, c) ? ' arrow' : ''}`} style={{ borderColor: edgeColor(c), color: edgeColor(c) }} />
                <span className="name">{CATEGORY_LABELS[c] ?? c.replace(/_/g, ' ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
