/**
 * What the desktop app remembers between runs (`userData/state.json`): the
 * last vault, recent vaults and the window's bounds. A missing or corrupt
 * file means defaults, never a failed start.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface AppState {
  lastVault?: string;
  recentVaults: string[];
  window?: WindowBounds;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MAX_RECENT = 10;
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820, maximized: false };
const MIN_SIZE = 400;
const MAX_SIZE = 16_384;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 4096 && !v.includes('\0');
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1_000_000;

function parseBounds(v: unknown): WindowBounds | undefined {
  if (!isRecord(v) || !isInt(v.width) || !isInt(v.height)) return undefined;
  const clamp = (n: number) => Math.min(MAX_SIZE, Math.max(MIN_SIZE, n));
  const bounds: WindowBounds = { width: clamp(v.width), height: clamp(v.height), maximized: v.maximized === true };
  if (isInt(v.x) && isInt(v.y)) {
    bounds.x = v.x;
    bounds.y = v.y;
  }
  return bounds;
}

/** Reads whatever is in the file, keeping what is well-formed and dropping the rest. */
export function parseAppState(text: string | undefined): AppState {
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isRecord(data)) return { recentVaults: [] };
  const state: AppState = { recentVaults: Array.isArray(data.recentVaults) ? [...new Set(data.recentVaults.filter(isPath))].slice(0, MAX_RECENT) : [] };
  if (isPath(data.lastVault)) state.lastVault = data.lastVault;
  const bounds = parseBounds(data.window);
  if (bounds) state.window = bounds;
  return state;
}

export function withVaultOpened(state: AppState, path: string): AppState {
  return { ...state, lastVault: path, recentVaults: [path, ...state.recentVaults.filter((p) => p !== path)].slice(0, MAX_RECENT) };
}

export function withoutVault(state: AppState, path: string): AppState {
  const next: AppState = { ...state, recentVaults: state.recentVaults.filter((p) => p !== path) };
  if (next.lastVault === path) delete next.lastVault;
  return next;
}

export function withWindowBounds(state: AppState, window: WindowBounds): AppState {
  return { ...state, window };
}

/**
 * Saved bounds only if most of the window would land on a screen (a monitor
 * may have been unplugged since); otherwise the size alone, centred by the OS.
 */
export function placeWindow(saved: WindowBounds | undefined, workAreas: readonly Rect[]): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  if (saved.x === undefined || saved.y === undefined) return saved;
  const { x, y, width, height } = saved as Required<WindowBounds>;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + height, a.y + a.height) - Math.max(y, a.y);
    return w > 0 && h > 0 && w * h >= 0.5 * width * height;
  });
  return visible ? saved : { width, height, maximized: saved.maximized };
}

export async function loadAppState(file: string): Promise<AppState> {
  try {
    return parseAppState(await readFile(file, 'utf8'));
  } catch {
    return parseAppState(undefined);
  }
}

/** Write-then-rename, so a crash mid-write leaves the old file rather than half a new one. */
export async function saveAppState(file: string, state: AppState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  await rename(tmp, file);
}
