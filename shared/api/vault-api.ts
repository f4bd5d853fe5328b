/**
 * The one contract between the UI and the backend, whichever transport
 * carries it (in-process, Electron IPC, WebSocket in browser mode). Requests
 * and results are plain JSON data; every request is checked by
 * `checkRequest` before the backend acts on it.
 */
import type { Diagnostic, Severity } from '../validation/diagnostic';
import type { Generation } from '../model/pattern-facts';
import type { GraphModel } from '../vault/graph-model';
import type { PatternSchema } from '../schema/schema';
import type { GraphUpdate } from '../vault/graph-delta';
import type { InboxItem, InboxScope, InboxSort } from '../curation/inbox';
import type { GardenHealth } from '../curation/garden-health';

export type SeverityCounts = Record<Severity, number>;

export interface VaultInfo {
  /** The folder's name, for the window title. */
  name: string;
  /** Absolute folder path as the backend sees it (shown to the user, never sent back as a path to open). */
  root: string;
  files: number;
  counts: SeverityCounts;
  /** Problems in `.trellis/schema.yaml`, if any. */
  schemaErrors: string[];
  /** False while the first index is still being built. */
  ready: boolean;
}

export interface FileSummary {
  path: string;
  name: string;
  title?: string;
  generation: Generation;
  counts: SeverityCounts;
}

export interface FileContent {
  path: string;
  text: string;
  /** sha256 of the UTF-8 bytes: a save states it as the base it edited. */
  hash: string;
}

export type SaveResult =
  | { ok: true; hash: string }
  | { ok: false; kind: 'conflict'; message: string; diskText: string; diskHash: string }
  | { ok: false; kind: 'error'; message: string };

/** A structured edit, carried out by the pure edit layer on the backend. */
export type VaultEditRequest =
  /** `index`: which inferred entry, when the same target is listed more than once. */
  | { kind: 'promote'; path: string; target: string; type?: string; weight?: number; inverse?: boolean; index?: number }
  | { kind: 'prune-link'; path: string; target: string; type?: string }
  | { kind: 'prune'; rules: string[]; minConfidence?: number; paths?: string[] }
  | { kind: 'add-relationship'; path: string; type: string; target: string; weight: number }
  | { kind: 'remove-relationship'; path: string; type: string; target: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'migrate'; paths: string[] }
  /** The validator's mechanical fixes for one file: all of them, one rule's, or the one finding at `start`. */
  | { kind: 'fix'; path: string; rule?: string; start?: number }
  /** A new pattern from the v7.1 template (slug from the title unless given), in `folder` or the vault root. */
  | { kind: 'create'; title: string; slug?: string; folder?: string }
  /** Deletes a pattern; references to it are removed, or left as ghosts. */
  | { kind: 'delete'; path: string; removeReferences: boolean };

export interface FileChangePreview {
  path: string;
  /** Unified diff, `--- a/…` / `+++ b/…`. */
  diff: string;
  /** For a rename: the new path of the file. */
  newPath?: string;
}

export interface EditPreview {
  /** Pass to `applyEdit` to write exactly what was previewed. */
  id: string;
  /** For a new or renamed pattern: where it will be. */
  createdPath?: string;
  title: string;
  files: FileChangePreview[];
  /** Human-readable lines (e.g. links removed per rule). */
  summary: string[];
  refused: Array<{ path: string; reason: string }>;
}

export type ApplyResult =
  | { ok: true; title: string; files: string[] }
  | { ok: false; kind: 'conflict' | 'refused' | 'error' | 'stale-preview'; message: string; files?: string[] };

export interface UndoResult {
  ok: boolean;
  /** What was undone or redone, or why nothing was. */
  message: string;
  files: string[];
}

export interface IndexProgress {
  done: number;
  total: number;
}

/** Methods: name → [request, result]. Adding a method here types every transport. */
export interface VaultMethods {
  getVault: [Record<string, never>, VaultInfo];
  listFiles: [Record<string, never>, FileSummary[]];
  readFile: [{ path: string }, FileContent];
  getDiagnostics: [{ path?: string }, Diagnostic[]];
  getGraph: [Record<string, never>, GraphModel];
  /**
   * The vault's own schema (the default merged with `.trellis/schema.yaml`):
   * the editor validates, completes and explains with it, and the graph takes
   * its relationship types from it, as the backend does.
   */
  getSchema: [Record<string, never>, PatternSchema];
  /**
   * The graph for a live view: the whole of it, or (with the version the view
   * has) only what changed since. The corpus's graph is megabytes; a change
   * from typing is a few nodes and edges.
   */
  getGraphUpdate: [{ since?: number }, GraphUpdate];
  saveFile: [{ path: string; text: string; baseHash: string }, SaveResult];
  /**
   * The editor's unsaved text of a file (or null when the buffer is closed or
   * saved): findings, the file's and other files' that depend on it, follow it
   * live; the file on disk is not touched.
   */
  setBuffer: [{ path: string; text: string | null }, { paths: string[] }];
  previewEdit: [{ edit: VaultEditRequest }, EditPreview];
  applyEdit: [{ previewId: string }, ApplyResult];
  getInbox: [{ scope?: InboxScope; sort?: InboxSort }, InboxItem[]];
  getGardenHealth: [{ minConfidence?: number }, GardenHealth];
  /**
   * Per-vault view state kept in `.trellis/cache/` (graph positions, open
   * tabs, panel sizes): `key` names the blob, `value` is any JSON text.
   */
  loadViewState: [{ key: string }, { value: string | null }];
  saveViewState: [{ key: string; value: string }, { ok: boolean }];
  undo: [Record<string, never>, UndoResult];
  redo: [Record<string, never>, UndoResult];
}

export type MethodName = keyof VaultMethods;
export type RequestOf<M extends MethodName> = VaultMethods[M][0];
export type ResultOf<M extends MethodName> = VaultMethods[M][1];

/** Events: name → payload. */
export interface VaultEvents {
  onDidIndexProgress: IndexProgress;
  /** Files changed on disk, by us or by someone else; their findings are current again. */
  onDidChangeFiles: { changed: string[]; removed: string[]; external: boolean };
  onDidChangeDiagnostics: { paths: string[]; counts: SeverityCounts };
  onDidReportError: { message: string };
}

export type EventName = keyof VaultEvents;

/** The backend as the UI sees it. */
export type VaultApi = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResultOf<M>> } & {
  on<E extends EventName>(event: E, listener: (payload: VaultEvents[E]) => void): () => void;
};

export const METHOD_NAMES: readonly MethodName[] = [
  'getVault',
  'listFiles',
  'readFile',
  'getDiagnostics',
  'getGraph',
  'getSchema',
  'getGraphUpdate',
  'saveFile',
  'setBuffer',
  'previewEdit',
  'applyEdit',
  'getInbox',
  'getGardenHealth',
  'loadViewState',
  'saveViewState',
  'undo',
  'redo',
];

export const EVENT_NAMES: readonly EventName[] = ['onDidIndexProgress', 'onDidChangeFiles', 'onDidChangeDiagnostics', 'onDidReportError'];

/** Errors cross the boundary as plain data and are rebuilt on the other side. */
export interface WireError {
  name: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}
