/**
 * The graph view's core without React: one Cytoscape instance for the nodes,
 * the edge layer for the links, and the positions of both layouts (the
 * overview, cached per vault, and the focus rings). GraphView owns one of
 * these in a ref and hands it props; nothing here lives in a store.
 */
import cytoscape from 'cytoscape';
import type { GraphModel } from '../../shared/vault/graph-model';
import type { GraphElements, ViewEdge, ViewNode } from '../../shared/graph/graph-view-model';
import { concentricPositions, type Point } from '../../shared/graph/graph-positions';
import { GRAPH_STYLE, LABEL_FONT_SIZE, LABEL_MIN_PX } from './cy-style';
import { applyNodeDiff } from './cy-nodes';
import { EdgeLayer } from './edge-layer';
import { OverviewPositions, type LayoutInfo, type LayoutProgress } from './overview-positions';

export type { LayoutInfo, LayoutProgress };

export interface ClientPoint {
  x: number;
  y: number;
}

export interface GraphCanvasEvents {
  onTapNode?(node: ViewNode): void;
  onOpenNode?(node: ViewNode): void;
  onContextNode?(node: ViewNode, at: ClientPoint): void;
  onContextEdge?(edge: ViewEdge, at: ClientPoint): void;
  onHover?(target: { edge: ViewEdge } | { node: ViewNode } | undefined, at: ClientPoint): void;
  /** A frame with every node and link of an update is on screen. */
  onDidPaint?(info: { first: boolean; ms: number }): void;
  onDidLayout?(info: LayoutInfo): void;
  onLayoutProgress?(progress: LayoutProgress): void;
  /** The curator started to pan or zoom (wheel, or a press on the canvas). */
  onUserMove?(): void;
  /** The overview's positions were saved locally (after a layout, a placement or a drag). */
  onDidSavePositions?(positions: ReadonlyMap<string, Point>): void;
}

/** Labels cost a measurement and a texture each; past this many in view only the largest nodes get one. */
const MAX_LABELS = 300;

