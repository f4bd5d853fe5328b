/**
 * The Barnes-Hut quadtree of the force layout, on typed arrays so rebuilding
 * it every iteration allocates nothing once it has grown.
 */
/** Per cell: centre of mass, mass, size, corner, four children, and a leaf's single body. */
export class QuadTree {
  private cap = 0;
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  mass = new Float64Array(0);
  size = new Float64Array(0);
  x0 = new Float64Array(0);
  y0 = new Float64Array(0);
  /** Four children per cell, -1 for none. */
  child = new Int32Array(0);
  /** The single body of a leaf, -1 for an inner cell, -2 for an empty one. */
  body = new Int32Array(0);
  cells = 0;

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2);
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.cx = grow64(this.cx);
    this.cy = grow64(this.cy);
    this.mass = grow64(this.mass);
    this.size = grow64(this.size);
    this.x0 = grow64(this.x0);
    this.y0 = grow64(this.y0);
    const child = new Int32Array(cap * 4);
    child.set(this.child);
    this.child = child;
    const body = new Int32Array(cap);
    body.set(this.body);
    this.body = body;
    this.cap = cap;
  }

  private newCell(x0: number, y0: number, size: number): number {
    this.ensure(this.cells + 1);
    const c = this.cells++;
    this.x0[c] = x0;
    this.y0[c] = y0;
    this.size[c] = size;
    this.mass[c] = 0;
    this.cx[c] = 0;
    this.cy[c] = 0;
    this.body[c] = -2;
    this.child.fill(-1, c * 4, c * 4 + 4);
    return c;
  }

  build(pos: Float32Array, mass: Float32Array, n: number): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = pos[2 * i] as number;
      const y = pos[2 * i + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    this.cells = 0;
    this.ensure(n * 2 + 1);
    const size = Math.max(maxX - minX, maxY - minY, 1e-3) * 1.0001;
    this.newCell(minX, minY, size);
    for (let i = 0; i < n; i++) this.insert(i, pos[2 * i] as number, pos[2 * i + 1] as number, mass[i] as number, pos, mass);
  }

  private quadrant(c: number, x: number, y: number): number {
    const half = (this.size[c] as number) / 2;
    return (x >= (this.x0[c] as number) + half ? 1 : 0) + (y >= (this.y0[c] as number) + half ? 2 : 0);
  }

  private childCell(c: number, q: number): number {
    const existing = this.child[c * 4 + q] as number;
    if (existing >= 0) return existing;
    const half = (this.size[c] as number) / 2;
    const made = this.newCell((this.x0[c] as number) + (q & 1 ? half : 0), (this.y0[c] as number) + (q & 2 ? half : 0), half);
    this.child[c * 4 + q] = made;
    return made;
  }

  private insert(i: number, x: number, y: number, m: number, pos: Float32Array, mass: Float32Array): void {
    let c = 0;
    for (let depth = 0; ; depth++) {
      const total = (this.mass[c] as number) + m;
      this.cx[c] = ((this.cx[c] as number) * (this.mass[c] as number) + x * m) / total;
      this.cy[c] = ((this.cy[c] as number) * (this.mass[c] as number) + y * m) / total;
      this.mass[c] = total;
      const b = this.body[c] as number;
      if (b === -2) {
        this.body[c] = i;
        return;
      }
      // Coincident points would split forever; past this depth they share a leaf.
      if (depth > 40) return;
      if (b >= 0) {
        this.body[c] = -1;
        const bx = pos[2 * b] as number;
        const by = pos[2 * b + 1] as number;
        const bc = this.childCell(c, this.quadrant(c, bx, by));
        this.body[bc] = b;
        this.mass[bc] = mass[b] as number;
        this.cx[bc] = bx;
        this.cy[bc] = by;
      }
      c = this.childCell(c, this.quadrant(c, x, y));
    }
  }
}
