/**
 * The links, painted on a canvas of their own under Cytoscape's nodes.
 *
 * Why not Cytoscape's edges: at the corpus's size its canvas renderer strokes
 * each edge separately (style look-ups, colour strings, one `stroke()` each):
 * 6.5 s to first paint and 400-800 ms frames in our measurements, even with
 * haystack edges and `hideEdgesOnViewport`. Here the links are typed arrays
 * grouped by look (colour, width, opacity, dash), and each group is one path
 * and one `stroke()`: tens of thousands of links in a few milliseconds.
 * Hover and right-click on a link are hit-tested here too.
 */
import type { ViewEdge, ViewNode } from '../../shared/graph/graph-view-model';
import type { Point } from '../../shared/graph/graph-positions';

interface StyleGroup {
  color: string;
  /** Model units, quantised so that similar links share a stroke. */
  width: number;
  opacity: number;
  dashed: boolean;
  arrow: boolean;
  edges: number[];
}

export interface Viewport {
  zoom: number;
  pan: Point;
}

/** Screen pixels between parallel links of one pair. */
const LANE_GAP = 4;
/** Arrowheads are drawn once target nodes are at least this wide on screen. */
const ARROW_MIN_NODE_PX = 10;
/** How far (screen px) the pointer may be from a link and still hit it. */
const HIT_TOLERANCE = 6;
/**
 * Level of detail, by how much line is on screen (pixels of length after
 * clipping). Fine: widths by weight, arrowheads, dashes. Coarse: one device
 * pixel, weight shown by opacity. Measured on this machine's software canvas:
 * Skia strokes lines of at most one device pixel on a fast hairline path
 * (18,500 overview links: a few ms), wider ones cost ~20 ns a pixel of length
 * (the same links 1-1.5 px wide: ~100 ms a frame), and a dash pattern
 * multiplies the segments.
 */
const FINE_LENGTH = 400_000;
/** In fine mode, dashes only while the dashed length stays this short; beyond, faint solid lines. */
const FINE_DASHED_LENGTH = 120_000;
/** In coarse mode, dashed hairlines for at most this many inferred links on screen (18,000 cost 50-80 ms). */
const DASH_LIMIT = 4000;
const DASH = [5, 4];
const DASH_PERIOD = 9;

/** Each link's style group, worked out once per view object (the view model keeps unchanged links' objects). */
const looks = new WeakMap<ViewEdge, { key: string; width: number; opacity: number }>();

function lookOf(e: ViewEdge): { key: string; width: number; opacity: number } {
  let look = looks.get(e);
  if (!look) {
    const width = Math.round(e.width * 2) / 2;
    const opacity = Math.round(e.opacity * 20) / 20;
    look = { key: `${e.color}|${width}|${opacity}|${e.dashed}|${e.arrow}`, width, opacity };
    looks.set(e, look);
  }
  return look;
}

