/**
 * Graph-garden health at a glance, for the pruning dashboard: totals of
 * curated and inferred links per type, what each prune rule would remove (with
 * a sample), dangling targets, one-sided inverse pairs, and the distribution
 * of inferred-link confidence.
 */
import { inverseOf } from '../schema/schema';
import { prunedKey } from '../edits/prune-rules';
import type { VaultIndex } from '../vault/vault-index';

export interface RuleTally {
  count: number;
  /** A few examples: `source → target (type)`. */
  sample: string[];
}

export interface GardenHealth {
  curatedByType: Record<string, number>;
  inferredByType: Record<string, number>;
  curatedTotal: number;
  inferredTotal: number;
  /** Per prune rule: how many inferred links it would remove now. */
  rules: {
    'missing-target': RuleTally;
    'already-curated': RuleTally;
    'unknown-type': RuleTally;
    'self-link': RuleTally;
    'previously-pruned': RuleTally;
    'below-confidence': RuleTally;
  };
  /** Curated links whose target does not exist. */
  danglingCurated: number;
  /** Curated links (of types with an inverse) whose target does not link back. */
  oneSidedInverses: number;
  /** Inferred-link confidences in ten bins: [0, 0.1), …, [0.9, 1.0]. */
  confidenceHistogram: number[];
  /** Links without a confidence (legacy `strength` entries and the like). */
  noConfidence: number;
}

const SAMPLE = 5;

export function gardenHealth(index: VaultIndex, minConfidence = 0.7): GardenHealth {
  const schema = index.schema;
  const tally = (): RuleTally => ({ count: 0, sample: [] });
  const h: GardenHealth = {
    curatedByType: {},
    inferredByType: {},
    curatedTotal: 0,
    inferredTotal: 0,
    rules: { 'missing-target': tally(), 'already-curated': tally(), 'unknown-type': tally(), 'self-link': tally(), 'previously-pruned': tally(), 'below-confidence': tally() },
    danglingCurated: 0,
    oneSidedInverses: 0,
    confidenceHistogram: Array<number>(10).fill(0),
    noConfidence: 0,
  };
  const hit = (rule: keyof GardenHealth['rules'], what: string) => {
    const t = h.rules[rule];
    t.count++;
    if (t.sample.length < SAMPLE) t.sample.push(what);
  };
  for (const f of index.allFacts()) {
    const selfNames = new Set([f.name, f.slug]);
    const curated = new Set<string>();
    for (const c of f.curated) {
      h.curatedByType[c.type] = (h.curatedByType[c.type] ?? 0) + 1;
      h.curatedTotal++;
      curated.add(`${c.type}\u0000${c.target}`);
      const target = index.resolve(c.target)[0];
      if (!target) {
        h.danglingCurated++;
        continue;
      }
      const inverse = inverseOf(schema, c.type);
      if (inverse && target.generation === 'v7.1' && !target.curated.some((t) => t.type === inverse && selfNames.has(t.target))) h.oneSidedInverses++;
    }
    for (const l of f.inferred) {
      const type = l.type ?? '(none)';
      h.inferredByType[type] = (h.inferredByType[type] ?? 0) + 1;
      h.inferredTotal++;
      const what = `${f.name} → ${l.target} (${type})`;
      if (selfNames.has(l.target)) hit('self-link', what);
      if (!index.exists(l.target)) hit('missing-target', what);
      if (l.type === undefined || !schema.relationships.types.includes(l.type)) hit('unknown-type', what);
      if (l.type !== undefined && curated.has(`${l.type}\u0000${l.target}`)) hit('already-curated', what);
      if (index.pruned.has(prunedKey(f.name, l.target, l.type))) hit('previously-pruned', what);
      if (l.confidence === undefined) h.noConfidence++;
      else {
        if (l.confidence < minConfidence) hit('below-confidence', what);
        const bin = Math.min(9, Math.max(0, Math.floor(l.confidence * 10)));
        h.confidenceHistogram[bin] = (h.confidenceHistogram[bin] ?? 0) + 1;
      }
    }
  }
  return h;
}
