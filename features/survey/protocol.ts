/** Messages of the satisfaction survey (满意度调查). */
import type { SatisfactionLevel } from '../exam/indicators';

/** A satisfaction survey to offer now (the background checked the frequency policy). */
export interface SurveyPrompt {
  subjectKind: 'tour' | 'assessment';
  subjectId: string;
  title: string;
}

export interface SurveyAnswerInput {
  subjectKind: 'tour' | 'assessment';
  subjectId: string;
  rating: SatisfactionLevel;
  comment: string;
}

/** Survey messages (routes: features/survey/background/routes.ts). */
export interface SurveyMessages {
  /** A satisfaction survey answer (overlay, end of a tour or an assessment). */
  'content:surveyAnswer'(data: SurveyAnswerInput): { saved: true };
}
