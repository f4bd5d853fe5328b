/**
 * Findings that follow typing. Each keystroke pokes a scheduler; a round runs
 * the file's own rules in the validation worker, then, when the text changed
 * anything the backend would report, hands the text to the backend
 * (`setBuffer`) so cross-file findings follow too, and keeps the draft backup.
 */
import { readTopLevelValue } from '../../shared/editor/slug-edit';
import { useEditorStore } from './editor-store';
import type { EditorSession } from './editor-session';
import type { EditorWorkspace } from './editor-workspace';
import { ValidationClient } from './validation-client';
import { ChangeScheduler } from './change-scheduler';
import type { PatternSchema } from '../../shared/schema/schema';

export class LiveFindings {
  private readonly schedulers = new Map<string, ChangeScheduler>();
  private readonly validation = new ValidationClient();

  constructor(private readonly ws: EditorWorkspace) {}

  track(session: EditorSession): void {
    this.schedulers.set(session.path, new ChangeScheduler(() => this.validate(session)));
  }

  untrack(path: string): void {
    this.schedulers.get(path)?.dispose();
    this.schedulers.delete(path);
  }

  /** The text changed: a round runs now or after the typing pauses. */
  poke(session: EditorSession): void {
    this.schedulers.get(session.path)?.poke();
  }

  /**
   * One validation round: the worker for the file's own rules, then the
   * backend for the cross-file ones (only when the text changed anything the
   * backend would report), and the draft backup.
   */
  validate(session: EditorSession): void {
    if (session.isDisposed) return;
    const version = session.log.version;
    const text = session.text();
    this.validation.analyze(session.path, text).then(
      (r) => {
        // Undefined: a newer round overtook this one, and will do the rest.
        if (!r) return;
        session.accept('local', version, r.diagnostics);
        session.localSignature = { version, signature: r.signature };
        // Typed on meanwhile: the round the newer text has scheduled will tell the backend.
        if (session.log.version !== version) return;
        // A text equal to the disk's tells what the backend learns from the disk.
        if (!session.dirty) session.diskSignature = r.signature;
        void this.syncBackend(session);
      },
      (err: Error) => {
        this.ws.notice(err.message);
        void this.syncBackend(session, { force: true });
      },
    );
    this.ws.sync.persistDraft(session);
    this.updateSlugEdit(session);
  }

  /** Checks with the vault's own schema from now on, and checks every open file again with it. */
  setSchema(schema: PatternSchema): void {
    this.validation.setSchema(schema);
    for (const s of this.ws.sessions.values()) this.validate(s);
  }

  /** Flushes pending validation of a session now (before a vault edit that reads the backend's view of it). */
  async flush(session: EditorSession): Promise<void> {
    this.schedulers.get(session.path)?.flush();
    while (session.backend.inFlight) await new Promise((r) => setTimeout(r, 10));
    await this.syncBackend(session, { force: true });
  }

  /**
   * Tells the backend about the unsaved text (or that there is none any more)
   * when that changes what it would report, then shows its findings for that
   * text: cross-file findings follow typing. Typing that changes nothing the
   * backend reports (most prose) costs no round trip, and spares the rest of
   * the app a refresh.
   */
  async syncBackend(session: EditorSession, options: { force?: boolean } = {}): Promise<void> {
    if (session.backend.inFlight) {
      session.backend.again = true;
      if (options.force) session.backend.force = true;
      return;
    }
    const version = session.log.version;
    const path = session.path;
    const signature = session.localSignature?.version === version ? session.localSignature.signature : undefined;
    // What the backend's findings for this file come from now: our last buffer, or the disk.
    const known = session.backend.hasBuffer ? session.backend.sentSignature : session.diskSignature;
    const nothingNew = !options.force && signature !== undefined && signature === known;
    if (session.dirty && nothingNew) return;
    if (!session.dirty && session.backend.hasBuffer && nothingNew) {
      // Back to the disk's text: drop the backend's copy once typing settles, not on every undo.
      this.scheduleBufferDrop(session);
      return;
    }
    session.backend.inFlight = true;
    try {
      if (!session.dirty && !session.backend.hasBuffer) {
        // The backend analyses the disk text, which is the editor's text: just ask for its findings (no events, cheap).
        if ((session.remote?.version ?? -1) < version) session.accept('remote', version, await this.ws.api.getDiagnostics({ path }));
        return;
      }
      const text = session.dirty ? session.text() : null;
      await this.ws.api.setBuffer({ path, text });
      session.backend.hasBuffer = text !== null;
      session.backend.sentText = text ?? undefined;
      session.backend.sentSignature = text === null ? undefined : signature;
      session.backend.version = version;
      if (session.isDisposed) return;
      session.accept('remote', version, await this.ws.api.getDiagnostics({ path }));
    } catch (err) {
      this.ws.notice(`Live findings for ${path} are not available: ${(err as Error).message}`);
    } finally {
      session.backend.inFlight = false;
      if (session.backend.again && !session.isDisposed) {
        const force = session.backend.force;
        session.backend.again = false;
        session.backend.force = false;
        void this.syncBackend(session, { force });
      }
    }
  }

  private scheduleBufferDrop(session: EditorSession): void {
    if (session.backend.dropTimer) clearTimeout(session.backend.dropTimer);
    session.backend.dropTimer = setTimeout(() => {
      session.backend.dropTimer = undefined;
      if (!session.isDisposed && !session.dirty && session.backend.hasBuffer) void this.syncBackend(session, { force: true });
    }, 2000);
  }

  private async fetchRemote(session: EditorSession, version: number): Promise<void> {
    try {
      const d = await this.ws.api.getDiagnostics({ path: session.path });
      session.accept('remote', version, d);
    } catch (err) {
      this.ws.notice(`Could not read the findings of ${session.path}: ${(err as Error).message}`);
    }
  }

  /** Another file's change can change an open file's cross-file findings: fetch them again. */
  onDidChangeDiagnostics(paths: readonly string[]): void {
    for (const path of paths) {
      const s = this.ws.sessions.get(path);
      if (!s || s.backend.inFlight) continue;
      const version = s.backend.hasBuffer ? s.backend.version : s.diskVersion;
      if (version !== undefined) void this.fetchRemote(s, version);
    }
  }

  private updateSlugEdit(session: EditorSession): void {
    const yaml = session.yamlModel?.getValue();
    const slug = yaml === undefined ? undefined : readTopLevelValue(yaml, 'slug')?.value;
    const slugEdit = slug !== undefined && slug !== '' && slug !== session.name ? slug : undefined;
    const tab = useEditorStore.getState().tabs.find((t) => t.path === session.path);
    if (tab && tab.slugEdit !== slugEdit) useEditorStore.getState().setTab(session.path, { slugEdit });
  }

  dispose(): void {
    for (const s of this.schedulers.values()) s.dispose();
    this.schedulers.clear();
    this.validation.dispose();
  }
}
