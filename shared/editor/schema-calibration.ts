/**
 * The validation worker checks with the vault's schema once the backend has
 * handed it out (`getSchema`); until then, with the template's, and the two
 * may differ (`.trellis/schema.yaml` may turn rules off, change severities or
 * extend vocabularies). A safety net: whenever both have judged the same
 * text, the differences are learnt: a finding of the
 * worker's that the backend does not report is not shown again, and a rule
 * takes the backend's severity. Until the backend has seen a new kind of
 * finding, the worker's is shown; it never hides what the backend reports.
 */
import type { Diagnostic, Severity } from '../validation/diagnostic';
import { isVaultRule } from './diagnostic-markers';

const keyOf = (d: Diagnostic) => `${d.rule}\u0000${d.message}`;

export class SchemaCalibration {
  private readonly unconfirmed = new Set<string>();
  private readonly severity = new Map<string, Severity>();

  /** Both sets of findings describe the same text. */
  learn(local: readonly Diagnostic[], remote: readonly Diagnostic[]): void {
    const reported = new Set(remote.map(keyOf));
    for (const d of remote) this.severity.set(d.rule, d.severity);
    for (const d of local) {
      if (isVaultRule(d.rule)) continue;
      const k = keyOf(d);
      if (reported.has(k)) this.unconfirmed.delete(k);
      else this.unconfirmed.add(k);
    }
  }

  /** The worker's findings as the vault's schema would have them. */
  apply(local: readonly Diagnostic[]): Diagnostic[] {
    if (this.unconfirmed.size === 0 && this.severity.size === 0) return local.slice();
    const out: Diagnostic[] = [];
    for (const d of local) {
      if (this.unconfirmed.has(keyOf(d))) continue;
      const severity = this.severity.get(d.rule);
      out.push(severity && severity !== d.severity ? { ...d, severity } : d);
    }
    return out;
  }
}
