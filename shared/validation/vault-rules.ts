/**
 * Rules that need the whole vault: duplicates of identity, link targets that
 * do not exist, and inverse relationships missing on the other side.
 */
import { inverseOf } from '../schema/schema';
import type { PatternFacts } from '../model/pattern-facts';
import type { VaultIndex } from '../vault/vault-index';
import type { Diagnostic, Fix, Span } from './diagnostic';
import { ruleSetting } from './rules';
import { prunedKey } from '../edits/prune-rules';

function others(paths: string[], self: string): string {
  const rest = paths.filter((p) => p !== self).sort();
  const shown = rest.slice(0, 3).join(', ');
  return rest.length > 3 ? `${shown} and ${rest.length - 3} more` : shown;
}

export function crossFileDiagnostics(f: PatternFacts, vault: VaultIndex): Diagnostic[] {
  const schema = vault.schema;
  const out: Diagnostic[] = [];
  const report = (rule: string, span: Span, message: string, fix?: Fix) => {
    const severity = ruleSetting(schema, rule);
    if (severity === 'off') return;
    const d: Diagnostic = { path: f.path, rule, severity, message, span };
    if (fix) d.fix = fix;
    out.push(d);
  };
  if (f.id !== undefined && f.idSpan) {
    const same = vault.pathsWithId(f.id);
    if (same.length > 1) report('duplicate-id', f.idSpan, `id '${f.id}' is also used by ${others(same, f.path)}`);
  }
  if (f.slug !== undefined && f.slugSpan) {
    const same = vault.pathsWithSlug(f.slug);
    if (same.length > 1) report('duplicate-slug', f.slugSpan, `slug '${f.slug}' is also used by ${others(same, f.path)}`);
  }
  if (f.title !== undefined && f.titleSpan) {
    const same = vault.pathsWithTitle(f.title);
    if (same.length > 1) report('duplicate-title', f.titleSpan, `title '${f.title}' is also used by ${others(same, f.path)}`);
  }
  if (f.generation !== 'v7.1') return out;
  const selfNames = new Set([f.name, f.slug]);
  for (const link of f.curated) {
    if (selfNames.has(link.target)) continue;
    const targets = vault.resolve(link.target);
    if (targets.length === 0) {
      report('relationship-target-missing', link.targetSpan, `${link.type} → '${link.target}': no pattern with that slug exists in the vault`);
      continue;
    }
    const inverse = inverseOf(schema, link.type);
    const target = targets[0];
    if (!inverse || !target || target.generation !== 'v7.1') continue;
    const linksBack = target.curated.some((l) => l.type === inverse && selfNames.has(l.target));
    if (!linksBack) {
      const fix: Fix = {
        title: `Add ${inverse} → '${f.name}' to ${target.path}`,
        edit: { kind: 'add-inverse', inPath: target.path, type: inverse, slug: f.name, ...(link.weight !== undefined ? { weight: link.weight } : {}) },
      };
      report('relationship-missing-inverse', link.targetSpan, `'${link.target}' does not list '${f.name}' under ${inverse}`, fix);
    }
  }
  for (const link of f.inferred) {
    if (vault.pruned.size && vault.pruned.has(prunedKey(f.name, link.target, link.type))) {
      report('inferred-previously-pruned', link.span, `inferred link ${link.type ?? ''} → '${link.target}' was rejected before (see .trellis/pruned.yaml)`.replace('  ', ' '), {
        title: 'Prune it again',
        edit: { kind: 'remove-inferred-link', index: link.index },
      });
    }
    if (selfNames.has(link.target) || vault.exists(link.target)) continue;
    report('inferred-target-missing', link.targetSpan, `inferred link to '${link.target}': no pattern with that slug exists in the vault`, {
      title: 'Prune this inferred link',
      edit: { kind: 'remove-inferred-link', index: link.index },
    });
  }
  return out;
}
