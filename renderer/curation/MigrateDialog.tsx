import { useMemo, useState } from 'react';
import { useTrellis } from '../store/vault-store';
import { useEditFlow } from './use-edit-flow';
import { EditPreviewView } from './EditPreviewView';
import { FlowStatusLine } from './FlowStatusLine';
import { FlowActions } from './FlowActions';

/** Migrate legacy files to the v7.1 layout: one, several or all, with a preview of every file. */
export function MigrateDialog({ path }: { path: string | undefined }) {
  const files = useTrellis((s) => s.files);
  const flow = useEditFlow();
  const legacy = useMemo(() => files.filter((f) => f.generation === 'legacy'), [files]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(path && legacy.some((f) => f.path === path) ? [path] : []));
  const picked = legacy.filter((f) => chosen.has(f.path)).map((f) => f.path);

  const toggle = (p: string) => {
    const next = new Set(chosen);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setChosen(next);
    flow.cancel();
  };

  return (
    <div className="lifecycle-dialog" role="dialog" aria-label="Migrate legacy files" data-testid="migrate-dialog">
      <h3>Migrate legacy files to v7.1</h3>
      {legacy.length === 0 ? (
        <div className="hint">Every pattern in the vault is already in the v7.1 layout.</div>
      ) : (
        <>
          <div className="lifecycle-actions">
            <button className="curation-button" onClick={() => (setChosen(new Set(legacy.map((f) => f.path))), flow.cancel())} data-testid="migrate-all">
              Select all {legacy.length}
            </button>
            <button className="curation-button" onClick={() => (setChosen(new Set()), flow.cancel())}>
              Select none
            </button>
          </div>
          <div className="legacy-list">
            {legacy.map((f) => (
              <label key={f.path}>
                <input type="checkbox" checked={chosen.has(f.path)} onChange={() => toggle(f.path)} data-path={f.path} />
                {f.title ?? f.name} <span className="muted">{f.path}</span>
              </label>
            ))}
          </div>
        </>
      )}
      <FlowActions
        flow={flow}
        onPreview={picked.length ? () => void flow.run({ kind: 'migrate', paths: picked }) : undefined}
        onApply={() => void flow.apply()}
        onUndo={() => void flow.undo()}
        applyLabel={`Migrate ${flow.preview?.files.length ?? picked.length} file(s)`}
        testId="migrate"
      />
      <FlowStatusLine flow={flow} />
      {flow.preview && <EditPreviewView preview={flow.preview} />}
    </div>
  );
}
