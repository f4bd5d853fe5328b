import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { GraphModel } from '../../shared/vault/graph-model';
import type { GraphElements, ViewEdge, ViewNode } from '../../shared/graph/graph-view-model';
import { DEFAULT_VOCABULARY, type RelationshipVocabulary } from '../../shared/graph/graph-filters';
import type { Point } from '../../shared/graph/graph-positions';
import { GraphCanvas, type LayoutInfo, type LayoutProgress } from './graph-canvas';
import { GraphTooltip, type HoverTarget } from './GraphTooltip';
import { GraphContextMenu, type MenuItem } from './GraphContextMenu';
import { installGraphTestHooks } from './test-hooks';
import './graph.css';

/** What the app can ask of the view directly. */
export interface GraphViewHandle {
  /** The overview's positions by node id (what the app may persist). */
  getPositions(): Record<string, Point>;
  /** Replaces the overview's positions (e.g. from the backend's cache). */
  setPositions(positions: Record<string, Point>): void;
  /** Pans to a drawn node and marks it; false when it is not drawn. */
  reveal(id: string): boolean;
  fit(): void;
  /** Lays the overview out afresh. */
  relayout(): void;
}

export interface GraphViewProps {
  /** The whole vault: the overview is laid out over all of it, so filters never move a node. */
  graph: GraphModel;
  /** What to draw: `toElements(graph, filters, options)`. */
  elements: GraphElements;
  /** Positions are cached per vault under this key (the vault's name). */
  vaultKey: string;
  selectedId?: string;
  vocabulary?: RelationshipVocabulary;
  onSelectNode?: (node: ViewNode) => void;
  onOpenNode?: (node: ViewNode) => void;
  onFocusNode?: (node: ViewNode) => void;
  /** Escape in focus mode. */
  onLeaveFocus?: () => void;
  onPromote?: (edge: ViewEdge, type: string) => void;
  onPrune?: (edge: ViewEdge) => void;
  /** A frame with every node and link of an update is on screen (`first`: the first one). */
  onDidPaint?: (info: { first: boolean; ms: number }) => void;
  onDidLayout?: (info: LayoutInfo) => void;
  /** The overview's layout is running in a worker (cold start). */
  onLayoutProgress?: (progress: LayoutProgress) => void;
  /** The overview's positions changed and were saved locally (the app may keep a copy). */
  onDidSavePositions?: (positions: ReadonlyMap<string, Point>) => void;
  ref?: Ref<GraphViewHandle>;
}

interface MenuState {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
}

/**
 * The vault's graph: Cytoscape for the nodes, a canvas of its own for the
 * links, the overview laid out in a worker and cached per vault, a focus
 * neighbourhood in rings. Owns its canvas in a ref and applies each new
 * `elements` as a diff.
 */
