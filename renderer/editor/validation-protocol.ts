/** Messages between the editor and its validation worker. */
import type { Diagnostic } from '../../shared/validation/diagnostic';

export interface ValidationRequest {
  id: number;
  path: string;
  text: string;
}

export type ValidationResponse = { id: number; ok: true; diagnostics: Diagnostic[]; signature: string; ms: number } | { id: number; ok: false; message: string; ms: number };