export class EdgeLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private edges: ViewEdge[] = [];
  private nodeIndex = new Map<string, number>();
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private radius = new Float64Array(0);
  private src = new Int32Array(0);
  private tgt = new Int32Array(0);
  /** +1 or -1: lanes are measured on the normal of the line from the lower id to the higher. */
  private laneSign = new Float64Array(0);
  private groups: StyleGroup[] = [];
  private groupOf: StyleGroup[] = [];
  /** Screen coordinates per link, filled by `project()` each draw. */
  private screen = new Float64Array(0);
  private targetOnScreen = new Uint8Array(0);
  private onScreen = { length: 0, dashedLength: 0, dashedCount: 0 };
  private fine = true;
  private dashes = true;
  /** Link index by id, built when first asked for (hover, menus, tests), not at every update. */
  private byIdCache: Map<string, number> | undefined;
  /** The nodes `nodeIndex` was built from, to reuse it when an update keeps their ids. */
  private indexedNodes: readonly ViewNode[] = [];
  /** Draw a frame late after new elements: Cytoscape redraws the nodes in the frame before. */
  private deferDraw = false;
  private viewport: Viewport = { zoom: 1, pan: { x: 0, y: 0 } };
  private width = 0;
  private height = 0;
  private dpr = 1;
  private frame = 0;
  private selected = -1;
  private hovered = -1;
  private incident: number[] = [];
  /** Milliseconds the last full draw took (the view reports it, the bench reads it). */
  lastDrawMs = 0;
  /** Called after each draw. */
  onDidDraw: (() => void) | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas context');
    this.ctx = ctx;
  }

  get edgeCount(): number {
    return this.edges.length;
  }

  /** Replaces what is drawn; positions come from `positionOf` (missing nodes: their links are skipped). */
  setElements(nodes: readonly ViewNode[], edges: readonly ViewEdge[], positionOf: (id: string) => Point | undefined): void {
    const n = nodes.length;
    // A live change seldom adds or removes a node: the index of the last update then still holds.
    const sameNodes = n === this.indexedNodes.length && nodes.every((node, i) => node.id === (this.indexedNodes[i] as ViewNode).id);
    if (!sameNodes) this.nodeIndex = new Map(nodes.map((node, i) => [node.id, i]));
    this.indexedNodes = nodes;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.radius = new Float64Array(n);
    nodes.forEach((node, i) => {
      const p = positionOf(node.id);
      this.xs[i] = p?.x ?? Number.NaN;
      this.ys[i] = p?.y ?? Number.NaN;
      this.radius[i] = node.size / 2;
    });
    this.edges = edges.filter((e) => this.nodeIndex.has(e.source) && this.nodeIndex.has(e.target));
    const m = this.edges.length;
    this.src = new Int32Array(m);
    this.tgt = new Int32Array(m);
    this.laneSign = new Float64Array(m);
    this.byIdCache = undefined;
    const groups = new Map<string, StyleGroup>();
    this.edges.forEach((e, i) => {
      this.src[i] = this.nodeIndex.get(e.source) as number;
      this.tgt[i] = this.nodeIndex.get(e.target) as number;
      this.laneSign[i] = e.source < e.target ? 1 : -1;
      const look = lookOf(e);
      let g = groups.get(look.key);
      if (!g) groups.set(look.key, (g = { color: e.color, width: look.width, opacity: look.opacity, dashed: e.dashed, arrow: e.arrow, edges: [] }));
      g.edges.push(i);
    });
    // Inferred (dashed) links underneath, then curated ones from thin to thick.
    this.groups = [...groups.values()].sort((a, b) => Number(b.dashed) - Number(a.dashed) || a.width - b.width || a.opacity - b.opacity);
    this.groupOf = new Array<StyleGroup>(m);
    for (const g of this.groups) for (const i of g.edges) this.groupOf[i] = g;
    this.selected = -1;
    this.hovered = -1;
    this.incident = [];
    this.deferDraw = true;
    this.requestDraw();
  }

  private get byId(): Map<string, number> {
    if (!this.byIdCache) this.byIdCache = new Map(this.edges.map((e, i) => [e.id, i]));
    return this.byIdCache;
  }

  setPosition(id: string, p: Point): void {
    const i = this.nodeIndex.get(id);
    if (i === undefined) return;
    this.xs[i] = p.x;
    this.ys[i] = p.y;
    this.requestDraw();
  }

  setViewport(viewport: Viewport): void {
    this.viewport = viewport;
    this.requestDraw();
  }

  resize(width: number, height: number, dpr: number): void {
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.requestDraw();
  }

  /** Emphasises the links of one node (the selection) and one link (under the pointer). */
  setEmphasis(selectedNode: string | undefined, hoveredEdge: string | undefined): void {
    const sel = selectedNode === undefined ? -1 : (this.nodeIndex.get(selectedNode) ?? -1);
    const hov = hoveredEdge === undefined ? -1 : (this.byId.get(hoveredEdge) ?? -1);
    if (sel === this.selected && hov === this.hovered) return;
    if (sel !== this.selected) {
      this.incident = [];
      if (sel >= 0) for (let i = 0; i < this.edges.length; i++) if (this.src[i] === sel || this.tgt[i] === sel) this.incident.push(i);
    }
    this.selected = sel;
    this.hovered = hov;
    this.requestDraw();
  }

  edge(id: string): ViewEdge | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.edges[i];
  }

  edgeIds(): string[] {
    return this.edges.map((e) => e.id);
  }

  /** The middle of a link in model coordinates (lane offset included), for tests and menus. */
  midpoint(id: string): Point | undefined {
    const i = this.byId.get(id);
    if (i === undefined) return undefined;
    const seg = this.segment(i, this.viewport.zoom);
    return seg ? { x: (seg[0] + seg[2]) / 2, y: (seg[1] + seg[3]) / 2 } : undefined;
  }

  /** The drawn link nearest to a model point, if within a few screen pixels of it. */
  hitTest(p: Point): ViewEdge | undefined {
    const zoom = this.viewport.zoom;
    const tol = HIT_TOLERANCE / zoom;
    let best = -1;
    let bestD = tol * tol;
    for (let i = 0; i < this.edges.length; i++) {
      const seg = this.segment(i, zoom);
      if (!seg) continue;
      const [x1, y1, x2, y2] = seg;
      if (p.x < Math.min(x1, x2) - tol || p.x > Math.max(x1, x2) + tol || p.y < Math.min(y1, y2) - tol || p.y > Math.max(y1, y2) + tol) continue;
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / len2)) : 0;
      const ex = x1 + t * dx - p.x;
      const ey = y1 + t * dy - p.y;
      const d = ex * ex + ey * ey;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best >= 0 ? this.edges[best] : undefined;
  }

  /** Model-space ends of link `i`, moved sideways by its lane. */
  private segment(i: number, zoom: number): [number, number, number, number] | undefined {
    const s = this.src[i] as number;
    const t = this.tgt[i] as number;
    let x1 = this.xs[s] as number;
    let y1 = this.ys[s] as number;
    let x2 = this.xs[t] as number;
    let y2 = this.ys[t] as number;
    if (Number.isNaN(x1) || Number.isNaN(x2)) return undefined;
    const lane = (this.edges[i] as ViewEdge).lane;
    if (lane !== 0) {
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const off = (lane * LANE_GAP * (this.laneSign[i] as number)) / zoom;
      const nx = (-(y2 - y1) / len) * off;
      const ny = ((x2 - x1) / len) * off;
      x1 += nx;
      y1 += ny;
      x2 += nx;
      y2 += ny;
    }
    return [x1, y1, x2, y2];
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      // New elements: Cytoscape redraws its nodes in this frame; the links follow in the next, so
      // the two costs (each 10-20 ms on the corpus) never share a frame.
      if (this.deferDraw) {
        this.deferDraw = false;
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.draw();
        });
        return;
      }
      this.frame = 0;
      this.draw();
    });
  }

  /** Paints now (the view calls it when it must be on screen this frame). */
  draw(): void {
    const t0 = performance.now();
    const { ctx } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.lineCap = 'butt';
    this.project();
    const { length, dashedLength, dashedCount } = this.onScreen;
    this.fine = length <= FINE_LENGTH;
    this.dashes = this.fine ? dashedLength <= FINE_DASHED_LENGTH : dashedCount <= DASH_LIMIT;
    const dim = this.selected >= 0 ? 0.35 : 1;
    for (const g of this.groups) this.strokeGroup(g, g.edges, g.opacity * dim, false);
    if (this.incident.length) this.strokeSubset(this.incident);
    if (this.hovered >= 0) this.strokeSubset([this.hovered]);
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    this.lastDrawMs = performance.now() - t0;
    this.onDidDraw?.();
  }

  /**
   * Screen coordinates of every link into `screen` (lane offsets applied,
   * clipped to the canvas so long links cost only what shows), NaN for links
   * entirely off screen. Sums what is on screen for the level of detail.
   */
  private project(): void {
    const { xs, ys } = this;
    const { zoom, pan } = this.viewport;
    const m = this.edges.length;
    if (this.screen.length !== m * 4) {
      this.screen = new Float64Array(m * 4);
      this.targetOnScreen = new Uint8Array(m);
    }
    const out = this.screen;
    const margin = 12;
    const x0 = -margin;
    const y0 = -margin;
    const x1max = this.width + margin;
    const y1max = this.height + margin;
    let length = 0;
    let dashedLength = 0;
    let dashedCount = 0;
    for (let i = 0; i < m; i++) {
      const s = this.src[i] as number;
      const t = this.tgt[i] as number;
      let ax = (xs[s] as number) * zoom + pan.x;
      let ay = (ys[s] as number) * zoom + pan.y;
      let bx = (xs[t] as number) * zoom + pan.x;
      let by = (ys[t] as number) * zoom + pan.y;
      if ((ax < x0 && bx < x0) || (ax > x1max && bx > x1max) || (ay < y0 && by < y0) || (ay > y1max && by > y1max) || Number.isNaN(ax + bx)) {
        out[4 * i] = Number.NaN;
        continue;
      }
      const edge = this.edges[i] as ViewEdge;
      if (edge.lane !== 0) {
        const len = Math.hypot(bx - ax, by - ay) || 1;
        const off = edge.lane * LANE_GAP * (this.laneSign[i] as number);
        const nx = (-(by - ay) / len) * off;
        const ny = ((bx - ax) / len) * off;
        ax += nx;
        ay += ny;
        bx += nx;
        by += ny;
      }
      // Liang-Barsky: the part of the segment inside the (slightly enlarged) canvas.
      const dx = bx - ax;
      const dy = by - ay;
      let t0 = 0;
      let t1 = 1;
      const clip = (p: number, q: number): boolean => {
        if (p === 0) return q >= 0;
        const r = q / p;
        if (p < 0) {
          if (r > t1) return false;
          if (r > t0) t0 = r;
        } else {
          if (r < t0) return false;
          if (r < t1) t1 = r;
        }
        return true;
      };
      if (!(clip(-dx, ax - x0) && clip(dx, x1max - ax) && clip(-dy, ay - y0) && clip(dy, y1max - ay))) {
        out[4 * i] = Number.NaN;
        continue;
      }
      const full = Math.hypot(dx, dy);
      if (edge.dashed && t0 > 0 && full > 0) {
        // Start the clipped part on a whole dash period, so dashes do not crawl as the view pans.
        t0 = (Math.floor((t0 * full) / DASH_PERIOD) * DASH_PERIOD) / full;
      }
      out[4 * i] = ax + t0 * dx;
      out[4 * i + 1] = ay + t0 * dy;
      out[4 * i + 2] = ax + t1 * dx;
      out[4 * i + 3] = ay + t1 * dy;
      (this.targetOnScreen as Uint8Array)[i] = t1 === 1 ? 1 : 0;
      const shown = (t1 - t0) * full;
      length += shown;
      if (edge.dashed) {
        dashedLength += shown;
        dashedCount++;
      }
    }
    this.onScreen = { length, dashedLength, dashedCount };
  }

  /** The selection's links and the hovered one, on top of the rest, full strength and a little wider. */
  private strokeSubset(indices: number[]): void {
    const byGroup = new Map<StyleGroup, number[]>();
    for (const i of indices) {
      const g = this.groupOf[i];
      if (g) (byGroup.get(g) ?? byGroup.set(g, []).get(g))?.push(i);
    }
    for (const [g, list] of byGroup) this.strokeGroup(g, list, Math.max(0.9, g.opacity), true);
  }

  private strokeGroup(g: StyleGroup, list: readonly number[], opacity: number, emphasis: boolean): void {
    const { ctx, screen } = this;
    const zoom = this.viewport.zoom;
    // Fine: widths follow the zoom but never vanish nor swell. Coarse (a crowded screen):
    // one device pixel, weight shown by opacity instead (see FINE_LENGTH).
    const fine = this.fine || emphasis;
    const lineWidth = fine ? Math.max(0.75, g.width * Math.min(1.5, Math.max(0.3, zoom))) + (emphasis ? 1 : 0) : 1 / this.dpr;
    // Coarse links are also fainter: thousands of them must not bury the nodes.
    const dashed = g.dashed && (this.dashes || emphasis);
    const alpha = fine ? opacity : opacity * (0.25 + 0.1 * g.width) * (g.dashed && !dashed ? 0.6 : 1);
    const arrows = g.arrow && (fine || zoom >= 0.8) && zoom * 24 >= ARROW_MIN_NODE_PX;
    const arrowLen = 4 + 2.5 * Math.max(1, lineWidth);
    ctx.globalAlpha = Math.min(1, alpha);
    ctx.strokeStyle = g.color;
    ctx.fillStyle = g.color;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash(dashed ? DASH : []);
    ctx.beginPath();
    const heads: number[] = [];
    for (const i of list) {
      const x1 = screen[4 * i] as number;
      if (Number.isNaN(x1)) continue;
      const y1 = screen[4 * i + 1] as number;
      const x2 = screen[4 * i + 2] as number;
      const y2 = screen[4 * i + 3] as number;
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      if (arrows && this.targetOnScreen[i]) heads.push(i);
    }
    ctx.stroke();
    if (heads.length) this.fillArrowheads(heads, arrowLen);
  }

  private fillArrowheads(list: readonly number[], arrowLen: number): void {
    const { ctx, screen } = this;
    const zoom = this.viewport.zoom;
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const i of list) {
      const x1 = screen[4 * i] as number;
      const y1 = screen[4 * i + 1] as number;
      const x2 = screen[4 * i + 2] as number;
      const y2 = screen[4 * i + 3] as number;
      const r = (this.radius[this.tgt[i] as number] as number) * zoom + 1;
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len <= r + arrowLen) continue;
      const ux = (x2 - x1) / len;
      const uy = (y2 - y1) / len;
      const tipX = x2 - ux * r;
      const tipY = y2 - uy * r;
      const baseX = tipX - ux * arrowLen;
      const baseY = tipY - uy * arrowLen;
      const half = arrowLen * 0.45;
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(baseX - uy * half, baseY + ux * half);
      ctx.lineTo(baseX + uy * half, baseY - ux * half);
      ctx.closePath();
    }
    ctx.fill();
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onDidDraw = undefined;
  }
}
