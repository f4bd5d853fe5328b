/**
 * What the editor pane shows, as plain data (zustand, like the app's store):
 * the open tabs with their dirty and conflict states, the active one, and the
 * pane's view settings. Monaco models and editors never live here; the
 * workspace owns them and writes their visible state into this store.
 */
import { create } from 'zustand';
import type { EditPreview } from '../../shared/api/vault-api';
import type { Conflict } from './editor-session';

export interface TabState {
  path: string;
  title: string;
  dirty: boolean;
  loading: boolean;
  error?: string;
  conflict?: Conflict;
  notice?: string;
  mode: 'split' | 'whole';
  /** Bumped when the tab's models were replaced. */
  generation: number;
  /** The slug typed in the front-matter, when it differs from the file name (offers the vault-wide rename). */
  slugEdit?: string;
}

export interface PendingEdit {
  preview: EditPreview;
  /** What applying it means for the open files. */
  purpose: { kind: 'fix' | 'other' } | { kind: 'rename'; fromPath: string; toPath: string };
}

export interface EditorSettings {
  autosave: boolean;
  /** Share of the width given to the front-matter editor. */
  split: number;
  prose: 'source' | 'preview';
  outline: boolean;
}

export interface EditorUiState {
  tabs: TabState[];
  activePath: string | undefined;
  settings: EditorSettings;
  compare: string | undefined;
  pendingEdit: PendingEdit | undefined;
  /** The last structured edit applied from the editor, which the toolbar can undo. */
  lastVaultEdit: string | undefined;
  busy: string | undefined;
  setTab(path: string, patch: Partial<TabState>): void;
  addTab(tab: TabState): void;
  removeTab(path: string): void;
  setActive(path: string | undefined): void;
  setSettings(patch: Partial<EditorSettings>): void;
  set(patch: Partial<Pick<EditorUiState, 'compare' | 'pendingEdit' | 'lastVaultEdit' | 'busy'>>): void;
}

const SETTINGS_KEY = 'trellis.editor.settings.v1';

function loadSettings(): EditorSettings {
  const defaults: EditorSettings = { autosave: false, split: 0.45, prose: 'source', outline: true };
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    if (!raw) return defaults;
    const s = JSON.parse(raw) as Partial<EditorSettings>;
    return {
      autosave: s.autosave === true,
      split: typeof s.split === 'number' && s.split > 0.1 && s.split < 0.9 ? s.split : defaults.split,
      prose: s.prose === 'preview' ? 'preview' : 'source',
      outline: s.outline !== false,
    };
  } catch {
    return defaults;
  }
}

function saveSettings(s: EditorSettings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Settings are a convenience; a full storage only loses them.
  }
}

export const useEditorStore = create<EditorUiState>()((set) => ({
  tabs: [],
  activePath: undefined,
  settings: loadSettings(),
  compare: undefined,
  pendingEdit: undefined,
  lastVaultEdit: undefined,
  busy: undefined,
  setTab: (path, patch) => set((s) => ({ tabs: s.tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)) })),
  addTab: (tab) => set((s) => ({ tabs: s.tabs.some((t) => t.path === tab.path) ? s.tabs : [...s.tabs, tab] })),
  removeTab: (path) => set((s) => ({ tabs: s.tabs.filter((t) => t.path !== path), activePath: s.activePath === path ? undefined : s.activePath })),
  setActive: (path) => set({ activePath: path }),
  setSettings: (patch) =>
    set((s) => {
      const settings = { ...s.settings, ...patch };
      saveSettings(settings);
      return { settings };
    }),
  set: (patch) => set(patch),
}));
