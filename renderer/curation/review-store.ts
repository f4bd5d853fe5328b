/**
 * The inferred link under review in the inbox, for the graph view to
 * highlight. A separate tiny store (not part of the vault store) so that the
 * graph depends on nothing else of the curation UI: it subscribes to
 * `reviewing` and draws that edge as focused.
 */
import { create } from 'zustand';

export interface ReviewedLink {
  /** Node id of the source: the file's name without `.md` (as in the graph model). */
  source: string;
  /** The target as the link writes it (a slug; the graph resolves it like any link target). */
  target: string;
  /** The type as written in the file; absent when the link has none. */
  type?: string;
  /** The graph model's id of this inferred edge, `i:<source>:<index>` (shared/vault/graph-model.ts). */
  edgeId: string;
  /** Vault-relative path of the source file. */
  path: string;
}

export interface ReviewState {
  reviewing: ReviewedLink | undefined;
  setReviewing: (link: ReviewedLink | undefined) => void;
}

function sameLink(a: ReviewedLink | undefined, b: ReviewedLink | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.edgeId === b.edgeId && a.target === b.target && a.type === b.type && a.path === b.path;
}

export const useReviewStore = create<ReviewState>()((set, get) => ({
  reviewing: undefined,
  // Unchanged links are not re-published: the graph re-centres on every new value.
  setReviewing: (link) => {
    if (!sameLink(get().reviewing, link)) set({ reviewing: link });
  },
}));
