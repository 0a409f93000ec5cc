/**
 * Text comparison for locators: authors write what they see, so whitespace and the decorations
 * component libraries add must not matter.
 */

const CJK = '\\p{Script=Han}';
// Ant Design inserts a space between the two characters of a two-character Chinese button label
// (autoInsertSpace: "取消" renders as "取 消"); people read it as one word.
const SPACE_BETWEEN_HAN = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'gu');

/** Collapse whitespace, trim, and drop spaces between Chinese characters. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().replace(SPACE_BETWEEN_HAN, '');
}

/** A form label as people read it: without a trailing colon or a required-field asterisk. */
export function normalizeLabel(text: string): string {
  return normalizeText(text)
    .replace(/^[*＊]\s*/u, '')
    .replace(/\s*[:：]$/u, '')
    .trim();
}

/** Exact (default) or substring comparison of already-normalised strings. */
export function textMatches(actual: string, expected: string, exact: boolean): boolean {
  return exact ? actual === expected : actual.includes(expected);
}
