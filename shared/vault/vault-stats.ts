/**
 * Figures about a vault's graph, for `trellis validate --stats` and the
 * garden-health view.
 */
import type { VaultIndex } from './vault-index';

export interface VaultStats {
  files: number;
  generations: Record<string, number>;
  unparsed: number;
  curatedByType: Record<string, number>;
  inferredByType: Record<string, number>;
  curatedTotal: number;
  inferredTotal: number;
  inferredAlreadyCurated: number;
  danglingCurated: number;
  danglingInferred: number;
  /** Distinct targets that do not exist (ghost nodes). */
  ghostTargets: number;
  /** Files with no curated or inferred link in or out. */
  orphans: number;
  findings: { error: number; warning: number; info: number };
}

export function vaultStats(index: VaultIndex): VaultStats {
  const s: VaultStats = {
    files: index.size,
    generations: {},
    unparsed: 0,
    curatedByType: {},
    inferredByType: {},
    curatedTotal: 0,
    inferredTotal: 0,
    inferredAlreadyCurated: 0,
    danglingCurated: 0,
    danglingInferred: 0,
    ghostTargets: 0,
    orphans: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  const ghosts = new Set<string>();
  const linked = new Set<string>();
  for (const f of index.allFacts()) {
    s.generations[f.generation] = (s.generations[f.generation] ?? 0) + 1;
    if (!f.parsed) s.unparsed++;
    const curated = new Set<string>();
    for (const l of f.curated) {
      s.curatedByType[l.type] = (s.curatedByType[l.type] ?? 0) + 1;
      s.curatedTotal++;
      curated.add(`${l.type}\u0000${l.target}`);
      linked.add(f.name);
      if (index.exists(l.target)) linked.add(l.target);
      else {
        s.danglingCurated++;
        ghosts.add(l.target);
      }
    }
    for (const l of f.inferred) {
      const type = l.type ?? '(none)';
      s.inferredByType[type] = (s.inferredByType[type] ?? 0) + 1;
      s.inferredTotal++;
      if (curated.has(`${l.type}\u0000${l.target}`)) s.inferredAlreadyCurated++;
      linked.add(f.name);
      if (index.exists(l.target)) linked.add(l.target);
      else {
        s.danglingInferred++;
        ghosts.add(l.target);
      }
    }
  }
  s.ghostTargets = ghosts.size;
  s.orphans = index.allFacts().filter((f) => !linked.has(f.name)).length;
  for (const d of index.allDiagnostics()) s.findings[d.severity]++;
  return s;
}
