/**
 * Automatic, transparent grading of short answers (简答题, 培训方案 七(二)1: 简答题 40 分).
 *
 * A short-answer question lists key points (要点), each with a weight and the phrasings that show
 * the learner made it. A key point counts when the answer contains one of its phrasings; a phrasing
 * may be a list of fragments that must all appear (e.g. `[5次, 30分钟]`). Answer and phrasings are
 * compared after {@link normalizeForMatching}: NFKC (full-width letters, digits and punctuation →
 * half-width, U+3000 → space), lower case, then every space, punctuation mark and symbol removed —
 * so `连续 5 次，锁定30分钟` and `连续５次锁定 30 分钟。` read the same. Chinese needs no word
 * splitting: a phrasing is found anywhere in the answer.
 *
 * The question's points × (weight of the points found ÷ weight of all points) is its score; the
 * learner sees which points were found and the model answer (参考答案). Matching is literal: it
 * cannot tell "不需要备份" from "需要备份", which is why every found point is shown with the
 * answer, for the learner and a trainer to review.
 */

/** One accepted phrasing: a text, or fragments that must all appear. */
export type KeyPointPhrasing = string | readonly string[];

export interface KeyPoint {
  id: string;
  weight: number;
  accept: readonly KeyPointPhrasing[];
}

export interface ShortAnswerGrade {
  /** Ids of the key points the answer covers, in the question's order. */
  found: string[];
  /** Ids of the key points it misses, in the question's order. */
  missing: string[];
  /** Weight of the points found. */
  covered: number;
  /** Weight of all points. */
  total: number;
  /** covered ÷ total (0 for an empty answer). */
  fraction: number;
}

const IGNORED = /[\p{P}\p{S}\p{Z}\s]+/gu;

/** Text as it is compared: NFKC, lower case, without spaces, punctuation and symbols. */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The fragments of a phrasing, normalised; empty fragments are dropped. */
export function phrasingFragments(phrasing: KeyPointPhrasing): string[] {
  const parts = typeof phrasing === 'string' ? [phrasing] : phrasing;
  return parts.map(normalizeForMatching).filter((part) => part.length > 0);
}

/** Does the (normalised) answer contain the phrasing? */
function contains(normalizedAnswer: string, phrasing: KeyPointPhrasing): boolean {
  const fragments = phrasingFragments(phrasing);
  return fragments.length > 0 && fragments.every((part) => normalizedAnswer.includes(part));
}

/** Which key points an answer covers, and the covered share of their weight. */
export function gradeShortAnswer(
  keyPoints: readonly KeyPoint[],
  answer: string | undefined,
): ShortAnswerGrade {
  const text = normalizeForMatching(answer ?? '');
  const found: string[] = [];
  const missing: string[] = [];
  let covered = 0;
  let total = 0;
  for (const point of keyPoints) {
    total += point.weight;
    if (text.length > 0 && point.accept.some((phrasing) => contains(text, phrasing))) {
      found.push(point.id);
      covered += point.weight;
    } else missing.push(point.id);
  }
  return { found, missing, covered, total, fraction: total > 0 ? covered / total : 0 };
}

/** Points earned by a short answer worth `points`, to four decimals (sections round to one). */
export function shortAnswerPoints(grade: ShortAnswerGrade, points: number): number {
  return Math.round(points * grade.fraction * 10_000) / 10_000;
}