export class GraphCanvas {
  readonly cy: cytoscape.Core;
  readonly edges: EdgeLayer;
  private readonly overview: OverviewPositions;
  private focusPositions = new Map<string, Point>();
  private focusKey = '';
  private drawn = new Map<string, ViewNode>();
  private elements: GraphElements | undefined;
  private graph: GraphModel | undefined;
  private inFocus = false;
  private overviewViewport: { zoom: number; pan: Point } | undefined;
  private selectedId: string | undefined;
  /** The node that has the `selected` class. */
  private markedId: string | undefined;
  private hoveredEdge: string | undefined;
  private userMovedViewport = false;
  private painted = false;
  private hoverFrame = 0;
  private labelTimer: ReturnType<typeof setTimeout> | undefined;
  private hitTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly resizeObserver: ResizeObserver;
  private readonly disposers: Array<() => void> = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly events: GraphCanvasEvents,
  ) {
    const canvas = document.createElement('canvas');
    canvas.className = 'graph-edges';
    const container = document.createElement('div');
    container.className = 'graph-nodes';
    host.append(canvas, container);
    this.edges = new EdgeLayer(canvas);
    this.overview = new OverviewPositions({
      onDidMove: (final) => {
        this.showOverviewPositions();
        if (final) this.whenPainted(() => this.events.onDidPaint?.({ first: false, ms: 0 }));
      },
      onDidLayout: (info) => this.events.onDidLayout?.(info),
      onLayoutProgress: (progress) => this.events.onLayoutProgress?.(progress),
      onDidSave: (positions) => this.events.onDidSavePositions?.(positions),
    });
    this.cy = cytoscape({
      container,
      style: GRAPH_STYLE,
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 5,
      // The links are not Cytoscape's. With no edges, hideEdgesOnViewport only forces a slower
      // per-node path while moving, and textureOnViewport's snapshot costs a full render per
      // gesture: measured, both off gave the best pan/zoom frames.
      hideEdgesOnViewport: false,
      textureOnViewport: false,
      motionBlur: false,
      boxSelectionEnabled: false,
      // Selection is the app's (the store's), shown with a class.
      autounselectify: true,
    });
    this.disposers.push(() => {
      canvas.remove();
      container.remove();
    });
    this.bindEvents(container);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
  }

  private bindEvents(container: HTMLElement): void {
    const { cy } = this;
    cy.on('viewport', () => {
      this.edges.setViewport({ zoom: cy.zoom(), pan: cy.pan() });
      this.scheduleLabels();
    });
    cy.on('drag', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      const p = node.position();
      if (this.inFocus) this.focusPositions.set(node.id(), { x: p.x, y: p.y });
      else this.overview.set(node.id(), { x: p.x, y: p.y });
      this.edges.setPosition(node.id(), p);
    });
    cy.on('dragfree', 'node', () => {
      if (!this.inFocus) this.overview.scheduleSave();
    });
    cy.on('tap', 'node', (e) => {
      const node = this.drawn.get((e.target as cytoscape.NodeSingular).id());
      if (node) this.events.onTapNode?.(node);
    });
    cy.on('dbltap', 'node', (e) => {
      const node = this.drawn.get((e.target as cytoscape.NodeSingular).id());
      if (node) this.events.onOpenNode?.(node);
    });
    cy.on('cxttap', (e) => {
      const at = clientPoint(e);
      if (e.target !== cy) {
        const node = this.drawn.get((e.target as cytoscape.NodeSingular).id());
        if (node) this.events.onContextNode?.(node, at);
        return;
      }
      const edge = this.edges.hitTest(e.position);
      if (edge) this.events.onContextEdge?.(edge, at);
    });
    cy.on('mouseover', 'node', (e) => {
      const ele = e.target as cytoscape.NodeSingular;
      ele.addClass('hover');
      this.setHoveredEdge(undefined);
      const node = this.drawn.get(ele.id());
      if (node) this.events.onHover?.({ node }, clientPoint(e));
    });
    cy.on('mouseout', 'node', (e) => {
      (e.target as cytoscape.NodeSingular).removeClass('hover');
      this.events.onHover?.(undefined, clientPoint(e));
    });
    cy.on('mousemove', (e) => {
      // No hit-testing while a button is down: the curator is panning or dragging.
      if (e.target !== cy || ((e.originalEvent as MouseEvent | undefined)?.buttons ?? 0) !== 0) return;
      const position = e.position;
      const at = clientPoint(e);
      // Hit-testing thousands of links once per frame at most.
      if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
      this.hoverFrame = requestAnimationFrame(() => {
        this.hoverFrame = 0;
        const edge = this.edges.hitTest(position);
        this.setHoveredEdge(edge?.id);
        this.events.onHover?.(edge ? { edge } : undefined, at);
      });
    });
    const markMoved = () => {
      this.userMovedViewport = true;
      this.events.onUserMove?.();
    };
    const noMenu = (e: Event) => e.preventDefault();
    container.addEventListener('wheel', markMoved, { passive: true });
    container.addEventListener('pointerdown', markMoved);
    container.addEventListener('contextmenu', noMenu);
    this.disposers.push(() => {
      container.removeEventListener('wheel', markMoved);
      container.removeEventListener('pointerdown', markMoved);
      container.removeEventListener('contextmenu', noMenu);
    });
  }

  private scheduleLabels(): void {
    if (this.labelTimer) clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => {
      this.labelTimer = undefined;
      this.updateLabels();
    }, 120);
  }

  /**
   * Labels for the nodes in view (and a margin) once the zoom makes them
   * readable, at most MAX_LABELS of them (the largest first). Zooming out
   * leaves them on (Cytoscape does not draw text below LABEL_MIN_PX anyway):
   * a class change restyles the node and invalidates Cytoscape's layer cache,
   * which is what made frames slow at the end of a zoom-out.
   */
  private updateLabels(): void {
    const { cy } = this;
    if (cy.zoom() * LABEL_FONT_SIZE < LABEL_MIN_PX) return;
    const ext = cy.extent();
    const mx = ext.w * 0.15;
    const my = ext.h * 0.15;
    const inView: ViewNode[] = [];
    cy.nodes().forEach((n) => {
      const p = n.position();
      const node = this.drawn.get(n.id());
      if (node && p.x > ext.x1 - mx && p.x < ext.x2 + mx && p.y > ext.y1 - my && p.y < ext.y2 + my) inView.push(node);
    });
    if (inView.length > MAX_LABELS) inView.sort((a, b) => b.size - a.size);
    const wanted = new Set(inView.slice(0, MAX_LABELS).map((n) => n.id));
    const labelled = cy.nodes('.labelled');
    cy.batch(() => {
      for (const id of wanted) cy.getElementById(id).addClass('labelled');
      // Labels out of view are kept until there are many: each removal costs a restyle too.
      if (labelled.length + wanted.size > 2 * MAX_LABELS) labelled.filter((n) => !wanted.has(n.id())).removeClass('labelled');
    });
  }

  private setHoveredEdge(id: string | undefined): void {
    if (id === this.hoveredEdge) return;
    this.hoveredEdge = id;
    this.edges.setEmphasis(this.selectedId, id);
  }

  private resize(): void {
    const rect = this.host.getBoundingClientRect();
    this.edges.resize(rect.width, rect.height, window.devicePixelRatio || 1);
    this.cy.resize();
    this.edges.setViewport({ zoom: this.cy.zoom(), pan: this.cy.pan() });
  }

  /** Positions are cached per vault: switching vaults loads that vault's. */
  setVault(key: string): void {
    this.overview.setVault(key);
    this.graph = undefined;
  }

  setElements(graph: GraphModel, elements: GraphElements): void {
    const t0 = performance.now();
    if (graph !== this.graph) {
      this.graph = graph;
      this.overview.ensure(graph);
    }
    const focus = elements.focus?.found ? elements.focus : undefined;
    const wasFocus = this.inFocus;
    const focusKey = focus ? `${focus.id}|${focus.depth}|${elements.nodes.map((n) => n.id).join(',')}` : '';
    const focusChanged = focusKey !== this.focusKey;
    if (focus && focusChanged) this.focusPositions = this.focusLayout(elements, focus.id);
    if (focus && !wasFocus) this.overviewViewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.inFocus = focus !== undefined;
    this.focusKey = focusKey;
    const positionOf = this.positionSource();
    applyNodeDiff(this.cy, this.drawn, elements.nodes, positionOf, wasFocus !== this.inFocus || (this.inFocus && focusChanged));
    this.drawn = new Map(elements.nodes.map((n) => [n.id, n]));
    this.elements = elements;
    this.edges.setElements(elements.nodes, elements.edges, positionOf);
    this.applySelection();
    const first = !this.painted;
    if (first || (this.inFocus && focusChanged)) this.cy.fit(undefined, 30);
    else if (wasFocus && !this.inFocus && this.overviewViewport) this.cy.viewport(this.overviewViewport);
    this.edges.setViewport({ zoom: this.cy.zoom(), pan: this.cy.pan() });
    // Labels follow a moment later: a pass over every node, not worth a long frame after a live change.
    if (first) this.updateLabels();
    else this.scheduleLabels();
    this.painted = true;
    this.whenPainted(() => this.events.onDidPaint?.({ first, ms: performance.now() - t0 }));
  }

  private positionSource(): (id: string) => Point {
    const origin = { x: 0, y: 0 };
    if (this.inFocus) return (id) => this.focusPositions.get(id) ?? this.overview.get(id) ?? origin;
    return (id) => this.overview.get(id) ?? origin;
  }

  private focusLayout(elements: GraphElements, rootId: string): Map<string, Point> {
    const depthOf = new Map(elements.nodes.map((n) => [n.id, n.depth ?? 0]));
    const sizeOf = new Map(elements.nodes.map((n) => [n.id, n.size]));
    return concentricPositions(rootId, depthOf, elements.edges, (id) => sizeOf.get(id) ?? 20);
  }

  /** Moves the drawn nodes and links to the overview positions (when the overview is on screen). */
  private showOverviewPositions(): void {
    if (this.inFocus || !this.elements) return;
    const positionOf = this.positionSource();
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.position({ ...positionOf(n.id()) });
      });
    });
    this.edges.setElements(this.elements.nodes, this.elements.edges, positionOf);
    this.edges.setEmphasis(this.selectedId, this.hoveredEdge);
    if (!this.userMovedViewport) this.cy.fit(undefined, 30);
    this.scheduleLabels();
  }

  /** Calls back once Cytoscape and the edge layer have both drawn, on the frame after. */
  private whenPainted(callback: () => void): void {
    let nodes = false;
    let links = false;
    const check = () => {
      if (nodes && links) requestAnimationFrame(() => callback());
    };
    this.cy.one('render', () => {
      nodes = true;
      check();
    });
    const previous = this.edges.onDidDraw;
    this.edges.onDidDraw = () => {
      this.edges.onDidDraw = previous;
      previous?.();
      links = true;
      check();
    };
    // Cytoscape renders only when something changed; ask for a frame.
    this.cy.forceRender();
  }

  setSelected(id: string | undefined): void {
    this.selectedId = id;
    this.applySelection();
  }

  private applySelection(): void {
    // The node marked last time, by id: a selector query runs over every node.
    const marked = this.markedId === undefined ? undefined : this.cy.getElementById(this.markedId);
    const wanted = this.selectedId === undefined ? undefined : this.cy.getElementById(this.selectedId);
    if (marked !== undefined && !marked.empty() && this.markedId !== this.selectedId) marked.removeClass('selected');
    if (wanted !== undefined && !wanted.empty() && !wanted.hasClass('selected')) wanted.addClass('selected');
    this.markedId = this.selectedId;
    this.edges.setEmphasis(this.selectedId, this.hoveredEdge);
  }

  /** Brings a drawn node into view and marks it for a moment; false when it is not drawn. */
  reveal(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty()) return false;
    this.userMovedViewport = true;
    this.cy.stop();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 300 });
    this.cy.nodes('.search-hit').removeClass('search-hit');
    node.addClass('search-hit');
    if (this.hitTimer) clearTimeout(this.hitTimer);
    this.hitTimer = setTimeout(() => node.removeClass('search-hit'), 1800);
    return true;
  }

  fit(): void {
    this.cy.fit(undefined, 30);
  }

  /** Lays the overview out afresh, forgetting cached positions. */
  relayout(): void {
    if (!this.graph) return;
    this.userMovedViewport = false;
    this.overview.ensure(this.graph, true);
    this.showOverviewPositions();
  }

  getPositions(): Record<string, Point> {
    return Object.fromEntries(this.overview.all());
  }

  setPositions(positions: Record<string, Point>): void {
    this.overview.replace(new Map(Object.entries(positions)));
    if (this.graph) this.overview.ensure(this.graph);
    this.showOverviewPositions();
  }

  // Read-outs for tests and the bench.
  nodeIds(): string[] {
    return this.cy.nodes().map((n) => n.id());
  }

  edgeIds(): string[] {
    return this.edges.edgeIds();
  }

  isDashed(edgeId: string): boolean | undefined {
    return this.edges.edge(edgeId)?.dashed;
  }

  positionOf(id: string): Point | undefined {
    const node = this.cy.getElementById(id);
    return node.empty() ? undefined : { ...node.position() };
  }

  /** Where a model point is on the page (client coordinates). */
  toClient(p: Point): ClientPoint {
    const rect = this.host.getBoundingClientRect();
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return { x: rect.left + p.x * zoom + pan.x, y: rect.top + p.y * zoom + pan.y };
  }

  edgeMidpoint(id: string): Point | undefined {
    return this.edges.midpoint(id);
  }

  dispose(): void {
    this.overview.dispose();
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    if (this.labelTimer) clearTimeout(this.labelTimer);
    if (this.hitTimer) clearTimeout(this.hitTimer);
    this.resizeObserver.disconnect();
    this.edges.dispose();
    this.cy.destroy();
    for (const d of this.disposers) d();
  }
}

function clientPoint(e: cytoscape.EventObject): ClientPoint {
  const original = e.originalEvent as MouseEvent | undefined;
  if (original && typeof original.clientX === 'number') return { x: original.clientX, y: original.clientY };
  const rect = (e.cy.container() as HTMLElement).getBoundingClientRect();
  return { x: rect.left + (e.renderedPosition?.x ?? 0), y: rect.top + (e.renderedPosition?.y ?? 0) };
}
