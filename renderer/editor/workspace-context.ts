import { createContext, useContext } from 'react';
import type { EditorWorkspace } from './editor-workspace';

export const WorkspaceContext = createContext<EditorWorkspace | undefined>(undefined);

export function useWorkspace(): EditorWorkspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside the editor pane');
  return ws;
}
