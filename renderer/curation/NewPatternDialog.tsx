import { useMemo, useState } from 'react';
import { slugFromTitle } from '../../shared/model/typeid';
import { checkSlug } from '../../shared/edits/edit-validation';
import { useTrellis } from '../store/vault-store';
import { useEditFlow } from './use-edit-flow';
import { EditPreviewView } from './EditPreviewView';
import { FlowStatusLine } from './FlowStatusLine';
import { FlowActions } from './FlowActions';

/** A new pattern from the v7.1 template: the title gives the slug (editable), the backend a fresh TypeID; applied, it is opened. */
export function NewPatternDialog({ folders }: { folders: string[] }) {
  const files = useTrellis((s) => s.files);
  const select = useTrellis((s) => s.select);
  const flow = useEditFlow();
  const [title, setTitle] = useState('');
  const [slugEdited, setSlugEdited] = useState<string | undefined>();
  const [folder, setFolder] = useState('');
  const slug = slugEdited ?? slugFromTitle(title);
  const path = `${folder ? `${folder}/` : ''}${slug}.md`;
  const problem = useMemo(() => {
    if (!title.trim()) return 'Give the pattern a title.';
    const checked = checkSlug(slug);
    if (!checked.ok) return `The ${checked.reason}.`;
    if (files.some((f) => f.name === slug)) return `A pattern '${slug}' already exists.`;
    return undefined;
  }, [title, slug, files]);

  const preview = () => void flow.run({ kind: 'create', title: title.trim(), slug, ...(folder ? { folder } : {}) });
  const apply = async () => {
    const createdPath = flow.preview?.createdPath;
    if ((await flow.apply()) && createdPath) select(createdPath);
  };
  const undo = async () => {
    const created = flow.applied?.createdPath;
    if ((await flow.undo()) && created && useTrellis.getState().selectedPath === created) select(undefined);
  };

  return (
    <div className="lifecycle-dialog" role="dialog" aria-label="New pattern" data-testid="new-pattern-dialog">
      <h3>New pattern</h3>
      <label className="field">
        Title
        <input value={title} onChange={(e) => (setTitle(e.target.value), flow.cancel())} placeholder="e.g. Shared On-Call Calendar" data-testid="new-title" autoFocus />
      </label>
      <label className="field">
        Slug (the file name)
        <input value={slug} onChange={(e) => (setSlugEdited(e.target.value), flow.cancel())} data-testid="new-slug" />
        <span className="hint" data-testid="new-path">
          {slug ? `→ ${path}` : ''}
        </span>
      </label>
      <label className="field">
        Folder
        <select value={folder} onChange={(e) => (setFolder(e.target.value), flow.cancel())} data-testid="new-folder">
          <option value="">(vault root)</option>
          {folders.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      {problem && title && <div className="hint">{problem}</div>}
      <FlowActions flow={flow} onPreview={problem ? undefined : preview} onApply={() => void apply()} onUndo={() => void undo()} applyLabel="Create" testId="new" />
      <FlowStatusLine flow={flow} />
      {flow.preview && <EditPreviewView preview={flow.preview} />}
    </div>
  );
}
