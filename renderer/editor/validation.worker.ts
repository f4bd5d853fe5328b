/**
 * The validation worker: the open file's own rules (the same `analyzeFile` the
 * CLI and the backend run), off the UI thread. One request in, one answer out;
 * the client drops answers that a newer request has overtaken.
 */
import { analyzeFile } from '../../shared/validation/analyze-file';
import { DEFAULT_SCHEMA, type PatternSchema } from '../../shared/schema/schema';
import { backendSignature } from '../../shared/editor/backend-signature';
import type { ValidationRequest, ValidationResponse } from './validation-protocol';

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The vault's schema, as the backend checks with it; the template's until the editor sends it. */
let schema: PatternSchema = DEFAULT_SCHEMA;

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  if (event.data.kind === 'schema') {
    schema = event.data.schema;
    return;
  }
  const { id, path, text } = event.data;
  const started = performance.now();
  let response: ValidationResponse;
  try {
    const analysis = analyzeFile({ path, text, byteLength: utf8Length(text) }, schema);
    response = { id, ok: true, diagnostics: analysis.diagnostics, signature: backendSignature(analysis), ms: performance.now() - started };
  } catch (err) {
    // analyzeFile never throws by contract; if it ever does, the editor says so instead of hanging.
    response = { id, ok: false, message: String(err), ms: performance.now() - started };
  }
  self.postMessage(response);
};
