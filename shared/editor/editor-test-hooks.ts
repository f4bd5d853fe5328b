/**
 * The shape of the page global `__trellisEditor`, the editor's test hooks: one type
 * for the renderer that installs them and for the end-to-end tests and bench
 * that read them, so the two can never drift apart.
 */
import type { PartName } from './file-parts';

export interface MarkerInfo {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
}

export interface EditorTestHooks {
  activePath(): string | undefined;
  tabs(): Array<{ path: string; dirty: boolean; conflict?: string }>;
  /** The whole file as the editor holds it. */
  text(path?: string): string | undefined;
  version(path?: string): number | undefined;
  markers(part: PartName, path?: string): MarkerInfo[];
  /** Focuses an editor with the cursor at a 1-based line and column. */
  place(part: PartName, line: number, column: number): void;
  /** Text changes and findings shown, with `performance.now()` times, for latency figures. */
  changes: Array<{ path: string; version: number; at: number }>;
  renders: Array<{ path: string; version: number; source: 'local' | 'remote'; at: number }>;
  liveModels(): number;
}