export function GraphView(props: GraphViewProps) {
  const { graph, elements, vaultKey, selectedId, ref } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<GraphCanvas | null>(null);
  const latest = useRef(props);
  const [hover, setHover] = useState<{ target: HoverTarget; x: number; y: number } | undefined>();
  const [menu, setMenu] = useState<MenuState | undefined>();

  useLayoutEffect(() => {
    latest.current = props;
  });

  const labelOf = useCallback((id: string) => {
    const node = latest.current.elements.nodes.find((n) => n.id === id);
    return node?.label ?? id;
  }, []);

  const nodeMenu = useCallback((node: ViewNode): MenuItem[] => {
    const p = latest.current;
    return [
      { label: 'Open', run: () => p.onOpenNode?.(node), disabled: node.ghost, ...(node.ghost ? { title: 'The pattern does not exist' } : {}) },
      { label: 'Focus neighbourhood', run: () => p.onFocusNode?.(node) },
      { label: 'Rename…', disabled: true, title: 'Renaming arrives in a later version' },
    ];
  }, []);

  const edgeMenu = useCallback(
    (edge: ViewEdge): MenuItem[] => {
      const p = latest.current;
      if (edge.kind === 'curated') {
        return [
          { label: `Open ${labelOf(edge.source)}`, run: () => openById(edge.source) },
          { label: `Open ${labelOf(edge.target)}`, run: () => openById(edge.target) },
        ];
      }
      const vocab = p.vocabulary ?? DEFAULT_VOCABULARY;
      // The link's own type first: promoting usually keeps it.
      const types = [...vocab.types].sort((a, b) => Number(b === edge.category) - Number(a === edge.category));
      return [
        { label: 'Promote', items: types.map((t) => ({ label: t === edge.category ? `${t} (as inferred)` : t, run: () => latest.current.onPromote?.(edge, t) })) },
        { label: 'Prune', run: () => latest.current.onPrune?.(edge) },
      ];
      function openById(id: string) {
        const node = latest.current.elements.nodes.find((n) => n.id === id);
        if (node && !node.ghost) latest.current.onOpenNode?.(node);
      }
    },
    [labelOf],
  );

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const canvas = new GraphCanvas(host, {
      onTapNode: (node) => latest.current.onSelectNode?.(node),
      onOpenNode: (node) => latest.current.onOpenNode?.(node),
      onContextNode: (node, at) => setMenu({ ...at, label: node.label, items: nodeMenu(node) }),
      onContextEdge: (edge, at) => setMenu({ ...at, label: `${edge.kind === 'inferred' ? 'Inferred' : 'Curated'} ${edge.category}: ${labelOf(edge.source)} → ${labelOf(edge.target)}`, items: edgeMenu(edge) }),
      onHover: (target, at) => setHover(target ? { target, ...at } : undefined),
      onDidPaint: (info) => latest.current.onDidPaint?.(info),
      onDidLayout: (info) => latest.current.onDidLayout?.(info),
      onLayoutProgress: (progress) => latest.current.onLayoutProgress?.(progress),
      onDidSavePositions: (positions) => latest.current.onDidSavePositions?.(positions),
      onUserMove: () => setMenu(undefined),
    });
    canvasRef.current = canvas;
    const uninstall = installGraphTestHooks(canvas);
    return () => {
      uninstall();
      canvas.dispose();
      canvasRef.current = null;
    };
  }, [edgeMenu, labelOf, nodeMenu]);

  // A live change's React work, the canvas's diff and Cytoscape's redraw each take 10-30 ms on
  // the corpus: one frame apiece keeps typing smooth, where two in one frame made it stutter.
  // So after the first paint the canvas takes new elements only once the next frame is out.
  const painted = useRef(false);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const apply = () => {
      canvas.setVault(vaultKey);
      canvas.setElements(graph, elements);
      painted.current = true;
    };
    if (!painted.current) {
      apply();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(apply, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [graph, elements, vaultKey]);

  useEffect(() => {
    canvasRef.current?.setSelected(selectedId);
  }, [selectedId, elements]);

  useImperativeHandle(
    ref,
    () => ({
      getPositions: () => canvasRef.current?.getPositions() ?? {},
      setPositions: (p) => canvasRef.current?.setPositions(p),
      reveal: (id) => canvasRef.current?.reveal(id) ?? false,
      fit: () => canvasRef.current?.fit(),
      relayout: () => canvasRef.current?.relayout(),
    }),
    [],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const canvas = canvasRef.current;
    if (!canvas || e.target !== hostRef.current) return;
    const selected = selectedId === undefined ? undefined : elements.nodes.find((n) => n.id === selectedId);
    const zoomBy = (factor: number) => {
      const rect = hostRef.current?.getBoundingClientRect();
      canvas.cy.zoom({ level: canvas.cy.zoom() * factor, renderedPosition: { x: (rect?.width ?? 0) / 2, y: (rect?.height ?? 0) / 2 } });
    };
    const panBy = (x: number, y: number) => canvas.cy.panBy({ x, y });
    const keys: Record<string, () => void> = {
      Enter: () => selected && !selected.ghost && props.onOpenNode?.(selected),
      f: () => selected && props.onFocusNode?.(selected),
      Escape: () => props.onLeaveFocus?.(),
      '0': () => canvas.fit(),
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
      ArrowLeft: () => panBy(60, 0),
      ArrowRight: () => panBy(-60, 0),
      ArrowUp: () => panBy(0, 60),
      ArrowDown: () => panBy(0, -60),
    };
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div className="graph-view" data-testid="graph-view">
      <div
        ref={hostRef}
        className="graph-host"
        tabIndex={0}
        role="application"
        aria-label="Pattern graph. Arrows pan, plus and minus zoom, 0 fits, F focuses the selected pattern, Enter opens it, Escape leaves focus."
        onKeyDown={onKeyDown}
        onPointerLeave={() => setHover(undefined)}
      />
      {hover && !menu && <GraphTooltip target={hover.target} x={hover.x} y={hover.y} labelOf={labelOf} />}
      {menu && <GraphContextMenu key={`${menu.x},${menu.y}`} {...menu} onClose={() => setMenu(undefined)} />}
    </div>
  );
}
