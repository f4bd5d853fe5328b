import { useRelationshipTypes } from './use-relationship-types';

/** The relationship type an accept files a link under, editable in place. */
export function TypeSelect({ value, onChange, label }: { value: string | undefined; onChange: (type: string) => void; label: string }) {
  const types = useRelationshipTypes();
  return (
    <select
      className="type-select"
      aria-label={label}
      data-testid="type-select"
      value={value ?? ''}
      // A click in the row selects it; the select must not steal that first click's focus dance.
      onMouseDown={(e) => e.stopPropagation()}
      onChange={(e) => onChange(e.target.value)}
    >
      {value === undefined && (
        <option value="" disabled>
          choose a type (T)
        </option>
      )}
      {types.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}
