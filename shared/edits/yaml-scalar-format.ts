/**
 * Writes single scalars the way the surrounding file writes them. New values
 * copy a sibling's quoting; a plain style is kept only when the value would read
 * back as the same string, otherwise it falls back to double quotes.
 */
import { resolvePlainScalar, type ScalarStyle } from '../yaml/yaml-tree';

export type QuoteStyle = 'plain' | 'single' | 'double';
/** Flow collections (`[...]`, `{...}`) forbid more characters in plain scalars than block context. */
export type ScalarContext = 'block' | 'flow';

/** Block-scalar styles cannot be copied onto a one-line value; they read as plain. */
export function quoteStyleOf(style: ScalarStyle | undefined): QuoteStyle {
  return style === 'single' || style === 'double' ? style : 'plain';
}

const FIRST_CHAR_INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const FLOW_INDICATORS = /[,[\]{}]/;

/** True when `value` written without quotes reads back as exactly this string. Deliberately conservative. */
export function isPlainSafe(value: string, context: ScalarContext): boolean {
  if (value === '' || value.trim() !== value) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(value)) return false;
  if (FIRST_CHAR_INDICATORS.has(value.charAt(0))) return false;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (context === 'flow' && (FLOW_INDICATORS.test(value) || value.includes(':'))) return false;
  return resolvePlainScalar(value) === value;
}

export function doubleQuoted(value: string): string {
  // JSON's escapes are a subset of YAML's double-quoted escapes.
  return JSON.stringify(value);
}

export function formatString(value: string, style: QuoteStyle, context: ScalarContext): string {
  switch (style) {
    case 'double':
      return doubleQuoted(value);
    case 'single':
      // eslint-disable-next-line no-control-regex
      return /[\x00-\x1f\x7f]/.test(value) ? doubleQuoted(value) : `'${value.replace(/'/g, "''")}'`;
    case 'plain':
      return isPlainSafe(value, context) ? value : doubleQuoted(value);
  }
}

/** Weights are fractions: an integer weight is written `1.0`, as curators write it. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

