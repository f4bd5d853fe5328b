import type { ViewEdge, ViewNode } from '../../shared/graph/graph-view-model';

export type HoverTarget = { edge: ViewEdge } | { node: ViewNode };

export interface GraphTooltipProps {
  target: HoverTarget;
  /** Client coordinates of the pointer. */
  x: number;
  y: number;
  /** Titles by node id, for the ends of a link. */
  labelOf: (id: string) => string;
}

function typeName(edge: ViewEdge): string {
  if (edge.category === 'other') return edge.rawType ? `${edge.rawType} (not a known type)` : 'no type';
  return edge.rawType !== edge.category ? `${edge.category} (written “${edge.rawType}”)` : edge.category;
}

/** What a link or node under the pointer is: type, weight or confidence, and an inferred link's reason. */
export function GraphTooltip({ target, x, y, labelOf }: GraphTooltipProps) {
  return (
    <div className="graph-tooltip" role="tooltip" data-testid="graph-tooltip" style={{ left: x + 14, top: y + 14 }}>
      {'edge' in target ? <EdgeTip edge={target.edge} labelOf={labelOf} /> : <NodeTip node={target.node} />}
    </div>
  );
}

function EdgeTip({ edge, labelOf }: { edge: ViewEdge; labelOf: (id: string) => string }) {
  return (
    <>
      <div className="tip-kind">
        <span className={`tip-swatch ${edge.dashed ? 'dashed' : ''}`} style={{ borderColor: edge.color }} />
        {edge.kind === 'inferred' ? 'Inferred' : edge.legacy ? 'Curated (legacy list)' : 'Curated'} · {typeName(edge)}
      </div>
      <div className="tip-ends">
        {labelOf(edge.source)} {edge.arrow ? '→' : '—'} {labelOf(edge.target)}
      </div>
      {edge.kind === 'curated' && <div>weight {edge.weight ?? 'not given'}</div>}
      {edge.kind === 'inferred' && <div>confidence {edge.confidence ?? 'not given'}</div>}
      {edge.reason && <div className="tip-reason">{edge.reason}</div>}
      {edge.kind === 'inferred' && <div className="tip-hint">Right-click to promote or prune</div>}
    </>
  );
}

function NodeTip({ node }: { node: ViewNode }) {
  return (
    <>
      <div className="tip-kind">{node.label}</div>
      <div className="tip-ends">{node.ghost ? `missing pattern: ${node.id}` : node.id}</div>
      <div>
        {node.degree} curated neighbour{node.degree === 1 ? '' : 's'}
        {node.ring ? ` · has ${node.ring === 'error' ? 'errors' : 'warnings'}` : ''}
      </div>
    </>
  );
}
