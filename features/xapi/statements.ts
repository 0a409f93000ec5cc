/**
 * Statement builders: one function per learning event, each returning a complete statement with
 * its id and timestamp fixed at the moment the event is recorded. Store the statement as it is
 * (XapiQueue) and never rebuild it: a resend must carry identical content so the LRS recognises it
 * (same id + same content = no duplicate; same id + other content = 409 Conflict).
 *
 * Every statement:
 * - actor: `{ objectType: 'Agent', account: { homePage, name: accountName } }` (+ `name` only when
 *   the deployment chooses to send display names — personal data);
 * - context: `platform` (default "Zhiyin 指引"), `language: 'zh-CN'`, `registration` (the attempt's
 *   UUID) when given, and the tour as `contextActivities.parent` for steps and assessments;
 * - timestamp: the event time, ISO 8601 UTC;
 * - context.extensions `<base>extensions/department` and `<base>extensions/role` when the identity
 *   has them (the organisation's evaluation groups by them: features/org).
 */
import type { PracticalScore } from '../exam/scoring';
import type { WrittenScore } from '../quiz/grading';
import { isoDuration } from './duration';
import type {
  JsonValue,
  LanguageMap,
  XapiActivity,
  XapiContext,
  XapiResult,
  XapiScore,
  XapiStatement,
  XapiVerb,
} from './types';
import {
  ACTIVITY_TYPES,
  DEFAULT_ACTIVITY_BASE,
  VERBS,
  assessmentIri,
  extensionIri,
  quizIri,
  ruleActivityType,
  ruleIri,
  stepIri,
  surveyIri,
  tourIri,
} from './vocabulary';

export const DEFAULT_PLATFORM = 'Zhiyin 指引';
export const STATEMENT_LANGUAGE = 'zh-CN';

/** Who the statements are about and how activities are named in this deployment. */
export interface XapiIdentity {
  /** actor.account.homePage: the organisation's home page, from the administrator's settings. */
  homePage: string;
  /** actor.account.name: staff id, or the local profile id when no staff id is configured. */
  accountName: string;
  /** actor.name. Personal data: leave undefined unless the deployment wants names in the LRS. */
  displayName?: string;
  /** Base of every activity IRI; default {@link DEFAULT_ACTIVITY_BASE}. */
  activityBase?: string;
  /** context.platform; default {@link DEFAULT_PLATFORM}. Add the extension version if useful. */
  platform?: string;
  /**
   * The learner's department (部门), from the administrator's policy identity, never typed by the
   * learner: context extension `<base>extensions/department`. Omitted when unknown.
   */
  department?: string;
  /**
   * The learner's group of the training plan (管理人员 / 业务操作人员 / …, the profile's role):
   * context extension `<base>extensions/role`. Omitted when not chosen yet.
   */
  role?: string;
}

interface EventBase {
  /** When it happened (epoch ms). */
  at: number;
  /** UUID of the attempt (one tour run or exam), shared by its statements. */
  registration?: string;
}

export interface TourEvent extends EventBase {
  tourId: string;
  tourTitle: string;
}

export interface StatementFactory {
  /** The learner started a tour. */
  tourAttempted(event: TourEvent): XapiStatement;
  /** The learner finished a tour (`durationMs` from start to finish). */
  tourCompleted(event: TourEvent & { durationMs: number }): XapiStatement;
  /** The learner went through one step (completed it). */
  stepExperienced(
    event: TourEvent & { stepId: string; stepTitle?: string; durationMs?: number },
  ): XapiStatement;
  /** Practical assessment result: verb passed or failed, scaled score total/100. */
  practicalAssessed(event: TourEvent & { score: PracticalScore }): XapiStatement;
  /**
   * 补训 finished: `completed` of the tour with `result.extensions <base>extensions/remedial`
   * = true, the assessment as context parent and the failed attempt's id as registration (the
   * 培训管理 view counts it as remedial training done, not as a checklist completion).
   */
  remedialCompleted(event: TourEvent & { registration: string }): XapiStatement;
  /** Written test result; throws while short answers are still ungraded (no total yet). */
  writtenTestAssessed(
    event: EventBase & {
      quizId: string;
      quizTitle: string;
      score: WrittenScore;
      durationMs?: number;
    },
  ): XapiStatement;
  /** The learner acknowledged a rule (e.g. a compliance notice: 我已知悉). */
  ruleAcknowledged(event: EventBase & { ruleId: string; ruleTitle: string }): XapiStatement;
  /**
   * The learner answered a survey. `response` is the headline answer (e.g. 满意 for the
   * satisfaction question); `answers` holds every answer by question id.
   */
  surveyAnswered(
    event: EventBase & {
      surveyId: string;
      surveyTitle: string;
      response: string;
      answers?: Record<string, string | string[]>;
      /** What the survey was about (a tour, an assessment, a quiz): context parent. */
      about?: XapiActivity;
    },
  ): XapiStatement;
}

export interface StatementFactoryOptions {
  /** Statement id generator; default `crypto.randomUUID`. */
  uuid?: () => string;
}

const zh = (text: string): LanguageMap => ({ [STATEMENT_LANGUAGE]: text });

/** Scores have one decimal; dividing via integers keeps `scaled` free of float noise (0.967). */
function scoreOutOf100(total: number): XapiScore {
  return { scaled: Math.round(total * 10) / 1000, raw: total, min: 0, max: 100 };
}

