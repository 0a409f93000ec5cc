/**
 * The learning records the background stores, as events (lib/platform/record-events.ts): each
 * feature's service emits after its record is saved; xAPI (features/xapi/background/subscribe.ts)
 * subscribes. Adding a kind of record: add it here, emit it where it is stored.
 */
import type { QuizScored } from '../../features/quiz/records';
import type { PracticalScore } from '../../features/exam/scoring';
import type { TipAcknowledgementRecord } from '../../features/rules/records';
import type { SurveyAnswerRecord } from '../../features/survey/records';
import type { TourRecord } from '../../features/tour/runner';
import type { RecordEvents } from '../../lib/platform/record-events';

export interface LearningRecordEvents {
  [type: string]: unknown;
  /** Tour events stored by the tour recorder (a training run). */
  'tour-records': { records: readonly TourRecord[]; tabId: number | null };
  /** An exam run's tour events, stored with its result (one registration: the attempt). */
  'exam-records': { records: TourRecord[]; tabId: number; attemptId: string };
  /** A practical assessment (实操考核) scored and stored. */
  assessed: { tabId: number; tourId: string; attemptId: string; at: number; score: PracticalScore };
  /** A remedial run (补训) of a failed practical attempt finished and stored. */
  'remedial-completed': { tabId: number; tourId: string; attemptId: string; at: number };
  /** A written quiz scored and stored. */
  'quiz-scored': QuizScored;
  /** A compliance tip acknowledged (我已知晓) and stored. */
  'tip-acknowledged': { record: TipAcknowledgementRecord; tipTitle: string };
  /** A satisfaction survey answer stored. */
  'survey-answered': SurveyAnswerRecord & { id: number };
}

export type LearningRecords = RecordEvents<LearningRecordEvents>;
