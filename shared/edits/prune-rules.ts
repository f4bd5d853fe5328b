/**
 * The rules that decide which inferred links a curator would prune, and a prune
 * driven by them. Each link gets every rule it breaks; a removed link is counted
 * once, under the first selected rule in `PRUNE_RULES` order.
 */
import { DEFAULT_SCHEMA, type PatternSchema } from '../schema/schema';
import { refuse, type EditRefusal, type EditResult } from './edit-result';
import { resolveInput, type EditInput, type PatternDocument } from './pattern-document';
import { patternSlug, readCurated, readInferred, type InferredLink } from './relationship-model';
import { pruneInferredLinks, viewOf, type InferredLinkView } from './prune-inferred-links';

export const PRUNE_RULES = ['self-link', 'missing-target', 'unknown-type', 'already-curated', 'below-confidence', 'previously-pruned'] as const;
export type PruneRule = (typeof PRUNE_RULES)[number];

export function isPruneRule(name: string): name is PruneRule {
  return (PRUNE_RULES as readonly string[]).includes(name);
}

export function emptyRuleCounts(): Record<PruneRule, number> {
  return { 'self-link': 0, 'missing-target': 0, 'unknown-type': 0, 'already-curated': 0, 'below-confidence': 0, 'previously-pruned': 0 };
}

export interface ClassifyContext {
  schema?: PatternSchema;
  /** Slugs of the vault's files; without it `missing-target` only catches links with no target at all. */
  existingSlugs?: ReadonlySet<string>;
  /** Links whose confidence is below this are `below-confidence`; without it the rule never fires. */
  minConfidence?: number;
  /** Links a curator rejected before (`prunedKey(source, target, type)`); without it `previously-pruned` never fires. */
  previouslyPruned?: ReadonlySet<string>;
}

/** The identity of a rejected link in the vault's record of prunes. */
export function prunedKey(source: string, target: string, type: string | undefined): string {
  return `${source}\u0000${target}\u0000${type ?? ''}`;
}

export interface ClassifiedLink {
  link: InferredLinkView;
  rules: PruneRule[];
}

/** `type:target` keys of the curated graph, by the raw list name. */
function curatedKeys(doc: PatternDocument): Set<string> {
  const keys = new Set<string>();
  for (const list of readCurated(doc).lists) for (const e of list.entries) if (e.slug !== undefined) keys.add(`${list.type}\u0000${e.slug}`);
  return keys;
}

function rulesFor(link: InferredLink, slug: string | undefined, curated: ReadonlySet<string>, ctx: ClassifyContext, schema: PatternSchema): PruneRule[] {
  const rules: PruneRule[] = [];
  const target = link.target;
  if (target !== undefined && target === slug) rules.push('self-link');
  if (target === undefined || (ctx.existingSlugs !== undefined && !ctx.existingSlugs.has(target))) rules.push('missing-target');
  // Raw comparison on purpose: a link typed `enabler` is an unknown type, not a
  // duplicate of an `enables` entry, until a curator decides what it meant.
  if (link.type === undefined || !schema.relationships.types.includes(link.type)) rules.push('unknown-type');
  if (link.type !== undefined && target !== undefined && curated.has(`${link.type}\u0000${target}`)) rules.push('already-curated');
  if (ctx.minConfidence !== undefined && link.confidence !== undefined && link.confidence < ctx.minConfidence) rules.push('below-confidence');
  if (ctx.previouslyPruned !== undefined && slug !== undefined && target !== undefined && ctx.previouslyPruned.has(prunedKey(slug, target, link.type))) rules.push('previously-pruned');
  return rules;
}

function classifyDocument(doc: PatternDocument, ctx: ClassifyContext): ClassifiedLink[] {
  const schema = ctx.schema ?? DEFAULT_SCHEMA;
  const slug = patternSlug(doc);
  const curated = curatedKeys(doc);
  return readInferred(doc).links.map((link) => ({ link: viewOf(link), rules: rulesFor(link, slug, curated, ctx, schema) }));
}

export function classifyInferredLinks(input: EditInput, ctx: ClassifyContext = {}): { ok: true; links: ClassifiedLink[] } | EditRefusal {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  return { ok: true, links: classifyDocument(opened.doc, ctx) };
}

export interface RulePruneOptions extends ClassifyContext {
  rules: readonly PruneRule[];
  today: string;
}

export interface RuleRemoval {
  link: InferredLinkView;
  /** The rule the removal is counted under. */
  rule: PruneRule;
  /** Every selected rule the link broke. */
  matched: PruneRule[];
}

/** Classifies and prunes in one parse: the batch path for thousands of files. */
export function pruneInferredLinksByRules(
  input: EditInput,
  options: RulePruneOptions,
): EditResult<{ removed: RuleRemoval[]; removedPerRule: Record<PruneRule, number> }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const unknown = options.rules.filter((r) => !isPruneRule(r));
  if (unknown.length > 0) return refuse(`unknown prune rule(s): ${unknown.join(', ')} (known: ${PRUNE_RULES.join(', ')})`);
  const selected = new Set(options.rules);
  const removals: RuleRemoval[] = [];
  for (const c of classifyDocument(opened.doc, options)) {
    const matched = PRUNE_RULES.filter((r) => selected.has(r) && c.rules.includes(r));
    const rule = matched[0];
    if (rule) removals.push({ link: c.link, rule, matched });
  }
  const result = pruneInferredLinks(opened.doc, removals.map((r) => r.link.index), { today: options.today });
  if (!result.ok) return result;
  const removedPerRule = emptyRuleCounts();
  for (const r of removals) removedPerRule[r.rule]++;
  return { ...result, removed: removals, removedPerRule };
}
