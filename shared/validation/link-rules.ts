/**
 * Rules about one file's links: curated relationships and the graph garden's
 * inferred links. Rules that need other files live in vault-rules.ts.
 */
import { canonicalRelationshipType, type PatternSchema } from '../schema/schema';
import { getNode, type YMap } from '../yaml/yaml-tree';
import type { PatternFacts } from '../model/pattern-facts';
import { isValidDate } from './field-rules';
import type { Reporter } from './reporter';

const SHAPE_WORDS = {
  'slug-only': 'has no weight',
  'id-weight': 'holds the slug under `id` instead of `slug`',
  string: 'is a plain string without a weight',
  other: 'has other keys than `slug` and `weight`',
} as const;

function typeSuggestion(schema: PatternSchema, type: string): string {
  const intended = canonicalRelationshipType(schema, type);
  return intended ? ` (did you mean '${intended}'?)` : ` (expected one of: ${schema.relationships.types.join(', ')})`;
}

function isSelf(facts: PatternFacts, target: string): boolean {
  return target === facts.name || (facts.slug !== undefined && target === facts.slug);
}

export function checkRelationships(root: YMap, facts: PatternFacts, schema: PatternSchema, r: Reporter): void {
  const rels = getNode(root, 'relationships');
  if (!rels) return;
  if (rels.kind !== 'map') {
    if (!(rels.kind === 'scalar' && rels.value === null)) r.report('value-type', rels, 'relationships should be a mapping of the seven relationship types');
    return;
  }
  const types = schema.relationships.types;
  for (const pair of rels.pairs) {
    if (!types.includes(pair.keyText)) {
      r.report('relationship-unknown-type', pair.key, `relationship type '${pair.keyText}' is not in the vocabulary${typeSuggestion(schema, pair.keyText)}`);
    }
    const list = pair.value;
    if (list.kind === 'scalar' && list.value === null) continue;
    if (list.kind !== 'seq') {
      r.report('value-type', list, `relationships.${pair.keyText} should be a list of {slug, weight} entries`);
      continue;
    }
    for (const item of list.items) {
      const found = facts.curated.some((l) => l.type === pair.keyText && l.span.start === item.start);
      if (!found) r.report('relationship-entry-shape', item, `an entry of relationships.${pair.keyText} has no target slug`);
    }
  }
  const seen = new Map<string, string[]>();
  const seenExact = new Set<string>();
  for (const link of facts.curated) {
    if (link.shape !== 'slug-weight') {
      r.report('relationship-entry-shape', link.span, `the ${link.type} entry for '${link.target}' ${SHAPE_WORDS[link.shape]}; write it as {slug, weight}`);
    }
    if (link.weight !== undefined && (link.weight < 0 || link.weight > 1)) {
      r.report('weight-range', link.span, `weight ${link.weight} of ${link.type} → '${link.target}' is outside [0, 1]`);
    }
    if (isSelf(facts, link.target)) {
      r.report('relationship-self-link', link.targetSpan, `${link.type} → '${link.target}' points at this pattern itself`, {
        title: 'Remove the self-link',
        edit: { kind: 'remove-relationship', type: link.type, index: link.index },
      });
    }
    const exact = `${link.type}\u0000${link.target}`;
    if (seenExact.has(exact)) {
      r.report('relationship-duplicate', link.targetSpan, `'${link.target}' is listed twice under ${link.type}`, {
        title: 'Remove the duplicate entry',
        edit: { kind: 'remove-relationship', type: link.type, index: link.index },
      });
      continue;
    }
    seenExact.add(exact);
    const typesForTarget = seen.get(link.target);
    if (typesForTarget) {
      r.report('relationship-multiple-types', link.targetSpan, `'${link.target}' is listed under ${link.type} and also under ${typesForTarget.join(', ')}`);
      typesForTarget.push(link.type);
    } else {
      seen.set(link.target, [link.type]);
    }
  }
}

export function checkGarden(root: YMap, facts: PatternFacts, schema: PatternSchema, r: Reporter): void {
  const garden = getNode(root, 'graph_garden');
  if (!garden || garden.kind !== 'map') return;
  const lastPruned = getNode(garden, 'last_pruned');
  const list = getNode(garden, 'inferred_links');
  const hasLinks = list?.kind === 'seq' && list.items.length > 0;
  if (!lastPruned || (lastPruned.kind === 'scalar' && lastPruned.value === null)) {
    if (hasLinks) r.report('garden-last-pruned', lastPruned ?? garden, 'graph_garden has inferred links but no last_pruned date');
  } else if (lastPruned.kind !== 'scalar' || !isValidDate(String(lastPruned.value))) {
    r.report('garden-last-pruned', lastPruned, `last_pruned should be a valid date written YYYY-MM-DD`);
  }
  if (!list || list.kind !== 'seq') return;
  for (const item of list.items) {
    if (!facts.inferred.some((l) => l.span.start === item.start)) {
      r.report('value-type', item, 'an inferred link should be a mapping with target, type, confidence and reason');
    }
  }
  const curated = new Set(facts.curated.map((l) => `${l.type}\u0000${l.target}`));
  const types = schema.relationships.types;
  for (const link of facts.inferred) {
    const remove = { title: 'Prune this inferred link', edit: { kind: 'remove-inferred-link' as const, index: link.index } };
    if (link.type === undefined) {
      r.report('inferred-unknown-type', link.span, `inferred link to '${link.target}' has no type`);
    } else if (!types.includes(link.type)) {
      const intended = canonicalRelationshipType(schema, link.type);
      r.report(
        'inferred-unknown-type',
        link.typeSpan ?? link.span,
        `inferred link type '${link.type}' is not in the vocabulary${typeSuggestion(schema, link.type)}`,
        intended ? { title: `Change the type to '${intended}'`, edit: { kind: 'retype-inferred-link', index: link.index, to: intended } } : undefined,
      );
    }
    if (link.confidence === undefined) {
      const why = link.strength !== undefined ? `uses strength ${link.strength} (1–5) instead of a confidence` : 'has no confidence';
      r.report('inferred-confidence', link.span, `inferred link to '${link.target}' ${why}`);
    } else if (link.confidence < 0 || link.confidence > 1) {
      r.report('inferred-confidence', link.span, `confidence ${link.confidence} of the inferred link to '${link.target}' is outside [0, 1]`);
    }
    if (isSelf(facts, link.target)) {
      r.report('inferred-self-link', link.targetSpan, `inferred link to '${link.target}' points at this pattern itself`, remove);
    } else if (link.type !== undefined && curated.has(`${link.type}\u0000${link.target}`)) {
      r.report('inferred-already-curated', link.span, `inferred link ${link.type} → '${link.target}' is already a curated relationship`, remove);
    }
  }
}
