import { useMemo } from 'react';
import type { GraphModel } from '../../shared/vault/graph-model';
import { categoryCounts as countCategories, type GraphElements } from '../../shared/graph/graph-view-model';
import type { SearchHit } from '../../shared/graph/graph-search';
import {
  clampConfidence,
  DEFAULT_FILTERS,
  DEFAULT_VOCABULARY,
  edgeCategories,
  withTypeShown,
  type ColorBy,
  type FocusDepth,
  type GraphFilters,
  type RelationshipVocabulary,
} from '../../shared/graph/graph-filters';
import { edgeColor } from '../../shared/graph/graph-palette';
import { GraphSearch } from './GraphSearch';

export interface GraphControlsProps {
  graph: GraphModel;
  filters: GraphFilters;
  onFiltersChange: (filters: GraphFilters) => void;
  colorBy: ColorBy;
  onColorByChange: (colorBy: ColorBy) => void;
  /** The current drawing, for its counts. */
  elements: GraphElements;
  /** The pattern "Focus" centres on. */
  selectedId?: string;
  onSearchPick: (hit: SearchHit) => void;
  vocabulary?: RelationshipVocabulary;
}

const CATEGORY_LABELS: Record<string, string> = { related: 'related (legacy lists)', other: 'other / untyped (inferred)' };

