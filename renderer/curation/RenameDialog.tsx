import { useEffect, useMemo, useState } from 'react';
import { checkSlug } from '../../shared/edits/edit-validation';
import { useTrellis } from '../store/vault-store';
import { useEditFlow } from './use-edit-flow';
import { EditPreviewView } from './EditPreviewView';
import { FlowStatusLine } from './FlowStatusLine';
import { FlowActions } from './FlowActions';
import { PatternPicker } from './PatternPicker';

/** Rename a pattern: its file and slug, and every reference to it in the vault; the preview lists each file changed. */
export function RenameDialog({ path: initialPath }: { path: string | undefined }) {
  const files = useTrellis((s) => s.files);
  const select = useTrellis((s) => s.select);
  const flow = useEditFlow();
  const [path, setPath] = useState(initialPath ?? '');
  const from = files.find((f) => f.path === path)?.name;
  const [to, setTo] = useState(from ?? '');
  useEffect(() => setTo(from ?? ''), [from]);
  const problem = useMemo(() => {
    if (!from) return 'Choose a pattern.';
    if (to === from) return 'Type the new slug.';
    const checked = checkSlug(to);
    if (!checked.ok) return `The ${checked.reason}.`;
    if (files.some((f) => f.name === to)) return `A pattern '${to}' already exists.`;
    return undefined;
  }, [from, to, files]);

  // The dialog follows the pattern to its new name, and back on undo.
  const [renamedFrom, setRenamedFrom] = useState<string | undefined>();
  const apply = async () => {
    const renamed = `${path.slice(0, path.lastIndexOf('/') + 1)}${to}.md`;
    const wasSelected = useTrellis.getState().selectedPath === path;
    if (!(await flow.apply())) return;
    setRenamedFrom(path);
    setPath(renamed);
    if (wasSelected) select(renamed);
  };
  const undo = async () => {
    if (!(await flow.undo()) || !renamedFrom) return;
    if (useTrellis.getState().selectedPath === path) select(renamedFrom);
    setPath(renamedFrom);
    setRenamedFrom(undefined);
  };

  return (
    <div className="lifecycle-dialog" role="dialog" aria-label="Rename pattern" data-testid="rename-dialog">
      <h3>Rename a pattern</h3>
      <PatternPicker value={path} onChange={(p) => (setPath(p), flow.cancel())} testId="rename-from" />
      <label className="field">
        New slug
        <input value={to} onChange={(e) => (setTo(e.target.value), flow.cancel())} data-testid="rename-to" />
        {from && to && to !== from && <span className="hint">{`${path} → ${path.slice(0, path.lastIndexOf('/') + 1)}${to}.md; every link to '${from}' becomes '${to}'`}</span>}
      </label>
      {problem && to !== from && <div className="hint">{problem}</div>}
      <FlowActions
        flow={flow}
        onPreview={problem || !from ? undefined : () => void flow.run({ kind: 'rename', from, to })}
        onApply={() => void apply()}
        onUndo={() => void undo()}
        applyLabel={flow.preview ? `Rename (${flow.preview.files.length} file changes)` : 'Rename'}
        testId="rename"
      />
      <FlowStatusLine flow={flow} />
      {flow.preview && <EditPreviewView preview={flow.preview} />}
    </div>
  );
}
