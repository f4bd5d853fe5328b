import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ViewEdge, ViewNode } from '../../shared/graph/graph-view-model';

export type MenuTarget = { node: ViewNode } | { edge: ViewEdge };

export interface MenuItem {
  label: string;
  run?: () => void;
  disabled?: boolean;
  title?: string;
  /** Items of a submenu, shown in place of this menu. */
  items?: MenuItem[];
}

export interface GraphContextMenuProps {
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
  onClose: () => void;
}

/** A keyboard-operable context menu: arrows move, Enter runs, Escape closes (or leaves a submenu). */
export function GraphContextMenu({ x, y, label, items, onClose }: GraphContextMenuProps) {
  const [stack, setStack] = useState<Array<{ label: string; items: MenuItem[] }>>([{ label, items }]);
  const ref = useRef<HTMLDivElement>(null);
  const current = stack[stack.length - 1] as { label: string; items: MenuItem[] };

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }, [current]);

  useEffect(() => {
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close, true);
    return () => window.removeEventListener('pointerdown', close, true);
  }, [onClose]);

  const choose = (item: MenuItem) => {
    if (item.items) return setStack([...stack, { label: item.label, items: item.items }]);
    onClose();
    item.run?.();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || (e.key === 'ArrowLeft' && stack.length > 1)) {
      e.preventDefault();
      if (stack.length > 1) setStack(stack.slice(0, -1));
      else onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  };

  return (
    <div ref={ref} className="graph-menu" role="menu" aria-label={current.label} style={{ left: x, top: y }} onKeyDown={onKeyDown} data-testid="graph-menu">
      <div className="graph-menu-title">{current.label}</div>
      {current.items.map((item) => (
        <button key={item.label} role="menuitem" disabled={item.disabled} title={item.title} onClick={() => choose(item)}>
          {item.label}
          {item.items ? ' ▸' : ''}
        </button>
      ))}
    </div>
  );
}
