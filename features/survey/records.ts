/** Records of this feature, stored in the extension database (app/database.ts). */

import type { SatisfactionLevel } from '../exam/indicators';
import type { ImportedMark } from '../progress/records';

/** v2: one satisfaction survey answer (满意度). */
export interface SurveyAnswerRecord {
  id?: number;
  at: number;
  /** What was rated: a tour, a practical assessment or a quiz, by id. */
  subjectKind: 'tour' | 'assessment' | 'quiz';
  subjectId: string;
  rating: SatisfactionLevel;
  /** Free text, trimmed, at most 500 characters; personal data is the learner's choice. */
  comment: string;
  /** v3: set when the row came from a progress file (never on this machine's own rows). */
  imported?: ImportedMark;
}
