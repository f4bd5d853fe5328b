/**
 * The vault's relationship types, from the schema the backend checks it with
 * (a vault may add types in `.trellis/schema.yaml`); the template's until the
 * backend has said.
 */
import { useTrellis } from '../store/vault-store';
import { STANDARD_TYPES } from './inbox-model';

export function useRelationshipTypes(): readonly string[] {
  return useTrellis((s) => s.schema?.relationships.types) ?? STANDARD_TYPES;
}
