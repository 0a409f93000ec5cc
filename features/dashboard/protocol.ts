/** Messages of the dashboard (学习档案): the learner's own records, read by the background. */
import type { AssessmentRecord } from '../exam/records';
import type { ProfileRecord } from '../profile/records';
import type { ActivityRecord } from '../progress/records';
import type { QuizResultRecord } from '../quiz/records';
import type { TipAcknowledgementRecord } from '../rules/records';
import type { SurveyAnswerRecord } from '../survey/records';
import type { TourEventRecord, TourProgressRecord } from '../tour/records';
import type { VisitedPage } from './data';

/** The records the dashboard's figures are computed from (features/dashboard/data.ts). */
export interface DashboardRecords {
  profile: ProfileRecord | null;
  progress: TourProgressRecord[];
  /** Only the `finished` and `abandoned` events, and only what the figures read of them. */
  runEvents: Pick<TourEventRecord, 'tourId' | 'kind' | 'ms'>[];
  assessments: AssessmentRecord[];
  quizzes: QuizResultRecord[];
  surveys: SurveyAnswerRecord[];
}

/** The tables below the figures: the latest rows only, and the most visited pages. */
export interface DashboardActivity {
  activity: ActivityRecord[];
  acknowledgements: TipAcknowledgementRecord[];
  topPages: VisitedPage[];
}

/** Dashboard messages (routes: features/dashboard/background/routes.ts). */
export interface DashboardMessages {
  'page:dashboardData'(): DashboardRecords;
  /** The latest `limit` activity rows and acknowledgements, newest first; the 10 most visited pages. */
  'page:dashboardActivity'(data: { limit: number }): DashboardActivity;
}
