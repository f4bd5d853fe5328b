import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ShellCommand } from '../../shared/api/transport-shell';
import { buildMenuTemplate, type MenuActions } from './app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function setup(recentVaults: string[] = [], platform: NodeJS.Platform = 'linux', devTools = false) {
  const log: string[] = [];
  const actions: MenuActions = {
    openVault: () => log.push('open'),
    openRecent: (p) => log.push(`recent ${p}`),
    clearRecent: () => log.push('clear'),
    command: (c: ShellCommand) => log.push(`command ${c}`),
  };
  const items = flatten(buildMenuTemplate(actions, { recentVaults, platform, devTools }));
  const click = (label: string) => {
    const item = items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no menu item '${label}'`);
    (item.click as () => void)();
  };
  return { items, log, click };
}

describe('the native menu', () => {
  it('sends Save, Undo, Redo, Find and the view toggles to the page as commands', () => {
    const { click, log } = setup();
    for (const label of ['Save', 'Undo', 'Redo', 'Find', 'Toggle Sidebar', 'Toggle Graph', 'Toggle Problems']) click(label);
    expect(log).toEqual(['command save', 'command undo', 'command redo', 'command find', 'command toggle-sidebar', 'command toggle-graph', 'command toggle-problems']);
  });

  it('opens a vault, and lists recent vaults to reopen', () => {
    const { click, log, items } = setup(['/home/me/patterns']);
    click('Open Vault…');
    click('patterns — /home/me/patterns');
    click('Clear Recent');
    expect(log).toEqual(['open', 'recent /home/me/patterns', 'clear']);
    expect(items.find((i) => i.label === 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(items.some((i) => i.role === 'reload')).toBe(true);
  });

  it('shows developer tools only in development', () => {
    expect(setup([], 'linux', false).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(setup([], 'linux', true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(setup([], 'darwin').items[0]?.role).toBe('appMenu');
  });
});
