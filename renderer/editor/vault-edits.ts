/**
 * Edits from the editor beyond typing: quick fixes and the vault-wide rename.
 *
 * A fix that changes only the open file is applied to the editor's text (one
 * undoable edit, saved like typing; the file may hold unsaved edits, and the
 * finding describes that text). A fix that changes other files, and the
 * rename, are previewed by the backend and applied there as one structured
 * edit, which the toolbar can undo; open files that it touched follow the
 * disk (clean ones in place, as an undoable edit; dirty ones get a conflict).
 */
import type { EditPreview, VaultEditRequest } from '../../shared/api/vault-api';
import { analyzeFile } from '../../shared/validation/analyze-file';
import type { FixEdit } from '../../shared/validation/diagnostic';
import { applyFixToText, findSameFinding } from '../../shared/editor/quick-fixes';
import { isVaultRule } from '../../shared/editor/diagnostic-markers';
import { isValidSlug, readTopLevelValue, replaceTopLevelValue } from '../../shared/editor/slug-edit';
import { splitFileParts, joinFileParts } from '../../shared/editor/file-parts';
import { useTrellis } from '../store/vault-store';
import { useEditorStore, type PendingEdit } from './editor-store';
import type { EditorWorkspace } from './editor-workspace';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export class VaultEdits {
  constructor(private readonly ws: EditorWorkspace) {}

  /** Applies a one-file fix to the editor's text. `start` is where the finding was last shown. */
  applyBufferFix(path: string, rule: string, start: number, fixKind?: FixEdit['kind']): void {
    const s = this.ws.sessions.get(path);
    if (!s) return;
    const text = s.text();
    // The file's own findings, recomputed for exactly this text (a few ms, on an explicit action).
    const fresh = isVaultRule(rule) ? s.shown : analyzeFile({ path, text, byteLength: utf8Length(text) }, this.ws.schema).diagnostics;
    const wanted = fixKind === undefined ? { rule, start } : { rule, start, fixKind };
    const d = findSameFinding(fresh, wanted);
    if (!d) return this.ws.notice('That finding is gone; nothing to fix.');
    const r = applyFixToText(text, d, this.ws.schema, today());
    if (!r.ok) return this.ws.notice(`Could not fix it: ${r.reason}`);
    s.replaceText(r.text);
  }

  /** A fix that touches other files: previewed by the backend, applied when the curator agrees. */
  async previewVaultFix(path: string, rule: string, start: number): Promise<void> {
    const s = this.ws.sessions.get(path);
    if (!s) return;
    const d = findSameFinding(s.shown, { rule, start });
    if (!d?.fix) return;
    if (d.fix.edit.kind === 'migrate-legacy' && s.dirty) {
      // Migration rewrites this very file on disk: it must hold the editor's text first.
      if (!(await this.ws.sync.save(path))) return;
    }
    // The backend matches the finding by its offset in the text it holds: make that the editor's text.
    await this.ws.live.flush(s);
    const remote = findSameFinding(s.remote?.diagnostics ?? [], { rule, start });
    const edit: VaultEditRequest = { kind: 'fix', path, rule, ...(remote ? { start: remote.span.start } : {}) };
    await this.preview(edit, { kind: 'fix' });
  }

  /**
   * Renames the pattern across the vault: the file, its slug and every link to
   * it. The editor's other unsaved edits are saved first (with the old slug,
   * which is what the backend renames from).
   */
  async renameTo(path: string, newSlug: string): Promise<void> {
    const s = this.ws.sessions.get(path);
    if (!s) return;
    if (!isValidSlug(newSlug)) return this.ws.notice(`'${newSlug}' is not a slug (lowercase words joined by hyphens).`);
    if (s.conflict) return this.ws.notice('Resolve the conflict with the disk first.');
    const diskParts = splitFileParts(s.baseText);
    const fromSlug = (diskParts.mode === 'split' ? readTopLevelValue(diskParts.yaml, 'slug')?.value : undefined) ?? s.name;
    const parts = splitFileParts(s.text());
    if (parts.mode !== 'split') return this.ws.notice('This file has no front-matter to rename.');
    const prepared = joinFileParts({ ...parts, yaml: replaceTopLevelValue(parts.yaml, 'slug', fromSlug) });
    if (prepared !== s.baseText) {
      const r = await this.ws.api.saveFile({ path, text: prepared, baseHash: s.baseHash });
      if (!r.ok) return this.ws.notice(`Could not save ${path} before renaming: ${r.message}`);
      s.rebase(prepared, r.hash);
    }
    // The backend must rename what is on disk, not an unsaved copy of it.
    await this.ws.api.setBuffer({ path, text: null });
    s.backend.hasBuffer = false;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    await this.preview({ kind: 'rename', from: fromSlug, to: newSlug }, { kind: 'rename', fromPath: path, toPath: `${dir}${newSlug}.md` });
  }

  /** Renames the pattern to the slug its front-matter holds right now (what the slug bar offers). */
  async renameToTypedSlug(path: string): Promise<void> {
    const yaml = this.ws.sessions.get(path)?.yamlModel?.getValue();
    const slug = yaml === undefined ? undefined : readTopLevelValue(yaml, 'slug')?.value;
    if (slug) await this.renameTo(path, slug);
  }

  private async preview(edit: VaultEditRequest, purpose: PendingEdit['purpose']): Promise<void> {
    let preview: EditPreview;
    useEditorStore.getState().set({ busy: 'Preparing the preview…' });
    try {
      preview = await this.ws.api.previewEdit({ edit });
    } catch (err) {
      this.ws.notice(`The edit was refused: ${(err as Error).message}`);
      return;
    } finally {
      useEditorStore.getState().set({ busy: undefined });
    }
    useEditorStore.getState().set({ pendingEdit: { preview, purpose } });
  }

  async applyPending(): Promise<void> {
    const pending = useEditorStore.getState().pendingEdit;
    if (!pending) return;
    useEditorStore.getState().set({ pendingEdit: undefined, busy: `Applying: ${pending.preview.title}…` });
    const purpose = pending.purpose;
    if (purpose.kind === 'rename') this.ws.sync.renaming.add(purpose.fromPath);
    try {
      const result = await this.ws.api.applyEdit({ previewId: pending.preview.id });
      if (!result.ok) {
        this.ws.notice(`${pending.preview.title}: ${result.message}`);
        return;
      }
      useEditorStore.getState().set({ lastVaultEdit: result.title });
      if (purpose.kind === 'rename') {
        // The file moved: its tab follows it (the old one's unsaved slug edit is now on disk).
        this.ws.close(purpose.fromPath, { force: true });
        await this.ws.open(purpose.toPath);
        useTrellis.getState().select(purpose.toPath);
      }
    } catch (err) {
      this.ws.notice(`${pending.preview.title} failed: ${(err as Error).message}`);
    } finally {
      if (purpose.kind === 'rename') this.ws.sync.renaming.delete(purpose.fromPath);
      useEditorStore.getState().set({ busy: undefined });
    }
  }

  cancelPending(): void {
    const pending = useEditorStore.getState().pendingEdit;
    useEditorStore.getState().set({ pendingEdit: undefined });
    // A cancelled rename leaves the slug edit unsaved in the editor: the backend should see it again.
    if (pending?.purpose.kind === 'rename') {
      const s = this.ws.sessions.get(pending.purpose.fromPath);
      if (s) void this.ws.live.syncBackend(s);
    }
  }

  async undo(redo = false): Promise<void> {
    const r = await (redo ? this.ws.api.redo({}) : this.ws.api.undo({}));
    this.ws.notice(r.message.charAt(0).toUpperCase() + r.message.slice(1));
    if (r.ok) useEditorStore.getState().set({ lastVaultEdit: redo ? r.message.replace(/^redid '(.*)'$/, '$1') : undefined });
  }
}
