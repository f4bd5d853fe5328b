/**
 * When to validate while the curator types: at once after a pause (a single
 * keystroke gets its markers immediately), then, during a burst, once the
 * typing pauses for `quietMs`, and at least every `maxWaitMs` so markers keep
 * up with long bursts. Everything in between is skipped: no work per keystroke.
 */
export interface SchedulerOptions {
  quietMs: number;
  maxWaitMs: number;
}

export class ChangeScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRun = -Infinity;
  private firstPending = -1;
  private disposed = false;

  constructor(
    private readonly run: () => void,
    private readonly options: SchedulerOptions = { quietMs: 150, maxWaitMs: 600 },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A change happened. */
  poke(): void {
    if (this.disposed) return;
    const t = this.now();
    if (this.timer === undefined && t - this.lastRun >= this.options.quietMs) {
      this.fire();
      return;
    }
    if (this.firstPending < 0) this.firstPending = t;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.quietMs, this.firstPending + this.options.maxWaitMs - t));
    this.timer = setTimeout(() => this.fire(), wait);
  }

  /** Runs now if anything is pending. */
  flush(): void {
    if (this.timer !== undefined) this.fire();
  }

  private fire(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPending = -1;
    this.lastRun = this.now();
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