export function createStatementFactory(
  identity: XapiIdentity,
  options: StatementFactoryOptions = {},
): StatementFactory {
  const base = identity.activityBase ?? DEFAULT_ACTIVITY_BASE;
  const platform = identity.platform ?? DEFAULT_PLATFORM;
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const actor: XapiStatement['actor'] = {
    objectType: 'Agent',
    ...(identity.displayName === undefined ? {} : { name: identity.displayName }),
    account: { homePage: identity.homePage, name: identity.accountName },
  };

  // Who the learner is in the organisation: the same on every statement of this factory.
  const department = identity.department?.trim();
  const role = identity.role?.trim();
  const orgExtensions: Record<string, JsonValue> | null =
    department || role
      ? {
          ...(department ? { [extensionIri(base, 'department')]: department } : {}),
          ...(role ? { [extensionIri(base, 'role')]: role } : {}),
        }
      : null;

  const tourActivity = (tourId: string, tourTitle: string): XapiActivity => ({
    objectType: 'Activity',
    id: tourIri(base, tourId),
    definition: { type: ACTIVITY_TYPES.tour, name: zh(tourTitle) },
  });

  const statement = (
    event: EventBase,
    verb: XapiVerb,
    object: XapiActivity,
    extra: { result?: XapiResult; parent?: XapiActivity } = {},
  ): XapiStatement => {
    if (!Number.isFinite(event.at)) throw new RangeError('event time must be epoch milliseconds');
    const context: XapiContext = { platform, language: STATEMENT_LANGUAGE };
    if (event.registration !== undefined) context.registration = event.registration;
    if (extra.parent) context.contextActivities = { parent: [extra.parent] };
    if (orgExtensions) context.extensions = { ...orgExtensions };
    return {
      id: uuid(),
      actor: structuredClone(actor),
      verb: structuredClone(verb),
      object,
      ...(extra.result ? { result: extra.result } : {}),
      context,
      timestamp: new Date(event.at).toISOString(),
    };
  };

  const ext = (name: string) => extensionIri(base, name);

  return {
    tourAttempted: (event) =>
      statement(event, VERBS.attempted, tourActivity(event.tourId, event.tourTitle)),

    tourCompleted: (event) =>
      statement(event, VERBS.completed, tourActivity(event.tourId, event.tourTitle), {
        result: { completion: true, duration: isoDuration(event.durationMs) },
      }),

    stepExperienced: (event) => {
      const object: XapiActivity = {
        objectType: 'Activity',
        id: stepIri(base, event.tourId, event.stepId),
        definition: {
          type: ACTIVITY_TYPES.step,
          ...(event.stepTitle === undefined ? {} : { name: zh(event.stepTitle) }),
        },
      };
      return statement(event, VERBS.experienced, object, {
        parent: tourActivity(event.tourId, event.tourTitle),
        ...(event.durationMs === undefined
          ? {}
          : { result: { duration: isoDuration(event.durationMs) } }),
      });
    },

    practicalAssessed: (event) => {
      const { score } = event;
      const object: XapiActivity = {
        objectType: 'Activity',
        id: assessmentIri(base, event.tourId),
        definition: { type: ACTIVITY_TYPES.assessment, name: zh(`实操考核：${event.tourTitle}`) },
      };
      const extensions: Record<string, JsonValue> = {
        [ext('step-score')]: score.stepScore,
        [ext('time-score')]: score.timeScore,
        [ext('accuracy-score')]: score.accuracyScore,
        [ext('remedial-steps')]: [...score.remedialStepIds],
      };
      return statement(event, score.passed ? VERBS.passed : VERBS.failed, object, {
        parent: tourActivity(event.tourId, event.tourTitle),
        result: {
          score: scoreOutOf100(score.total),
          success: score.passed,
          completion: score.finished,
          duration: isoDuration(score.elapsedMs),
          extensions,
        },
      });
    },

    remedialCompleted: (event) =>
      statement(event, VERBS.completed, tourActivity(event.tourId, event.tourTitle), {
        parent: {
          objectType: 'Activity',
          id: assessmentIri(base, event.tourId),
          definition: { type: ACTIVITY_TYPES.assessment, name: zh(`实操考核：${event.tourTitle}`) },
        },
        result: { completion: true, extensions: { [ext('remedial')]: true } },
      }),

    writtenTestAssessed: (event) => {
      const { score } = event;
      if (score.total === null || score.passed === null)
        throw new RangeError('written test is not fully graded yet (short answers pending)');
      const object: XapiActivity = {
        objectType: 'Activity',
        id: quizIri(base, event.quizId),
        definition: { type: ACTIVITY_TYPES.assessment, name: zh(`笔试：${event.quizTitle}`) },
      };
      const extensions: Record<string, JsonValue> = {};
      if (score.choiceScore !== null) extensions[ext('choice-score')] = score.choiceScore;
      if (score.shortAnswerScore !== null)
        extensions[ext('short-answer-score')] = score.shortAnswerScore;
      const result: XapiResult = {
        score: scoreOutOf100(score.total),
        success: score.passed,
        completion: true,
        extensions,
      };
      if (event.durationMs !== undefined) result.duration = isoDuration(event.durationMs);
      return statement(event, score.passed ? VERBS.passed : VERBS.failed, object, { result });
    },

    ruleAcknowledged: (event) =>
      statement(event, VERBS.acknowledged, {
        objectType: 'Activity',
        id: ruleIri(base, event.ruleId),
        definition: { type: ruleActivityType(base), name: zh(event.ruleTitle) },
      }),

    surveyAnswered: (event) => {
      const result: XapiResult = { response: event.response, completion: true };
      if (event.answers !== undefined)
        result.extensions = { [ext('survey-answers')]: structuredClone(event.answers) };
      return statement(
        event,
        VERBS.answered,
        {
          objectType: 'Activity',
          id: surveyIri(base, event.surveyId),
          definition: { type: ACTIVITY_TYPES.survey, name: zh(event.surveyTitle) },
        },
        { result, ...(event.about ? { parent: event.about } : {}) },
      );
    },
  };
}