function valueCounts(values: Array<string | undefined>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Filters, colour, focus and search for the graph view; every control is labelled and reachable by keyboard. */
export function GraphControls(props: GraphControlsProps) {
  const { graph, filters, onFiltersChange: set, elements } = props;
  const vocab = props.vocabulary ?? DEFAULT_VOCABULARY;
  const categoryCounts = useMemo(() => countCategories(graph, vocab), [graph, vocab]);
  const patterns = useMemo(() => graph.nodes.filter((n) => !n.ghost), [graph]);
  const domains = useMemo(() => valueCounts(patterns.map((n) => n.domain)), [patterns]);
  const statuses = useMemo(() => valueCounts(patterns.map((n) => n.status)), [patterns]);
  const focus = filters.focus;
  const focusDepth: FocusDepth = focus?.depth ?? 1;
  const h = elements.hidden;

  const setFocusDepth = (depth: FocusDepth) => {
    if (focus) set({ ...filters, focus: { ...focus, depth } });
    else if (props.selectedId) set({ ...filters, focus: { id: props.selectedId, depth } });
  };
  const toggleFocus = () => {
    if (focus) set({ ...filters, focus: undefined });
    else if (props.selectedId) set({ ...filters, focus: { id: props.selectedId, depth: focusDepth } });
  };

  return (
    <aside className="graph-controls" aria-label="Graph filters" data-testid="graph-controls">
      <GraphSearch graph={graph} onPick={props.onSearchPick} />

      <section>
        <h3>View</h3>
        <div className="row">
          <label>
            Colour by
            <select value={props.colorBy} onChange={(e) => props.onColorByChange(e.target.value as ColorBy)} aria-label="Colour nodes by">
              <option value="domain">domain</option>
              <option value="status">status</option>
              <option value="generation">generation</option>
            </select>
          </label>
        </div>
        <div className="row" role="group" aria-label="Focus">
          <button aria-pressed={!!focus} onClick={toggleFocus} disabled={!focus && !props.selectedId} title={focus ? 'Back to the whole graph (Escape)' : 'Only the selected pattern and its neighbours (F)'}>
            {focus ? 'Overview' : 'Focus'}
          </button>
          {([1, 2, 3] as const).map((d) => (
            <button key={d} aria-pressed={focus?.depth === d} onClick={() => setFocusDepth(d)} aria-label={`Focus depth ${d}`} disabled={!focus && !props.selectedId}>
              {d}
            </button>
          ))}
        </div>
      </section>

      <section>
        <h3>Links</h3>
        <fieldset aria-label="Relationship types">
          {edgeCategories(vocab)
            .filter((c) => categoryCounts.has(c) || vocab.types.includes(c))
            .map((c) => (
              <label key={c}>
                <input type="checkbox" checked={!filters.hiddenTypes.includes(c)} onChange={(e) => set(withTypeShown(filters, c, e.target.checked))} data-testid={`type-${c}`} />
                <span className="swatch-line" style={{ borderColor: edgeColor(c) }} />
                {CATEGORY_LABELS[c] ?? c}
                <span className="muted">{categoryCounts.get(c) ?? 0}</span>
              </label>
            ))}
        </fieldset>
        <fieldset aria-label="Inferred links">
          <label>
            <input type="checkbox" checked={filters.showInferred} onChange={(e) => set({ ...filters, showInferred: e.target.checked })} data-testid="show-inferred" />
            Inferred links (dashed)
          </label>
          <label title="Inferred links with a lower confidence are not drawn">
            Confidence ≥ {filters.minConfidence.toFixed(2)}
          </label>
          <input
            type="range"
            min={0.5}
            max={1}
            step={0.01}
            value={filters.minConfidence}
            disabled={!filters.showInferred}
            onChange={(e) => set({ ...filters, minConfidence: clampConfidence(Number(e.target.value)) })}
            aria-label="Minimum confidence of inferred links"
            data-testid="min-confidence"
          />
          <label>
            <input type="checkbox" checked={filters.hideRedundantInferred} onChange={(e) => set({ ...filters, hideRedundantInferred: e.target.checked })} data-testid="hide-redundant" />
            Hide inferred links that repeat a curated one
          </label>
        </fieldset>
      </section>

      <section>
        <h3>Patterns</h3>
        <fieldset aria-label="Nodes">
          <label>
            <input type="checkbox" checked={filters.showGhosts} onChange={(e) => set({ ...filters, showGhosts: e.target.checked })} data-testid="show-ghosts" />
            Missing patterns (ghosts)
          </label>
          <label>
            <input type="checkbox" checked={filters.showOrphans} onChange={(e) => set({ ...filters, showOrphans: e.target.checked })} data-testid="show-orphans" />
            Patterns without links
          </label>
        </fieldset>
        <MultiSelect label="Domain" values={domains} selected={filters.domains} onChange={(domains) => set({ ...filters, domains })} testId="filter-domain" />
        <MultiSelect label="Status" values={statuses} selected={filters.statuses} onChange={(statuses) => set({ ...filters, statuses })} testId="filter-status" />
      </section>

      <section className="graph-counts" aria-live="polite" data-testid="graph-counts">
        {elements.focus && !elements.focus.found && <div>“{elements.focus.id}” is not in this vault.</div>}
        <div>
          {elements.nodes.length} patterns, {elements.edges.length} links drawn
        </div>
        {h.belowThreshold > 0 && <div>{h.belowThreshold} inferred below the threshold</div>}
        {h.redundantInferred > 0 && <div>{h.redundantInferred} inferred repeats of curated links</div>}
        {h.edgesByType > 0 && <div>{h.edgesByType} links of hidden types</div>}
        {h.selfLinks > 0 && <div>{h.selfLinks} self-links not drawn</div>}
        {h.byDomainOrStatus > 0 && <div>{h.byDomainOrStatus} patterns filtered out</div>}
        {h.orphans > 0 && <div>{h.orphans} patterns without links hidden</div>}
        <button onClick={() => set({ ...DEFAULT_FILTERS, focus: filters.focus })}>Reset filters</button>
      </section>
    </aside>
  );
}

function MultiSelect(props: { label: string; values: Array<[string, number]>; selected: readonly string[]; onChange: (v: string[]) => void; testId: string }) {
  if (props.values.length === 0) return null;
  return (
    <label style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      <span className="row">
        {props.label} {props.selected.length ? `(${props.selected.length})` : '(all)'}
        {props.selected.length > 0 && (
          <button type="button" onClick={() => props.onChange([])} style={{ flex: 'none' }}>
            all
          </button>
        )}
      </span>
      <select
        multiple
        value={[...props.selected]}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
        aria-label={`Only these ${props.label.toLowerCase()} values`}
        data-testid={props.testId}
      >
        {props.values.map(([v, n]) => (
          <option key={v} value={v}>
            {v} ({n})
          </option>
        ))}
      </select>
    </label>
  );
}
