/**
 * Text normalisation shared by the validators.
 *
 * Staff often type with a Chinese IME left in full-width mode, so "９１３５…" or "＋８６" must be
 * read as the ASCII characters they look like before any rule is applied.
 */

/**
 * Converts full-width ASCII variants (U+FF01–U+FF5E) to their half-width forms and the
 * ideographic space (U+3000) to a plain space. Everything else is returned unchanged.
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Trim, full-width → half-width, upper-case: the normal form for codes such as 统一社会信用代码. */
export function normalizeCode(input: string): string {
  return toHalfWidth(input).trim().toUpperCase();
}
