/**
 * Percent-decoding that never throws.
 *
 * `decodeURIComponent` throws `URIError: URI malformed` on any escape that is not valid UTF-8.
 * Older Chinese systems put GBK bytes in their addresses (`/files/%D5%C5%C8%FD.html` is 张三 in
 * GBK), and hand-made links carry cut-off (`%E4%B8`) or plain broken (`%zz`) escapes. Such an
 * address once stopped the whole page from being recorded (issue 10). Every URL decoder in the
 * extension and its scripts goes through {@link safeDecode}.
 */

const HEX = /^[0-9a-fA-F]{2}$/u;

/**
 * Decodes `%XX` escapes that form valid UTF-8 (exactly like `decodeURIComponent`, `%2F` included)
 * and leaves every other escape as it was written: a GBK byte, a truncated sequence, an overlong
 * form, an encoded surrogate or `%zz` stay literally in the result. Never throws; linear time.
 *
 * @example safeDecode('%E5%BC%A0%D5%C5') // '张%D5%C5'
 */
export function safeDecode(input: string): string {
  if (!input.includes('%')) return input;
  let out = '';
  let i = 0;
  while (i < input.length) {
    if (input[i] !== '%' || !HEX.test(input.slice(i + 1, i + 3))) {
      out += input[i];
      i += 1;
      continue;
    }
    // A run of consecutive escapes: decode its bytes together (a character spans several).
    const bytes: number[] = [];
    while (input[i] === '%' && HEX.test(input.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(input.slice(i + 1, i + 3), 16));
      i += 3;
    }
    out += decodeUtf8Run(bytes);
  }
  return out;
}

/** Valid UTF-8 sequences become characters; each byte of an invalid one stays as `%XX`. */
function decodeUtf8Run(bytes: readonly number[]): string {
  let out = '';
  let k = 0;
  while (k < bytes.length) {
    const length = sequenceLength(bytes, k);
    if (length === 0) {
      out += escapeByte(bytes[k] ?? 0);
      k += 1;
      continue;
    }
    out += String.fromCodePoint(codePointAt(bytes, k, length));
    k += length;
  }
  return out;
}

function escapeByte(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Length of the valid UTF-8 sequence starting at `k`, or 0 when it is not one (RFC 3629 table:
 * no overlongs, no surrogates, nothing above U+10FFFF).
 */
function sequenceLength(bytes: readonly number[], k: number): number {
  const b0 = bytes[k] ?? 0;
  const at = (offset: number) => bytes[k + offset] ?? -1;
  const cont = (offset: number, low = 0x80, high = 0xbf) => at(offset) >= low && at(offset) <= high;
  if (b0 <= 0x7f) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function codePointAt(bytes: readonly number[], k: number, length: number): number {
  const b = (offset: number) => bytes[k + offset] ?? 0;
  if (length === 1) return b(0);
  if (length === 2) return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
  if (length === 3) return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
}
