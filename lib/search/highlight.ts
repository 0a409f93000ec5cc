/**
 * Render-ready highlight segments. Never HTML: the UI renders `text` as text and styles `match`.
 */
import type { Token } from './text';
import { normalizeWithOrigin } from './text';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `original` into segments, marking the spans (in the *normalised* text, see
 * {@link normalizeWithOrigin}) that matched. Adjacent and overlapping spans merge.
 */
export function segmentsFromSpans(
  original: string,
  origin: readonly number[],
  spans: readonly Pick<Token, 'start' | 'end'>[],
  window?: { start: number; end: number },
): Segment[] {
  const from = window?.start ?? 0;
  const to = window?.end ?? original.length;
  const mask = new Uint8Array(original.length);
  for (const span of spans) {
    const a = origin[span.start] ?? original.length;
    const b = origin[span.end] ?? original.length;
    mask.fill(1, a, b);
  }
  const segments: Segment[] = [];
  let i = from;
  while (i < to) {
    const match = mask[i] === 1;
    let j = i + 1;
    while (j < to && (mask[j] === 1) === match) j++;
    segments.push({ text: original.slice(i, j), match });
    i = j;
  }
  return segments;
}

/** Whole text, no match: the fallback for a field that did not match. */
export function plainSegments(text: string): Segment[] {
  return text ? [{ text, match: false }] : [];
}

export { normalizeWithOrigin };
