/** Messages between the editor and its validation worker. */
import type { Diagnostic } from '../../shared/validation/diagnostic';
import type { PatternSchema } from '../../shared/schema/schema';

/** A file to check, or (once per vault, before any file) the schema to check with. */
export type ValidationRequest = { kind: 'analyze'; id: number; path: string; text: string } | { kind: 'schema'; schema: PatternSchema };

export type ValidationResponse = { id: number; ok: true; diagnostics: Diagnostic[]; signature: string; ms: number } | { id: number; ok: false; message: string; ms: number };
