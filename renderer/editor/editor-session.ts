/**
 * One open pattern: its two Monaco models (front-matter and prose; one model
 * for a file without usable front-matter), the disk version they started
 * from, and the findings shown on them. Typing is logged as splices so that
 * findings computed for an older text land on the right characters of the
 * current one. The session never writes on its own: saving, reloading and
 * conflicts are decided by the workspace that owns it.
 */
import type { editor as MonacoEditor, IDisposable } from 'monaco-editor/editor';
import { monaco } from './monaco-setup';
import { lineBreakStyle, splitFileParts, type FileParts, type PartLayout, type PartName } from '../../shared/editor/file-parts';
import { chooseFindings, diagnosticsToMarkers, type Findings, type MarkerData } from '../../shared/editor/diagnostic-markers';
import { shiftDiagnostics, SpliceLog, type Splice } from '../../shared/editor/span-tracking';
import { minimalReplacement } from '../../shared/editor/quick-fixes';
import type { SchemaCalibration } from '../../shared/editor/schema-calibration';
import type { Diagnostic } from '../../shared/validation/diagnostic';
import { patternName } from '../../shared/model/pattern-facts';

export const MARKER_OWNER = 'trellis';

export type Conflict = { kind: 'changed'; diskText: string; diskHash: string } | { kind: 'deleted' };

export interface RenderEvent {
  /** Version of the text the shown findings were computed for. */
  version: number;
  source: 'local' | 'remote';
  at: number;
}

