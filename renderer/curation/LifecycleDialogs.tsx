import { useMemo, useState } from 'react';
import { useTrellis } from '../store/vault-store';
import { NewPatternDialog } from './NewPatternDialog';
import { RenameDialog } from './RenameDialog';
import { DeleteDialog } from './DeleteDialog';
import { MigrateDialog } from './MigrateDialog';
import './curation.css';

export type LifecycleAction = 'new' | 'rename' | 'delete' | 'migrate';

const ACTIONS: Array<[LifecycleAction, string]> = [
  ['new', 'New pattern…'],
  ['rename', 'Rename…'],
  ['delete', 'Delete…'],
  ['migrate', 'Migrate legacy files…'],
];

export interface LifecycleDialogsProps {
  /** The dialog to show first; none by default. */
  initial?: LifecycleAction;
  /** The pattern to act on; by default the selected one. */
  path?: string;
}

/** A pattern's lifecycle — new, rename, delete, migrate — each previewed, applied and undoable. */
export function LifecycleDialogs({ initial, path }: LifecycleDialogsProps) {
  const [open, setOpen] = useState<LifecycleAction | undefined>(initial);
  const selectedPath = useTrellis((s) => s.selectedPath);
  const files = useTrellis((s) => s.files);
  const target = path ?? selectedPath;
  const folders = useMemo(() => [...new Set(files.filter((f) => f.path.includes('/')).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))))].sort(), [files]);
  const legacyCount = useMemo(() => files.filter((f) => f.generation === 'legacy').length, [files]);
  return (
    <div className="lifecycle" data-testid="lifecycle">
      <div className="lifecycle-actions" role="toolbar" aria-label="Pattern lifecycle">
        {ACTIONS.map(([action, label]) => (
          <button key={action} className="curation-button" aria-pressed={open === action} onClick={() => setOpen(open === action ? undefined : action)} data-testid={`lifecycle-${action}`}>
            {label}
            {action === 'migrate' && legacyCount > 0 && ` (${legacyCount})`}
          </button>
        ))}
        {target && <span className="muted">acting on {target}</span>}
      </div>
      {/* A dialog takes the pattern when it opens and keeps its own choice after: applying a rename or a delete changes the selection, and the dialog must stay to offer Undo. */}
      {open === 'new' && <NewPatternDialog folders={folders} />}
      {open === 'rename' && <RenameDialog path={target} />}
      {open === 'delete' && <DeleteDialog path={target} />}
      {open === 'migrate' && <MigrateDialog path={target} />}
    </div>
  );
}
