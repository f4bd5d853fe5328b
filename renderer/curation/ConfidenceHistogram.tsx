/** The distribution of inferred-link confidence in ten bins, as a small inline SVG; bins under the threshold in red. */
export function ConfidenceHistogram({ bins, threshold, noConfidence }: { bins: readonly number[]; threshold: number; noConfidence: number }) {
  const W = 300;
  const H = 110;
  const top = 14;
  const bottom = 18;
  // Real gardens sit in 0.6–1.0: start at the first bin that holds anything (or the threshold's).
  const firstFilled = bins.findIndex((n) => n > 0);
  const from = Math.max(0, Math.min(firstFilled < 0 ? 9 : firstFilled, Math.floor(threshold * 10)));
  const shown = bins.slice(from);
  const max = Math.max(1, ...shown);
  const bw = W / shown.length;
  const x = (v: number) => ((v * 10 - from) / shown.length) * W;
  return (
    <figure className="histogram" data-testid="confidence-histogram">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Confidence of inferred links">
        {shown.map((n, i) => {
          const h = ((H - top - bottom) * n) / max;
          const lo = (from + i) / 10;
          return (
            <g key={i}>
              <rect className={lo + 0.1 <= threshold + 1e-9 ? 'hist-bar below' : 'hist-bar'} x={i * bw + 2} y={H - bottom - h} width={bw - 4} height={h}>
                <title>{`${lo.toFixed(1)}–${(lo + 0.1).toFixed(1)}: ${n}`}</title>
              </rect>
              {n > 0 && (
                <text x={i * bw + bw / 2} y={H - bottom - h - 3} textAnchor="middle">
                  {n}
                </text>
              )}
              <text x={i * bw + 2} y={H - 5}>
                {lo.toFixed(1)}
              </text>
            </g>
          );
        })}
        {threshold * 10 >= from && <line className="threshold" x1={x(threshold)} x2={x(threshold)} y1={top - 6} y2={H - bottom} />}
      </svg>
      <figcaption className="muted">
        confidence of inferred links{noConfidence > 0 && ` · ${noConfidence} without one`}
      </figcaption>
    </figure>
  );
}
