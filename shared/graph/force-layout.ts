/**
 * A force-directed layout on typed arrays (ForceAtlas2's forces and adaptive
 * speed, Barnes-Hut repulsion), free of the DOM so it runs in a Web Worker and
 * in tests. At the corpus's size (4,300 nodes, 37,000 links) an iteration is a
 * few milliseconds, where Cytoscape's cose on the main thread is quadratic
 * and fcose did not finish in 25 minutes.
 */
import { QuadTree } from './quad-tree';

export interface LayoutGraph {
  count: number;
  sources: Uint32Array;
  targets: Uint32Array;
  /** Attraction per link (curated ~1, inferred weaker). */
  weights: Float32Array;
}

export interface ForceLayoutOptions {
  iterations: number;
  /** Repulsion strength (FA2 `scalingRatio`). */
  scaling?: number;
  gravity?: number;
  /** Barnes-Hut accuracy: larger is faster and coarser. */
  theta?: number;
  /** LinLog attraction (w·log(1+d) instead of w·d): tighter, better separated clusters. */
  linLog?: boolean;
  /** Called every `progressEvery` iterations with the current positions (not a copy). */
  onProgress?: (done: number, positions: Float32Array) => void;
  progressEvery?: number;
}

/** A deterministic pseudo-random number in [0, 1) for a string: the same node seeds the same place. */
export function hashUnit(text: string, salt = 0): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** Seed positions in a disc whose area grows with the node count, by a hash of each id. */
export function seedPositions(ids: readonly string[], spacing: number): Float32Array {
  const out = new Float32Array(ids.length * 2);
  const radius = spacing * Math.sqrt(ids.length) * 0.6;
  ids.forEach((id, i) => {
    const r = radius * Math.sqrt(hashUnit(id, 1));
    const a = 2 * Math.PI * hashUnit(id, 2);
    out[2 * i] = r * Math.cos(a);
    out[2 * i + 1] = r * Math.sin(a);
  });
  return out;
}

export interface ForceLayoutStepper {
  /** Runs `count` more iterations, in place on the positions given at creation. */
  step(count: number): void;
  readonly done: number;
}

/**
 * ForceAtlas2 on `positions` (x0, y0, x1, y1, …), in place, a step at a time
 * so a caller without a worker can spread it over frames. Repulsion
 * kr·(deg+1)(deg+1)/d, attraction w·d, gravity g·(deg+1) towards the origin;
 * the global speed adapts to how much the nodes swing, so it settles without
 * a hand-tuned cooling schedule.
 */
