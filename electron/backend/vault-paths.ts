/**
 * Confines vault-relative paths to the vault folder: lexical checks first
 * (no `..`, nothing absolute), then the real path, so that a symbolic link
 * inside the vault cannot lead a read or a write outside it.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { checkVaultPath } from '../../shared/api/check-request';

export class PathOutsideVaultError extends Error {
  override name = 'PathOutsideVault';
}

function inside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The absolute path of a vault file, or a PathOutsideVaultError. The file itself need not exist. */
export async function resolveInVault(root: string, relPath: string): Promise<string> {
  try {
    checkVaultPath(relPath);
  } catch (err) {
    throw new PathOutsideVaultError((err as Error).message);
  }
  const realRoot = await realpath(root);
  const full = resolve(realRoot, ...relPath.split('/'));
  if (!inside(realRoot, full)) throw new PathOutsideVaultError(`'${relPath}' is outside the vault`);
  // The deepest existing ancestor (or the file) must really be inside the vault.
  let probe = full;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (real !== realRoot && !inside(realRoot, real)) throw new PathOutsideVaultError(`'${relPath}' leads outside the vault through a symbolic link`);
      break;
    } catch (err) {
      if (err instanceof PathOutsideVaultError) throw err;
      const parent = dirname(probe);
      if (parent === probe) throw new PathOutsideVaultError(`'${relPath}' cannot be resolved`);
      probe = parent;
    }
  }
  return full;
}
