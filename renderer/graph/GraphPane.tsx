import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphModel } from '../../shared/vault/graph-model';
import { toElements, type ViewNode } from '../../shared/graph/graph-view-model';
import { DEFAULT_FILTERS, DEFAULT_VOCABULARY, vocabularyFrom, type ColorBy, type GraphFilters, type RelationshipVocabulary } from '../../shared/graph/graph-filters';
import type { SearchHit } from '../../shared/graph/graph-search';
import { useTrellis } from '../store/vault-store';
import { GraphView, type GraphViewHandle } from './GraphView';
import { GraphControls } from './GraphControls';
import { GraphLegend } from './GraphLegend';
import { useGraphRoute } from './graph-route';
import { useVaultGraph } from './use-vault-graph';
import { useGraphEdits } from './use-graph-edits';
import { useStoredPositions } from './use-stored-positions';
import type { LayoutInfo } from './graph-canvas';

export interface GraphPaneProps {
  /** A fixed graph (tests, the bench); by default the store's vault, fetched and kept live. */
  graph?: GraphModel;
  /** Positions are cached under this key; by default the vault's name. */
  vaultKey?: string;
  /** Double-click or "Open": by default the pattern is selected (the detail pane shows it). */
  onOpenPattern?: (path: string) => void;
  initialFilters?: GraphFilters;
  vocabulary?: RelationshipVocabulary;
  onDidPaint?: (info: { first: boolean; ms: number }) => void;
  onDidLayout?: (info: LayoutInfo) => void;
}

/**
 * The graph view with its controls and legend, wired to the store (the
 * selection, the API for edits) and to the address (`#/pattern/<slug>`,
 * focus in `/focus/<depth>`). Filters other than focus are this pane's state.
 */
