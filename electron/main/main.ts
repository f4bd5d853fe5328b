/**
 * The Electron main process, kept thin: one sandboxed window showing the
 * renderer from trellis://app/, the vault backend behind one IPC channel, a
 * native menu, and a small remembered state. Policy lives in
 * window-security.ts, the transport in ipc-bridge.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type WebContents } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ShellCommand } from '../../shared/api/transport-shell';
import type { VaultApi } from '../../shared/api/vault-api';
import { openVaultService, type VaultService } from '../backend/vault-service';
import { buildMenuTemplate } from './app-menu';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { loadAppState, placeWindow, saveAppState, withoutVault, withVaultOpened, withWindowBounds, type AppState } from './app-state';
import { forwardServiceEvents, PageSessions, registerCallHandler, sendShellCommand } from './ipc-bridge';
import { APP_ENTRY_URL, isSafeExternalUrl, secureWebPreferences } from './window-security';

// Tests give the app a throw-away profile; must happen before anything reads userData.
if (!app.isPackaged && process.env.TRELLIS_USER_DATA_DIR) app.setPath('userData', resolve(process.env.TRELLIS_USER_DATA_DIR));
registerAppScheme(protocol);
app.enableSandbox();

const stateFile = () => join(app.getPath('userData'), 'state.json');
/** dist/electron/main.js → dist/renderer; tests may point a development build elsewhere. */
const rendererDir = () => (!app.isPackaged && process.env.TRELLIS_RENDERER_DIR ? resolve(process.env.TRELLIS_RENDERER_DIR) : join(__dirname, '..', 'renderer'));

let state: AppState = { recentVaults: [] };
let mainWindow: BrowserWindow | undefined;
/** The open vault; calls that arrive while one is opening wait for it. */
let current: Promise<VaultService | undefined> = Promise.resolve(undefined);
let stopEvents: () => void = () => undefined;
const pageSessions = new PageSessions();

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Saves one after another; quitting waits for the last. */
let saving: Promise<void> = Promise.resolve();
function persist(): void {
  const snapshot = state;
  saving = saving.then(() => saveAppState(stateFile(), snapshot)).catch((err: Error) => console.error(`Trellis: could not save ${stateFile()}: ${err.message}`));
}

function windows(): WebContents[] {
  return BrowserWindow.getAllWindows().map((w) => w.webContents);
}

function refreshMenu(): void {
  const template = buildMenuTemplate(
    {
      openVault: () => void chooseVault(),
      openRecent: (path) => void openVault(path),
      clearRecent: () => {
        state = { ...state, recentVaults: [] };
        persist();
        refreshMenu();
      },
      command: (command: ShellCommand) => {
        const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (target) sendShellCommand(target.webContents, command);
      },
    },
    { recentVaults: state.recentVaults, platform: process.platform, devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/**
 * Closes the old vault and opens another. The page reloads to show it, except
 * at start-up, when its first calls are still waiting for this very vault.
 */
async function openVault(path: string, reloadPage = true): Promise<void> {
  const root = resolve(path);
  if (!isFolder(root)) {
    state = withoutVault(state, root);
    persist();
    refreshMenu();
    await dialog.showMessageBox({ type: 'warning', message: 'That vault folder no longer exists.', detail: root });
    return;
  }
  const previous = current;
  let failure: Error | undefined;
  // `current` never rejects: a failed open leaves no vault open, and says why below.
  const opening = (async () => {
    stopEvents();
    stopEvents = () => undefined;
    await (await previous)?.dispose().catch(() => undefined);
    try {
      const service = await openVaultService(root);
      stopEvents = forwardServiceEvents(service, windows);
      return service;
    } catch (err) {
      failure = err as Error;
      return undefined;
    }
  })();
  current = opening;
  if (!(await opening)) {
    if (mainWindow && reloadPage) mainWindow.webContents.reload();
    await dialog.showMessageBox({ type: 'error', message: `Trellis could not open ${basename(root)}.`, detail: failure?.message ?? 'unknown error' });
    return;
  }
  state = withVaultOpened(state, root);
  persist();
  refreshMenu();
  if (mainWindow) {
    mainWindow.setTitle(`${basename(root)} — Trellis`);
    if (reloadPage) mainWindow.webContents.reload();
  }
}

async function chooseVault(): Promise<void> {
  const options = { title: 'Open Vault', properties: ['openDirectory' as const] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const [folder] = result.filePaths;
  if (!result.canceled && folder) await openVault(folder);
}

/** Navigation never leaves the app; http(s) links open in the system browser, anything else nowhere. */
function harden(contents: WebContents): void {
  const openOutside = (url: string) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A reload or a closed window leaves no editor buffers behind in the backend.
  const id = contents.id;
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) void pageSessions.end(id);
  });
  contents.on('destroyed', () => void pageSessions.end(id));
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const bounds = placeWindow(state.window, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'Trellis',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.js'), !app.isPackaged),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // The title names the vault; the page's own <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('close', () => {
    state = withWindowBounds(state, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    persist();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** The vault named on the command line, if any (flags and Electron's own arguments skipped). */
function vaultFromArgs(argv: readonly string[]): string | undefined {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  return args.find((a) => isFolder(a));
}

async function start(): Promise<void> {
  // Nothing the page asks for (camera, notifications, clipboard-read…) is granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  await handleAppProtocol(protocol, rendererDir());
  registerCallHandler(ipcMain, () => current as Promise<VaultApi | undefined>, pageSessions);
  state = await loadAppState(stateFile());
  refreshMenu();
  const devVault = app.isPackaged ? undefined : join(app.getAppPath(), 'vault');
  const vault = vaultFromArgs(process.argv) ?? (state.lastVault && isFolder(state.lastVault) ? state.lastVault : undefined) ?? (devVault && existsSync(devVault) ? devVault : undefined);
  // Start opening before the page loads, so its first calls wait for the vault instead of failing.
  const opening = vault ? openVault(vault, false) : undefined;
  mainWindow = createWindow();
  if (opening) await opening;
  else await chooseVault();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const vault = vaultFromArgs(argv);
    if (vault) void openVault(vault);
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Let the backend flush its cache and stop its watcher before the process ends.
    event.preventDefault();
    quitting = true;
    stopEvents();
    void current
      .then((service) => service?.dispose())
      .then(() => saving)
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: Error) => {
      dialog.showErrorBox('Trellis could not start', err.stack ?? err.message);
      app.quit();
    });
}
