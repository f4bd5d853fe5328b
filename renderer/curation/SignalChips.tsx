import type { InboxItem } from '../../shared/curation/inbox';
import { signalChips } from './inbox-model';
import { useRelationshipTypes } from './use-relationship-types';

/** The signals that make most decisions obvious, as small coloured chips (explained on hover). */
export function SignalChips({ item, long = false }: { item: InboxItem; long?: boolean }) {
  const chips = signalChips(item, useRelationshipTypes());
  if (chips.length === 0) return null;
  return (
    <span className="signal-chips">
      {chips.map((c) => (
        <span key={c.id} className={`chip chip-${c.tone}`} data-signal={c.id} title={c.title}>
          {long ? c.title : c.label}
        </span>
      ))}
    </span>
  );
}
