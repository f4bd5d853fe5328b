/**
 * The editor's side of the validation worker: one worker for all open files,
 * requests answered in order, and for each file only the newest answer kept
 * (an older one that arrives late is dropped).
 */
import type { Diagnostic } from '../../shared/validation/diagnostic';
import type { PatternSchema } from '../../shared/schema/schema';
import type { ValidationRequest, ValidationResponse } from './validation-protocol';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** What the backend would learn from this text (see backend-signature). */
  signature: string;
  ms: number;
}

export class ValidationClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { path: string; resolve: (r: ValidationResult | undefined) => void; reject: (e: Error) => void }>();
  /** The newest request per path: answers to older ones resolve to undefined. */
  private readonly latest = new Map<string, number>();

  constructor() {
    this.worker = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module', name: 'trellis-validation' });
    this.worker.onmessage = (event: MessageEvent<ValidationResponse>) => this.settle(event.data);
    this.worker.onerror = (event) => {
      for (const [, p] of this.pending) p.reject(new Error(`the validation worker failed: ${event.message}`));
      this.pending.clear();
    };
  }

  /** Findings of the file's own rules for `text`; undefined when a newer request for the same file overtook this one. */
  analyze(path: string, text: string): Promise<ValidationResult | undefined> {
    const id = this.nextId++;
    this.latest.set(path, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { path, resolve, reject });
      const request: ValidationRequest = { kind: 'analyze', id, path, text };
      this.worker.postMessage(request);
    });
  }

  /** Checks from now on use the vault's schema (messages are handled in order, so no request is checked with a mix). */
  setSchema(schema: PatternSchema): void {
    const request: ValidationRequest = { kind: 'schema', schema };
    this.worker.postMessage(request);
  }

  private settle(r: ValidationResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (this.latest.get(p.path) !== r.id) return p.resolve(undefined);
    if (r.ok) p.resolve({ diagnostics: r.diagnostics, signature: r.signature, ms: r.ms });
    else p.reject(new Error(r.message));
  }

  dispose(): void {
    this.worker.terminate();
    for (const [, p] of this.pending) p.resolve(undefined);
    this.pending.clear();
  }
}
