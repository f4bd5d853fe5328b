/**
 * A compact form of file analyses for the index cache. Spans are the bulk of
 * an analysis (over 100,000 of them in a large vault); as objects they make
 * (de)serialisation slow, so they travel as six numbers each in one typed
 * array, and the objects that held them keep only an index into it.
 */
import type { FileAnalysis } from '../../shared/validation/analyze-file';
import type { Span } from '../../shared/validation/diagnostic';
import type { PatternFacts } from '../../shared/model/pattern-facts';

export interface PackedAnalyses {
  analyses: unknown[];
  spans: Int32Array;
}

type SpanHolder = Record<string, unknown>;

const FACT_SPANS = ['idSpan', 'slugSpan', 'titleSpan', 'headSpan'] as const;
const LINK_SPANS = ['span', 'targetSpan', 'typeSpan'] as const;

function visitSpans(a: FileAnalysis, visit: (holder: SpanHolder, key: string) => void): void {
  const f = a.facts as unknown as SpanHolder & PatternFacts;
  for (const k of FACT_SPANS) if (f[k] !== undefined) visit(f, k);
  for (const list of [f.curated, f.inferred, f.legacyLinks] as unknown as SpanHolder[][]) {
    for (const l of list) for (const k of LINK_SPANS) if (l[k] !== undefined) visit(l, k);
  }
  for (const d of a.diagnostics as unknown as SpanHolder[]) visit(d, 'span');
}

/** Packs in place-free fashion: the input is cloned shallowly where spans are replaced. */
export function packAnalyses(analyses: readonly FileAnalysis[]): PackedAnalyses {
  const numbers: number[] = [];
  const out = analyses.map((a) => {
    const copy = structuredCloneShallow(a);
    visitSpans(copy, (holder, key) => {
      const s = holder[key] as Span;
      holder[key] = numbers.length / 6;
      numbers.push(s.start, s.end, s.line, s.column, s.endLine, s.endColumn);
    });
    return copy;
  });
  return { analyses: out, spans: Int32Array.from(numbers) };
}

export function unpackAnalyses(packed: PackedAnalyses): FileAnalysis[] {
  const n = packed.spans;
  return (packed.analyses as FileAnalysis[]).map((a) => {
    visitSpans(a, (holder, key) => {
      const i = (holder[key] as number) * 6;
      if (!Number.isInteger(i) || i < 0 || i + 6 > n.length) throw new Error('span index out of range');
      holder[key] = { start: n[i], end: n[i + 1], line: n[i + 2], column: n[i + 3], endLine: n[i + 4], endColumn: n[i + 5] } as Span;
    });
    return a;
  });
}

/** Copies the containers that hold spans, so packing never mutates the live index. */
function structuredCloneShallow(a: FileAnalysis): FileAnalysis {
  const f = a.facts;
  return {
    facts: {
      ...f,
      curated: f.curated.map((l) => ({ ...l })),
      inferred: f.inferred.map((l) => ({ ...l })),
      legacyLinks: f.legacyLinks.map((l) => ({ ...l })),
    },
    diagnostics: a.diagnostics.map((d) => ({ ...d })),
  };
}
