import { useTrellis } from '../store/vault-store';

/** Which pattern a lifecycle action works on (the open one by default). */
export function PatternPicker({ value, onChange, testId, filter }: { value: string; onChange: (path: string) => void; testId: string; filter?: (generation: string) => boolean }) {
  const files = useTrellis((s) => s.files);
  // Just deleted or renamed: still shown as what the dialog acted on.
  const gone = value !== '' && !files.some((f) => f.path === value);
  return (
    <label className="field">
      Pattern
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="" disabled>
          choose a pattern…
        </option>
        {gone && (
          <option value={value} disabled>
            {value} (no longer in the vault)
          </option>
        )}
        {files
          .filter((f) => !filter || filter(f.generation))
          .map((f) => (
            <option key={f.path} value={f.path}>
              {f.title ? `${f.title} (${f.path})` : f.path}
            </option>
          ))}
      </select>
    </label>
  );
}