/** The editor's bookkeeping of the backend's copy of an unsaved buffer. */
export interface BackendSync {
  /** The backend holds a text of ours (`setBuffer`), not the disk's. */
  hasBuffer: boolean;
  /** The version of our text the backend's findings describe. */
  version: number | undefined;
  /** Signature and text of the buffer last sent. */
  sentSignature: string | undefined;
  sentText: string | undefined;
  /** A round trip is under way; `again` (and `force`) ask for one more after it. */
  inFlight: boolean;
  again: boolean;
  force: boolean;
  /** Pending removal of a buffer equal to the disk's text. */
  dropTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface SessionListener {
  /** What the vault's schema changes about the worker's findings (shared by all sessions of a vault). */
  readonly calibration: SchemaCalibration;
  /** Dirty state, conflict or models changed: the tab and bars need a look. */
  onDidChangeState(session: EditorSession): void;
  /** The text changed (typing, a fix, a reload). */
  onDidChangeText(session: EditorSession): void;
  onDidRender(session: EditorSession, event: RenderEvent): void;
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

function toMonacoMarker(m: MarkerData): MonacoEditor.IMarkerData {
  return {
    severity: SEVERITY[m.severity],
    message: m.message,
    code: m.rule,
    source: MARKER_OWNER,
    startLineNumber: m.startLineNumber,
    startColumn: m.startColumn,
    endLineNumber: m.endLineNumber,
    endColumn: m.endColumn,
  };
}

let uriSeq = 0;

export class EditorSession {
  readonly name: string;
  private parts!: { head: string; fence: string; mode: FileParts['mode'] };
  yamlModel: MonacoEditor.ITextModel | undefined;
  bodyModel!: MonacoEditor.ITextModel;
  /** Bumped whenever the models are replaced (the editors must take the new ones). */
  generation = 0;
  baseText: string;
  baseHash: string;
  dirty = false;
  conflict: Conflict | undefined;
  /** Something the curator should know about this file (normalised line endings, a reload…). */
  notice: string | undefined;
  readonly log = new SpliceLog();
  local: Findings | undefined;
  remote: Findings | undefined;
  /** The findings on screen, in the current text's offsets (for quick fixes). */
  shown: Diagnostic[] = [];
  /** Editor view states (scroll, cursor), kept while another tab is active. */
  viewState: Partial<Record<PartName, MonacoEditor.ICodeEditorViewState | null>> = {};
  /** What the backend holds of this file (see live-findings.ts). */
  readonly backend: BackendSync = { hasBuffer: false, version: 0, sentSignature: undefined, sentText: undefined, inFlight: false, again: false, force: false, dropTimer: undefined };
  /** The worker's signature of the newest analysed text, and of the disk's text (see backend-signature.ts). */
  localSignature: { version: number; signature: string } | undefined;
  diskSignature: string | undefined;
  /** The last version of the text that equalled the disk's (undefined: none since a restored draft). */
  diskVersion: number | undefined = 0;
  /** The text of a save in flight: the watcher's report of it is not a conflict. */
  pendingSaveText: string | undefined;
  private modelListeners: IDisposable[] = [];
  private disposed = false;

  constructor(
    readonly path: string,
    text: string,
    base: { text: string; hash: string },
    private readonly listener: SessionListener,
  ) {
    this.name = patternName(path);
    this.baseText = base.text;
    this.baseHash = base.hash;
    this.createModels(text);
    this.dirty = this.text() !== this.baseText;
    this.diskVersion = this.dirty ? undefined : 0;
    if (text === base.text && this.text() !== text) {
      this.notice = 'This file mixes line-break styles; the editor holds one style, so saving will change its line breaks.';
    }
  }

  get mode(): FileParts['mode'] {
    return this.parts.mode;
  }

  private createModels(text: string): void {
    const parts = splitFileParts(text);
    const crlf = lineBreakStyle(text) === 'crlf';
    const id = ++uriSeq;
    const make = (value: string, language: string, part: PartName) => {
      const uri = monaco.Uri.from({ scheme: 'trellis', path: `/${this.path}`, query: `part=${part}&id=${id}` });
      const model = monaco.editor.createModel(value, language, uri);
      model.updateOptions({ tabSize: 2, indentSize: 2, insertSpaces: true });
      if (crlf) model.setEOL(monaco.editor.EndOfLineSequence.CRLF);
      return model;
    };
    if (parts.mode === 'split') {
      this.parts = { head: parts.head, fence: parts.fence, mode: 'split' };
      this.yamlModel = make(parts.yaml, 'yaml', 'yaml');
      tokenizeNow(this.yamlModel);
      this.bodyModel = make(parts.body, 'markdown', 'body');
    } else {
      this.parts = { head: '', fence: '', mode: 'whole' };
      this.yamlModel = undefined;
      this.bodyModel = make(parts.text, 'markdown', 'body');
    }
    this.generation++;
    this.modelListeners = [];
    if (this.yamlModel) {
      const model = this.yamlModel;
      this.modelListeners.push(model.onDidChangeContent((e) => this.onContent('yaml', e)));
    }
    this.modelListeners.push(this.bodyModel.onDidChangeContent((e) => this.onContent('body', e)));
  }

  private disposeModels(): void {
    for (const l of this.modelListeners) l.dispose();
    this.modelListeners = [];
    // The marker service keeps markers by address, model or not: clear them with the models.
    for (const model of [this.yamlModel, this.bodyModel]) {
      if (!model) continue;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      model.dispose();
    }
  }

  /** The whole file as the editors hold it: exactly the bytes a save writes. */
  text(): string {
    if (this.parts.mode === 'whole') return this.bodyModel.getValue();
    return this.parts.head + (this.yamlModel as MonacoEditor.ITextModel).getValue() + this.parts.fence + this.bodyModel.getValue();
  }

  layout(): PartLayout {
    const yamlLength = this.yamlModel?.getValueLength() ?? 0;
    if (this.parts.mode === 'whole') return { mode: 'whole', yamlStart: 0, yamlLength: 0, bodyStart: 0, bodyLength: this.bodyModel.getValueLength() };
    const yamlStart = this.parts.head.length;
    return { mode: 'split', yamlStart, yamlLength, bodyStart: yamlStart + yamlLength + this.parts.fence.length, bodyLength: this.bodyModel.getValueLength() };
  }

  modelOf(part: PartName): MonacoEditor.ITextModel | undefined {
    return part === 'yaml' ? this.yamlModel : this.bodyModel;
  }

  partOfModel(model: MonacoEditor.ITextModel): PartName | undefined {
    if (model === this.yamlModel) return 'yaml';
    if (model === this.bodyModel) return 'body';
    return undefined;
  }

  private onContent(part: PartName, e: MonacoEditor.IModelContentChangedEvent): void {
    const layout = this.layout();
    const start = part === 'yaml' ? layout.yamlStart : layout.bodyStart;
    // Changes of one event are given against the text before it; applied from the end backwards they compose.
    const changes = [...e.changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
    const splices: Splice[] = [];
    for (const c of changes) {
      const splice = { offset: start + c.rangeOffset, removed: c.rangeLength, inserted: c.text.length };
      this.log.record(splice);
      splices.push(splice);
    }
    if (this.local) this.local = { version: this.local.version, diagnostics: shiftDiagnostics(this.local.diagnostics, splices) };
    if (this.remote) this.remote = { version: this.remote.version, diagnostics: shiftDiagnostics(this.remote.diagnostics, splices) };
    this.shown = shiftDiagnostics(this.shown, splices);
    const dirty = this.text() !== this.baseText;
    const changed = dirty !== this.dirty;
    this.dirty = dirty;
    if (!dirty) this.diskVersion = this.log.version;
    // Old splices are only needed for answers still on their way; thousands of keystrokes back, none is.
    if (this.log.version % 1000 === 0) this.log.forgetBefore(this.log.version - 5000);
    this.listener.onDidChangeText(this);
    if (changed) this.listener.onDidChangeState(this);
  }

  /** Findings for the text of `version`, carried to the current text; false when too old to place. */
  accept(source: 'local' | 'remote', version: number, diagnostics: Diagnostic[]): boolean {
    if (this.disposed) return false;
    const since = this.log.since(version);
    if (!since) return false;
    const findings = { version, diagnostics: shiftDiagnostics(diagnostics, since) };
    // An answer older than the one already shown is of no use.
    const current = source === 'local' ? this.local : this.remote;
    if (current && current.version > version) return false;
    if (source === 'local') this.local = findings;
    else this.remote = findings;
    // Both judged the same text: learn how the vault's schema differs from the default.
    if (this.local && this.remote && this.local.version === this.remote.version) this.listener.calibration.learn(this.local.diagnostics, this.remote.diagnostics);
    this.render(source);
    return true;
  }

  private render(source: 'local' | 'remote'): void {
    const local = this.local && { version: this.local.version, diagnostics: this.listener.calibration.apply(this.local.diagnostics) };
    const diagnostics = chooseFindings(local, this.remote);
    this.shown = diagnostics;
    const layout = this.layout();
    const yaml = this.yamlModel;
    const body = this.bodyModel;
    const markers = diagnosticsToMarkers(diagnostics, layout, {
      yaml: (o) => (yaml ? yaml.getPositionAt(o) : { lineNumber: 1, column: 1 }),
      body: (o) => body.getPositionAt(o),
    });
    if (yaml) monaco.editor.setModelMarkers(yaml, MARKER_OWNER, markers.yaml.map(toMonacoMarker));
    monaco.editor.setModelMarkers(body, MARKER_OWNER, markers.body.map(toMonacoMarker));
    const findings = source === 'local' ? this.local : this.remote;
    this.listener.onDidRender(this, { version: findings?.version ?? -1, source, at: performance.now() });
  }

  /**
   * Puts new text in the editors as one undoable edit per editor (the cursor
   * and scroll stay where they were). When the fences moved or appeared, the
   * models are replaced instead.
   */
  replaceText(text: string): void {
    const parts = splitFileParts(text);
    const sameShape = parts.mode === this.parts.mode && (parts.mode === 'whole' || (parts.head === this.parts.head && parts.fence === this.parts.fence));
    if (!sameShape) {
      this.disposeModels();
      this.local = undefined;
      this.remote = undefined;
      this.shown = [];
      this.viewState = {};
      this.createModels(text);
      this.dirty = this.text() !== this.baseText;
      this.listener.onDidChangeText(this);
      this.listener.onDidChangeState(this);
      return;
    }
    if (parts.mode === 'split') {
      this.editModel(this.yamlModel as MonacoEditor.ITextModel, parts.yaml);
      this.editModel(this.bodyModel, parts.body);
    } else this.editModel(this.bodyModel, parts.text);
  }

  private editModel(model: MonacoEditor.ITextModel, value: string): void {
    const current = model.getValue();
    if (current === value) return;
    const r = minimalReplacement(current, value);
    const a = model.getPositionAt(r.start);
    const b = model.getPositionAt(r.end);
    model.pushStackElement();
    model.pushEditOperations([], [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: r.newText, forceMoveMarkers: true }], () => null);
    model.pushStackElement();
  }

  /** Takes the disk's text into the editors (undoable, so "take theirs" can be taken back) and makes it the base. */
  reloadFrom(text: string, hash: string): void {
    this.baseText = text;
    this.baseHash = hash;
    this.diskSignature = undefined;
    this.replaceText(text);
    this.dirty = this.text() !== text;
    if (!this.dirty) this.diskVersion = this.log.version;
    this.listener.onDidChangeState(this);
  }

  /** The disk now holds `text` (after a save, a reload or a resolved conflict). */
  rebase(text: string, hash: string): void {
    this.baseText = text;
    this.baseHash = hash;
    this.dirty = this.text() !== text;
    // The disk now holds a text the worker may already have analysed.
    const analysed = this.localSignature?.version === this.log.version ? this.localSignature.signature : undefined;
    this.diskSignature = this.dirty ? undefined : analysed;
    if (!this.dirty) this.diskVersion = this.log.version;
    this.listener.onDidChangeState(this);
  }

  setConflict(conflict: Conflict | undefined): void {
    this.conflict = conflict;
    this.listener.onDidChangeState(this);
  }

  setNotice(notice: string | undefined): void {
    this.notice = notice;
    this.listener.onDidChangeState(this);
  }

  /** Markers currently on a part, as Monaco holds them. */
  markers(part: PartName): MonacoEditor.IMarker[] {
    const model = this.modelOf(part);
    return model ? monaco.editor.getModelMarkers({ resource: model.uri, owner: MARKER_OWNER }) : [];
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.backend.dropTimer) clearTimeout(this.backend.dropTimer);
    this.disposeModels();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

/**
 * Monaco applies a language's Enter rules (indent after `key:`) only on lines
 * its background tokenizer has reached, so for the first few hundred
 * milliseconds after opening, Enter kept the indentation and later it
 * indented: the same keys, two results. Front-matter is at most a few
 * hundred lines; tokenizing it at once costs little. (`tokenization` is not in
 * Monaco's typings, hence the narrow cast.)
 */
function tokenizeNow(model: MonacoEditor.ITextModel): void {
  const tokenization = (model as unknown as { tokenization?: { forceTokenization?(line: number): void } }).tokenization;
  tokenization?.forceTokenization?.(model.getLineCount());
}
