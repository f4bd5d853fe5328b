import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

/** A draggable divider between the two editors (side by side, or stacked when `vertical`); arrow keys move it too. */
export function Splitter({ container, value, vertical = false, onChange }: { container: RefObject<HTMLDivElement | null>; value: number; vertical?: boolean; onChange: (v: number) => void }) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.max(0.15, Math.min(0.85, v));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current || !container.current) return;
    const rect = container.current.getBoundingClientRect();
    if (vertical ? rect.height > 0 : rect.width > 0) onChange(clamp(vertical ? (e.clientY - rect.top) / rect.height : (e.clientX - rect.left) / rect.width));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === (vertical ? 'ArrowUp' : 'ArrowLeft')) onChange(clamp(value - 0.05));
    else if (e.key === (vertical ? 'ArrowDown' : 'ArrowRight')) onChange(clamp(value + 0.05));
  };
  return (
    <div
      className={`editor-splitter${vertical ? ' horizontal' : ''}`}
      role="separator"
      aria-orientation={vertical ? 'horizontal' : 'vertical'}
      aria-label="Resize the front-matter and prose editors"
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={15}
      aria-valuemax={85}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
