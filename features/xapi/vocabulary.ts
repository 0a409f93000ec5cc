/**
 * Verbs, activity types and activity IRIs. Keep every IRI here stable: an LRS, and every report
 * built on it, identifies activities by these strings.
 *
 * Activity IRIs (base defaults to {@link DEFAULT_ACTIVITY_BASE}, configurable per deployment):
 *   <base>activities/tour/<tourId>
 *   <base>activities/tour/<tourId>/step/<stepId>
 *   <base>activities/assessment/<tourId>       practical assessment (实操考核) of a task tour
 *   <base>activities/quiz/<quizId>             written test (笔试)
 *   <base>activities/rule/<ruleId>             a rule / compliance notice the learner acknowledged
 *   <base>activities/survey/<surveyId>         a survey (满意度调查)
 *   <base>extensions/<name>                    result and context extension keys
 */
import type { XapiVerb } from './types';

export const DEFAULT_ACTIVITY_BASE = 'https://zhiyin.example/xapi/';

/** ADL verbs (http://adlnet.gov/expapi/verbs/…), and Activity Streams' acknowledge. */
export const VERBS = {
  attempted: {
    id: 'http://adlnet.gov/expapi/verbs/attempted',
    display: { 'en-US': 'attempted', 'zh-CN': '开始学习' },
  },
  completed: {
    id: 'http://adlnet.gov/expapi/verbs/completed',
    display: { 'en-US': 'completed', 'zh-CN': '完成' },
  },
  experienced: {
    id: 'http://adlnet.gov/expapi/verbs/experienced',
    display: { 'en-US': 'experienced', 'zh-CN': '学习了' },
  },
  passed: {
    id: 'http://adlnet.gov/expapi/verbs/passed',
    display: { 'en-US': 'passed', 'zh-CN': '通过' },
  },
  failed: {
    id: 'http://adlnet.gov/expapi/verbs/failed',
    display: { 'en-US': 'failed', 'zh-CN': '未通过' },
  },
  answered: {
    id: 'http://adlnet.gov/expapi/verbs/answered',
    display: { 'en-US': 'answered', 'zh-CN': '作答' },
  },
  /**
   * ADL defines no verb for acknowledging a rule. Activity Streams 1.0's `acknowledge` ("the actor
   * has acknowledged the object") is the one in common xAPI use for read-and-acknowledge.
   */
  acknowledged: {
    id: 'http://activitystrea.ms/schema/1.0/acknowledge',
    display: { 'en-US': 'acknowledged', 'zh-CN': '确认知悉' },
  },
} as const satisfies Record<string, XapiVerb>;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  tour: 'http://adlnet.gov/expapi/activities/lesson',
  step: 'http://adlnet.gov/expapi/activities/interaction',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  survey: 'http://id.tincanapi.com/activitytype/survey',
} as const;

/** Activity type of a rule: no registry type fits, so it is ours, under the activity base. */
export function ruleActivityType(base: string): string {
  return `${normalizeBase(base)}activity-types/rule`;
}

/** The base with exactly one trailing slash. */
export function normalizeBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

const segment = (id: string) => encodeURIComponent(id);

export function tourIri(base: string, tourId: string): string {
  return `${normalizeBase(base)}activities/tour/${segment(tourId)}`;
}
export function stepIri(base: string, tourId: string, stepId: string): string {
  return `${tourIri(base, tourId)}/step/${segment(stepId)}`;
}
export function assessmentIri(base: string, tourId: string): string {
  return `${normalizeBase(base)}activities/assessment/${segment(tourId)}`;
}
export function quizIri(base: string, quizId: string): string {
  return `${normalizeBase(base)}activities/quiz/${segment(quizId)}`;
}
export function ruleIri(base: string, ruleId: string): string {
  return `${normalizeBase(base)}activities/rule/${segment(ruleId)}`;
}
export function surveyIri(base: string, surveyId: string): string {
  return `${normalizeBase(base)}activities/survey/${segment(surveyId)}`;
}
export function extensionIri(base: string, name: string): string {
  return `${normalizeBase(base)}extensions/${segment(name)}`;
}
