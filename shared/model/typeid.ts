/**
 * TypeIDs for new patterns: `pat_` + the 128 bits of a UUIDv7 in 26 lowercase
 * Crockford base32 characters (the TypeID spec). Time and randomness are
 * passed in, so this stays pure and testable.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A UUIDv7's 16 bytes: 48-bit millisecond timestamp, version 7, variant 10, random rest. */
export function uuidv7Bytes(nowMs: number, random: Uint8Array): Uint8Array {
  if (random.length < 10) throw new Error('uuidv7 needs 10 random bytes');
  const b = new Uint8Array(16);
  let t = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | ((random[0] as number) & 0x0f);
  b[7] = random[1] as number;
  b[8] = 0x80 | ((random[2] as number) & 0x3f);
  for (let i = 9; i < 16; i++) b[i] = random[i - 6] as number;
  return b;
}

/** 128 bits → 26 base32 characters (the first carries only 3 bits, so it is 0-7). */
export function encodeTypeIdSuffix(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 26; i++) {
    out = (ALPHABET[Number(value & 31n)] as string) + out;
    value >>= 5n;
  }
  return out;
}

export function newPatternId(nowMs: number, random: Uint8Array): string {
  return `pat_${encodeTypeIdSuffix(uuidv7Bytes(nowMs, random))}`;
}

/** A slug from a title: lowercase ASCII words joined by hyphens. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
