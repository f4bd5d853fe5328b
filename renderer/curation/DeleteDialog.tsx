import { useEffect, useState } from 'react';
import { useTrellis } from '../store/vault-store';
import { useEditFlow } from './use-edit-flow';
import { EditPreviewView } from './EditPreviewView';
import { FlowStatusLine } from './FlowStatusLine';
import { FlowActions } from './FlowActions';
import { PatternPicker } from './PatternPicker';

/**
 * Delete a pattern. The preview comes first and lists the files that
 * reference it; the curator then chooses to remove those references or to
 * leave them as ghosts (links to a missing pattern, flagged by validation).
 */
export function DeleteDialog({ path: initialPath }: { path: string | undefined }) {
  const select = useTrellis((s) => s.select);
  const flow = useEditFlow();
  const { run } = flow;
  const [path, setPath] = useState(initialPath ?? '');
  const [removeReferences, setRemoveReferences] = useState(false);

  // The references are what a curator needs to see before anything else: preview as soon as a pattern is chosen.
  useEffect(() => {
    if (path) void run({ kind: 'delete', path, removeReferences });
  }, [path, removeReferences, run]);

  const apply = async () => {
    if ((await flow.apply()) && useTrellis.getState().selectedPath === path) select(undefined);
  };

  return (
    <div className="lifecycle-dialog" role="dialog" aria-label="Delete pattern" data-testid="delete-dialog">
      <h3>Delete a pattern</h3>
      <PatternPicker value={path} onChange={setPath} testId="delete-path" />
      <fieldset className="field" style={{ border: 0, padding: 0 }}>
        <legend>References to it in other patterns</legend>
        <label className="choice">
          <input type="radio" name="delete-refs" checked={!removeReferences} onChange={() => setRemoveReferences(false)} data-testid="delete-leave" />
          Leave them as ghosts (links to a missing pattern, flagged by validation)
        </label>
        <label className="choice">
          <input type="radio" name="delete-refs" checked={removeReferences} onChange={() => setRemoveReferences(true)} data-testid="delete-remove" />
          Remove them (curated relationships and inferred links)
        </label>
      </fieldset>
      <FlowActions
        flow={flow}
        onPreview={path ? () => void run({ kind: 'delete', path, removeReferences }) : undefined}
        onApply={() => void apply()}
        onUndo={() => void flow.undo()}
        applyLabel={removeReferences ? 'Delete and remove references' : 'Delete, leave ghosts'}
        testId="delete"
      />
      <FlowStatusLine flow={flow} />
      {flow.preview && <EditPreviewView preview={flow.preview} />}
    </div>
  );
}
