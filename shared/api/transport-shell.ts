/**
 * What the desktop shell (the native menu) asks of the UI. These are not
 * backend events, so they are not in `VaultEvents`; they travel on the same
 * event channel under one extra event name, and only in Electron: in browser
 * mode the UI's own keyboard shortcuts do the same work.
 */

export const SHELL_COMMANDS = ['save', 'undo', 'redo', 'find', 'toggle-sidebar', 'toggle-graph', 'toggle-problems'] as const;

export type ShellCommand = (typeof SHELL_COMMANDS)[number];

/** The event name shell commands arrive under (an `onDidX` like the contract's events). */
export const SHELL_COMMAND_EVENT = 'onDidRequestCommand';

export interface ShellCommandPayload {
  command: ShellCommand;
}

export function isShellCommand(value: unknown): value is ShellCommand {
  return typeof value === 'string' && (SHELL_COMMANDS as readonly string[]).includes(value);
}
