import { useEffect, useState } from 'react';
import type { FileContent } from '../../shared/api/vault-api';
import type { Diagnostic } from '../../shared/validation/diagnostic';
import { useTrellis } from '../store/vault-store';

const NONE: readonly Diagnostic[] = [];

/** A read-only view of the selected pattern: its findings and its text (the editor comes later). */
export function PatternDetail() {
  const api = useTrellis((s) => s.api);
  const path = useTrellis((s) => s.selectedPath);
  const own = useTrellis((s) => (s.selectedPath ? s.diagnostics.get(s.selectedPath) : undefined)) ?? NONE;
  const [content, setContent] = useState<FileContent | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setContent(undefined);
    setError(undefined);
    if (api && path) api.readFile({ path }).then((c) => live && setContent(c), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, path, own]);
  if (!path) return <section className="detail empty">Select a pattern to see its findings and text.</section>;
  return (
    <section className="detail" aria-label="Pattern" data-testid="pattern-detail">
      <h2>{path}</h2>
      {error && <div className="error">{error}</div>}
      <ul className="detail-findings">
        {own.map((d, i) => (
          <li key={i} className={`problem problem-${d.severity}`}>
            <span className={`sev sev-${d.severity}`}>{d.severity}</span> line {d.span.line}: {d.message} <span className="loc">{d.rule}</span>
          </li>
        ))}
      </ul>
      {content && <pre className="source">{content.text}</pre>}
    </section>
  );
}
