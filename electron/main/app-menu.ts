/**
 * The native menu as a template: vault actions call back into main, editing
 * and view commands go to the UI as shell commands (the UI knows whether
 * Undo means the text editor or the last vault edit). Pure data, so tested
 * without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { ShellCommand } from '../../shared/api/transport-shell';

export interface MenuActions {
  openVault(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  command(command: ShellCommand): void;
}

export interface MenuContext {
  recentVaults: readonly string[];
  platform: NodeJS.Platform;
  /** Developer tools only outside a packaged build. */
  devTools: boolean;
}

export function buildMenuTemplate(actions: MenuActions, context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin';
  const send = (command: ShellCommand) => () => actions.command(command);
  const recent: MenuItemConstructorOptions[] = context.recentVaults.length
    ? [
        ...context.recentVaults.map((path) => ({ label: `${basename(path)} — ${path}`, click: () => actions.openRecent(path) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Vaults', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Vault…', accelerator: 'CmdOrCtrl+O', click: () => actions.openVault() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle Sidebar', accelerator: 'CmdOrCtrl+B', click: send('toggle-sidebar') },
        { label: 'Toggle Graph', accelerator: 'CmdOrCtrl+Shift+G', click: send('toggle-graph') },
        { label: 'Toggle Problems', accelerator: 'CmdOrCtrl+Shift+M', click: send('toggle-problems') },
        { type: 'separator' },
        { role: 'reload' },
        ...(context.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return template;
}