export function createForceLayout(graph: LayoutGraph, positions: Float32Array, options: Omit<ForceLayoutOptions, 'iterations' | 'onProgress' | 'progressEvery'> = {}): ForceLayoutStepper {
  const n = graph.count;
  const kr = options.scaling ?? 10;
  const kg = options.gravity ?? 1;
  const theta2 = (options.theta ?? 1.2) ** 2;
  const linLog = options.linLog ?? false;
  const mass = new Float32Array(n).fill(1);
  for (let e = 0; e < graph.sources.length; e++) {
    (mass[graph.sources[e] as number] as number)++;
    (mass[graph.targets[e] as number] as number)++;
  }
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const oldFx = new Float64Array(n);
  const oldFy = new Float64Array(n);
  const tree = new QuadTree();
  const stack = new Int32Array(4096);
  let speed = 1;
  let speedEfficiency = 1;
  let done = 0;

  const repulseAndPull = () => {
    fx.fill(0);
    fy.fill(0);
    tree.build(positions, mass, n);
    for (let i = 0; i < n; i++) {
      const xi = positions[2 * i] as number;
      const yi = positions[2 * i + 1] as number;
      const mi = mass[i] as number;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top] as number;
        const b = tree.body[c] as number;
        if (b === i || b === -2) continue;
        const dx = xi - (tree.cx[c] as number);
        const dy = yi - (tree.cy[c] as number);
        const d2 = dx * dx + dy * dy;
        const s = tree.size[c] as number;
        if (b >= 0 || (s * s) / (d2 || 1e-9) < theta2) {
          if (d2 > 0) {
            const f = (kr * mi * (tree.mass[c] as number)) / d2;
            fx[i] = (fx[i] as number) + dx * f;
            fy[i] = (fy[i] as number) + dy * f;
          }
          continue;
        }
        for (let q = 0; q < 4; q++) {
          const ch = tree.child[c * 4 + q] as number;
          if (ch >= 0 && top < stack.length) stack[top++] = ch;
        }
      }
      // Gravity pulls every node a little, so disconnected pieces do not drift away.
      const d = Math.sqrt(xi * xi + yi * yi);
      if (d > 0) {
        fx[i] = (fx[i] as number) - (kg * mi * xi) / d;
        fy[i] = (fy[i] as number) - (kg * mi * yi) / d;
      }
    }
    for (let e = 0; e < graph.sources.length; e++) {
      const s = graph.sources[e] as number;
      const t = graph.targets[e] as number;
      if (s === t) continue;
      const dx = (positions[2 * s] as number) - (positions[2 * t] as number);
      const dy = (positions[2 * s + 1] as number) - (positions[2 * t + 1] as number);
      let w = graph.weights[e] as number;
      if (linLog) {
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d > 0) w *= Math.log(1 + d) / d;
      }
      fx[s] = (fx[s] as number) - w * dx;
      fy[s] = (fy[s] as number) - w * dy;
      fx[t] = (fx[t] as number) + w * dx;
      fy[t] = (fy[t] as number) + w * dy;
    }
  };

  /** Adaptive speed (ForceAtlas2, Jacomy et al. 2014), then the moves. */
  const move = () => {
    let swing = 0;
    let traction = 0;
    for (let i = 0; i < n; i++) {
      const m = mass[i] as number;
      const sx = (fx[i] as number) - (oldFx[i] as number);
      const sy = (fy[i] as number) - (oldFy[i] as number);
      const tx = (fx[i] as number) + (oldFx[i] as number);
      const ty = (fy[i] as number) + (oldFy[i] as number);
      swing += m * Math.sqrt(sx * sx + sy * sy);
      traction += (m * Math.sqrt(tx * tx + ty * ty)) / 2;
    }
    const estimated = 0.05 * Math.sqrt(n);
    let jitter = Math.max(Math.sqrt(estimated), Math.min(10, (estimated * traction) / (n * n)));
    if (traction > 0 && swing / traction > 2) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.5;
      jitter = Math.max(jitter, 1);
    }
    const targetSpeed = swing > 0 ? (jitter * speedEfficiency * traction) / swing : speed;
    if (swing > jitter * traction) {
      if (speedEfficiency > 0.05) speedEfficiency *= 0.7;
    } else if (speed < 1000) speedEfficiency *= 1.3;
    speed += Math.min(targetSpeed - speed, 0.5 * speed);
    for (let i = 0; i < n; i++) {
      const m = mass[i] as number;
      const sx = (fx[i] as number) - (oldFx[i] as number);
      const sy = (fy[i] as number) - (oldFy[i] as number);
      const swinging = m * Math.sqrt(sx * sx + sy * sy);
      oldFx[i] = fx[i] as number;
      oldFy[i] = fy[i] as number;
      let factor = speed / (1 + Math.sqrt(speed * swinging));
      // A node never jumps further than a few units in one step (FA2's optional cap): hubs do not fling leaves.
      const fm = Math.sqrt((fx[i] as number) ** 2 + (fy[i] as number) ** 2);
      if (fm * factor > 10 * Math.sqrt(m)) factor = (10 * Math.sqrt(m)) / fm;
      positions[2 * i] = (positions[2 * i] as number) + (fx[i] as number) * factor;
      positions[2 * i + 1] = (positions[2 * i + 1] as number) + (fy[i] as number) * factor;
    }
  };

  return {
    step(count: number) {
      if (n === 0) return;
      for (let k = 0; k < count; k++) {
        repulseAndPull();
        move();
        done++;
      }
    },
    get done() {
      return done;
    },
  };
}

/** Runs `options.iterations` steps of `createForceLayout`, reporting progress on the way. */
export function forceLayout(graph: LayoutGraph, positions: Float32Array, options: ForceLayoutOptions): void {
  const { iterations, onProgress, progressEvery, ...rest } = options;
  const layout = createForceLayout(graph, positions, rest);
  const every = onProgress && progressEvery ? progressEvery : iterations;
  while (layout.done < iterations) {
    layout.step(Math.min(every, iterations - layout.done));
    if (onProgress && layout.done < iterations) onProgress(layout.done, positions);
  }
}

/**
 * Scales positions about their centroid so that the median distance from a
 * node to its nearest neighbour is `spacing`: the layout's own units are
 * arbitrary, the view's node sizes are not. (Median link length would not
 * do: dense clusters would still pile their nodes on top of each other.)
 * Only the first `count` nodes are measured (anchors beyond them move along).
 */
