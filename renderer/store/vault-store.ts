/**
 * The UI's state, one zustand store built from slices (zustand docs' pattern):
 * the vault's summary, files and findings as the backend last reported them,
 * and the curator's selection. Library instances (Cytoscape, Monaco) never
 * live here; their wrapper components subscribe to what they need.
 */
import { create } from 'zustand';
import type { FileSummary, IndexProgress, VaultApi, VaultInfo } from '../../shared/api/vault-api';
import type { Diagnostic } from '../../shared/validation/diagnostic';

export interface VaultSlice {
  api: VaultApi | undefined;
  vault: VaultInfo | undefined;
  files: FileSummary[];
  diagnostics: Diagnostic[];
  progress: IndexProgress | undefined;
  connectionError: string | undefined;
  notices: string[];
  connect: (api: VaultApi) => Promise<void>;
  refresh: () => Promise<void>;
  notice: (message: string) => void;
  dismissNotice: (index: number) => void;
}

export interface SelectionSlice {
  selectedPath: string | undefined;
  select: (path: string | undefined) => void;
}

export type TrellisState = VaultSlice & SelectionSlice;

type SetState = (partial: Partial<TrellisState> | ((s: TrellisState) => Partial<TrellisState>)) => void;
type GetState = () => TrellisState;

const createVaultSlice = (set: SetState, get: GetState): VaultSlice => ({
  api: undefined,
  vault: undefined,
  files: [],
  diagnostics: [],
  progress: undefined,
  connectionError: undefined,
  notices: [],
  connect: async (api) => {
    set({ api });
    api.on('onDidIndexProgress', (progress) => set({ progress }));
    api.on('onDidChangeDiagnostics', () => void get().refresh());
    api.on('onDidReportError', ({ message }) => get().notice(message));
    await get().refresh();
  },
  refresh: async () => {
    const api = get().api;
    if (!api) return;
    try {
      const [vault, files, diagnostics] = await Promise.all([api.getVault({}), api.listFiles({}), api.getDiagnostics({})]);
      set({ vault, files, diagnostics, connectionError: undefined });
    } catch (err) {
      set({ connectionError: (err as Error).message });
    }
  },
  notice: (message) => set((s) => ({ notices: [...s.notices, message].slice(-5) })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});

const createSelectionSlice = (set: SetState): SelectionSlice => ({
  selectedPath: undefined,
  select: (path) => set({ selectedPath: path }),
});

export const useTrellis = create<TrellisState>()((set, get) => ({
  ...createVaultSlice(set, get),
  ...createSelectionSlice(set),
}));