export function GraphPane(props: GraphPaneProps) {
  const api = useTrellis((s) => s.api);
  const vault = useTrellis((s) => s.vault);
  const selectedPath = useTrellis((s) => s.selectedPath);
  const select = useTrellis((s) => s.select);
  const live = useVaultGraph(props.graph ? undefined : api, vault?.ready ?? false);
  const graph = props.graph ?? live.graph;
  const vaultKey = props.vaultKey ?? vault?.name ?? 'vault';
  const schema = useTrellis((s) => s.schema);
  // The vault's own relationship types (its schema may add some), as the backend checks them.
  const vaultVocabulary = useMemo(() => (schema ? vocabularyFrom(schema) : DEFAULT_VOCABULARY), [schema]);
  const vocabulary = props.vocabulary ?? vaultVocabulary;
  const [filters, setFilters] = useState<GraphFilters>(props.initialFilters ?? DEFAULT_FILTERS);
  const [colorBy, setColorBy] = useState<ColorBy>('domain');
  const [route, navigate] = useGraphRoute();
  const [layoutNote, setLayoutNote] = useState<string | undefined>();
  const view = useRef<GraphViewHandle>(null);
  /** A click in the graph already shows its node: its route must not move the view. */
  const clickedId = useRef<string | undefined>(undefined);

  const byId = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  const idByPath = useMemo(() => new Map((graph?.nodes ?? []).filter((n) => n.path).map((n) => [n.path as string, n.id])), [graph]);
  const pathOf = useCallback((id: string) => byId.get(id)?.path, [byId]);
  const edits = useGraphEdits(api, pathOf);
  // A fixed graph (tests, the bench) keeps its positions to itself.
  const storePositions = useStoredPositions(props.graph ? undefined : api, vault?.ready ?? false, vaultKey, view, !!graph);

  // The address decides focus; the pane's own filters decide the rest.
  const effectiveFilters = useMemo<GraphFilters>(() => {
    if (route.slug && route.depth) return { ...filters, focus: { id: route.slug, depth: route.depth } };
    return filters.focus ? { ...filters, focus: undefined } : filters;
  }, [filters, route]);
  const elements = useMemo(() => (graph ? toElements(graph, effectiveFilters, { colorBy, vocabulary }) : undefined), [graph, effectiveFilters, colorBy, vocabulary]);
  const selectedId = selectedPath ? idByPath.get(selectedPath) : undefined;

  // Address → selection.
  useEffect(() => {
    if (!route.slug || !graph) return;
    const path = byId.get(route.slug)?.path;
    if (path && path !== useTrellis.getState().selectedPath) select(path);
  }, [route.slug, graph, byId, select]);

  // Selection made elsewhere (file list, problems) → address, so back/forward include it.
  useEffect(() => {
    if (selectedId && selectedId !== route.slug) navigate({ slug: selectedId, ...(route.depth ? { depth: route.depth } : {}) });
    // Only a change of selection writes the address (the route is read, not watched).
  }, [selectedId]);

  // A route to a pattern outside focus brings it into view, once it is drawn.
  useEffect(() => {
    if (!route.slug || route.depth || !elements) return;
    const id = route.slug;
    if (clickedId.current === id) {
      clickedId.current = undefined;
      return;
    }
    const frame = requestAnimationFrame(() => view.current?.reveal(id));
    return () => cancelAnimationFrame(frame);
    // On arrival at a route, not on every filter change.
  }, [route.slug, route.depth, !!elements]);

  const onFiltersChange = (next: GraphFilters) => {
    const { focus, ...rest } = next;
    setFilters({ ...rest, focus: undefined });
    if (focus?.id !== effectiveFilters.focus?.id || focus?.depth !== effectiveFilters.focus?.depth) {
      navigate(focus ? { slug: focus.id, depth: focus.depth } : { ...(route.slug ? { slug: route.slug } : {}) });
    }
  };

  const onSearchPick = (hit: SearchHit) => {
    const drawn = elements?.nodes.some((n) => n.id === hit.id);
    // A hit the filters hide is shown in its neighbourhood rather than not at all.
    const next = { slug: hit.id, ...(route.depth ? { depth: route.depth } : drawn ? {} : { depth: 1 as const }) };
    if (hit.path) select(hit.path);
    // A new address brings the hit into view (the effect above); the same address again must do it here.
    if (next.slug === route.slug && !next.depth) view.current?.reveal(hit.id);
    navigate(next);
  };

  const open = (node: ViewNode) => {
    if (!node.path) return;
    if (props.onOpenPattern) props.onOpenPattern(node.path);
    else select(node.path);
  };

  if (!graph || !elements) {
    return (
      <div className="graph-pane graph-empty" data-testid="graph-pane">
        {live.error ? `The graph could not be loaded: ${live.error}` : 'Loading the graph…'}
      </div>
    );
  }

  return (
    <div className="graph-pane" data-testid="graph-pane">
      <GraphControls
        graph={graph}
        filters={effectiveFilters}
        onFiltersChange={onFiltersChange}
        colorBy={colorBy}
        onColorByChange={setColorBy}
        elements={elements}
        {...(selectedId ? { selectedId } : {})}
        onSearchPick={onSearchPick}
        vocabulary={vocabulary}
      />
      <div className="graph-view-wrap">
        <GraphView
          ref={view}
          graph={graph}
          elements={elements}
          vaultKey={vaultKey}
          {...(selectedId ? { selectedId } : {})}
          vocabulary={vocabulary}
          onSelectNode={(node) => {
            if (node.id !== route.slug) clickedId.current = node.id;
            navigate({ slug: node.id, ...(route.depth ? { depth: route.depth } : {}) });
            if (node.path) select(node.path);
          }}
          onOpenNode={open}
          onFocusNode={(node) => navigate({ slug: node.id, depth: route.depth ?? 1 })}
          onLeaveFocus={() => route.depth && navigate({ ...(route.slug ? { slug: route.slug } : {}) })}
          onPromote={(edge, type) => void edits.promote(edge, type)}
          onPrune={(edge) => void edits.prune(edge)}
          onDidPaint={(info) => props.onDidPaint?.(info)}
          onDidSavePositions={storePositions}
          onLayoutProgress={(p) => setLayoutNote(`Laying out ${p.nodes} patterns… ${Math.round((100 * p.done) / p.total)}%`)}
          onDidLayout={(info) => {
            setLayoutNote(undefined);
            props.onDidLayout?.(info);
          }}
        />
        <GraphLegend elements={elements} colorBy={colorBy} vocabulary={vocabulary} />
        {layoutNote && <div className="graph-status">{layoutNote}</div>}
        {edits.toast && (
          <div className={`graph-toast${edits.toast.error ? ' error' : ''}`} role="status" data-testid="graph-toast">
            {edits.toast.message}
            {edits.toast.canUndo && <button onClick={() => void edits.undo()}>Undo</button>}
            <button onClick={edits.dismiss} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