export function normalizeSpread(graph: LayoutGraph, positions: Float32Array, spacing: number, count = graph.count): void {
  const n = graph.count;
  if (count < 2) return;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < count; i++) {
    mx += positions[2 * i] as number;
    my += positions[2 * i + 1] as number;
  }
  mx /= count;
  my /= count;
  // First to a known scale (RMS radius 1000), where a grid can find nearest neighbours.
  let sum = 0;
  for (let i = 0; i < count; i++) sum += ((positions[2 * i] as number) - mx) ** 2 + ((positions[2 * i + 1] as number) - my) ** 2;
  const rms = Math.sqrt(sum / count) || 1;
  let scale = 1000 / rms;
  for (let i = 0; i < n; i++) {
    positions[2 * i] = ((positions[2 * i] as number) - mx) * scale;
    positions[2 * i + 1] = ((positions[2 * i + 1] as number) - my) * scale;
  }
  // Uniformly spread nodes would sit ~2000/sqrt(n) apart; four times that bounds the search.
  const nn = nearestNeighbourDistances(positions, count, 8000 / Math.sqrt(count));
  nn.sort((a, b) => a - b);
  const median = nn[nn.length >> 1] as number;
  scale = median > 0 ? spacing / median : 1;
  for (let i = 0; i < 2 * n; i++) positions[i] = (positions[i] as number) * scale;
}

/** Each node's distance to its nearest neighbour, capped at `cap` (a grid of `cap`-sized cells). */
function nearestNeighbourDistances(positions: Float32Array, count: number, cap: number): number[] {
  const grid = new Map<number, number[]>();
  const key = (cx: number, cy: number) => cx * 73856093 + cy * 19349663;
  for (let i = 0; i < count; i++) {
    const k = key(Math.floor((positions[2 * i] as number) / cap), Math.floor((positions[2 * i + 1] as number) / cap));
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = positions[2 * i] as number;
    const y = positions[2 * i + 1] as number;
    const cx = Math.floor(x / cap);
    const cy = Math.floor(y / cap);
    let best = cap;
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const j of grid.get(key(gx, gy)) ?? []) {
          if (j !== i) best = Math.min(best, Math.hypot(x - (positions[2 * j] as number), y - (positions[2 * j + 1] as number)));
        }
      }
    }
    out.push(best);
  }
  return out;
}

/**
 * Pushes apart nodes closer than `minDistance`, or than their radii allow
 * (`radii[i] + radii[j] + gap`), on a spatial hash for a few rounds: a force
 * layout packs dense clusters tighter than nodes are wide. Only the first
 * `count` nodes move; `fixed` ones stay.
 */
export function spreadOverlaps(count: number, positions: Float32Array, minDistance: number, rounds = 30, fixed?: Uint8Array, radii?: Float32Array, gap = 6): void {
  let widest = 0;
  if (radii) for (let i = 0; i < count; i++) widest = Math.max(widest, radii[i] as number);
  const cell = Math.max(minDistance, 2 * widest + gap);
  const need = (i: number, j: number) => (radii ? Math.max(minDistance, (radii[i] as number) + (radii[j] as number) + gap) : minDistance);
  for (let round = 0; round < rounds; round++) {
    const buckets = new Map<number, number[]>();
    const key = (cx: number, cy: number) => cx * 73856093 + cy * 19349663;
    for (let i = 0; i < count; i++) {
      const k = key(Math.floor((positions[2 * i] as number) / cell), Math.floor((positions[2 * i + 1] as number) / cell));
      const list = buckets.get(k);
      if (list) list.push(i);
      else buckets.set(k, [i]);
    }
    let moved = 0;
    for (let i = 0; i < count; i++) {
      const xi = positions[2 * i] as number;
      const yi = positions[2 * i + 1] as number;
      const cx = Math.floor(xi / cell);
      const cy = Math.floor(yi / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of buckets.get(key(gx, gy)) ?? []) {
            if (j <= i) continue;
            let dx = (positions[2 * j] as number) - (positions[2 * i] as number);
            let dy = (positions[2 * j + 1] as number) - (positions[2 * i + 1] as number);
            let d2 = dx * dx + dy * dy;
            const want = need(i, j);
            if (d2 >= want * want) continue;
            if (d2 === 0) {
              // Coincident: separate along a direction fixed by the pair.
              dx = Math.cos(i * 2.399 + j);
              dy = Math.sin(i * 2.399 + j);
              d2 = 1e-6;
            }
            const d = Math.sqrt(d2);
            const push = (want - d) / 2 / Math.max(d, 1e-3);
            const fi = fixed?.[i] ? 0 : fixed?.[j] ? 2 : 1;
            const fj = fixed?.[j] ? 0 : fixed?.[i] ? 2 : 1;
            positions[2 * i] = (positions[2 * i] as number) - dx * push * fi;
            positions[2 * i + 1] = (positions[2 * i + 1] as number) - dy * push * fi;
            positions[2 * j] = (positions[2 * j] as number) + dx * push * fj;
            positions[2 * j + 1] = (positions[2 * j + 1] as number) + dy * push * fj;
            moved++;
          }
        }
      }
    }
    if (moved === 0) return;
  }
}
