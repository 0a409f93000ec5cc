/**
 * The background's one place that turns learning records into xAPI statements and queues them
 * (features/xapi: statement builders, IndexedDB outbox, LRS client). Nothing else builds statements.
 *
 * How other background routes use it (entrypoints/background.ts creates one `xapi` service and
 * hands it to the route factories that need it):
 *
 *   // after the learning record is stored in Dexie (one call per record):
 *   await xapi.practicalAssessed({ tourId, attemptId, at: endedAt, score });   // 实操考核
 *   await xapi.quizScored({ quizId, quizTitle, attemptId, at, ms, score });    // 笔试 / 测验
 *   await xapi.surveyAnswered({ subjectKind, subjectId, rating, comment, at }); // 满意度
 *   await xapi.ruleAcknowledged({ ruleId, ruleTitle, at, pageUrl });           // 我已知晓
 *   await xapi.tourRecords(records, { pageUrl });                              // TourRecorder
 *   await xapi.tourRecords(examRecords, { pageUrl, registration: attemptId }); // an exam's run
 *
 * Each call builds the statement once (id and timestamp fixed now), stores it in db.xapiOutbox
 * and starts a delivery in the background without waiting for it (the call resolves once the
 * statement is queued; it never throws because the LRS is down or not configured). Without an LRS
 * in the policy the statements wait in the bounded queue and nothing is sent; once an
 * administrator configures one, everything queued is delivered, each statement exactly once.
 * Deliveries run right after queueing, from the `zhiyin:xapi-outbox` alarm (retries with backoff)
 * and when the policy changes.
 *
 * Identity (actor.account): homePage = the LRS policy's homePage, else the origin of the host
 * system the learner works in (the page of the event, else the last one seen); name = the
 * profile's staff id (工号), else a stable random local learner id kept in the profile row. The
 * display name goes into actor.name only when the policy's `sendDisplayName` allows it.
 */
import type { QuizScored } from '../../quiz/records';
import { scrubPersonalData } from '../../../lib/privacy/personal-data';
import type { XapiMessages } from '../protocol';
import type { ConnectionTest, RejectedReason, XapiStatusView } from '../protocol';
import type { SatisfactionLevel } from '../../exam/indicators';
import type { PracticalScore } from '../../exam/scoring';
import { ProfileStore } from '../../profile/background/store';
import type { ZhiyinDatabase } from '../../../app/database';
import type { TourRecord } from '../../tour/runner';
import type { Tour } from '../../tour/schema';
import { LrsClient, type LrsSendResult } from './client';
import { type StatementSender } from './queue';
import { LrsConfigSchema, type LrsConfig } from '../config';
import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import { armAlarm, deliverAndArm, type OutboxAlarms } from '../../../lib/platform/outbox';
import { XapiQueue, type FlushReport } from './queue';
import { createStatementFactory, type StatementFactory } from '../statements';
import { statementForTourRecord } from '../tour-records';
import type { OrgIdentity } from '../../org/identity';
import type { XapiActivity, XapiStatement } from '../types';
import {
  ACTIVITY_TYPES,
  DEFAULT_ACTIVITY_BASE,
  assessmentIri,
  quizIri,
  tourIri,
} from '../vocabulary';

export const XAPI_OUTBOX_ALARM = 'zhiyin:xapi-outbox';

/** The part of `browser.alarms` the service needs (the shared outbox library's interface). */
export type XapiAlarms = OutboxAlarms;

/** Where the service keeps small values between worker restarts (browser.storage.local). */
export interface XapiKeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface XapiServiceOptions {
  db: Pick<ZhiyinDatabase, 'xapiOutbox' | 'xapiDelivery' | 'profile' | 'transaction'>;
  /** The LRS settings in force (policy), or null: statements then wait, nothing is sent. */
  lrs: () => Promise<LrsConfig | null>;
  /**
   * The LRS settings to build statements with (home page, activity ids, display name), when they
   * may take longer to know than `lrs` (a slow browser start: statements are built after the
   * record is saved, so they can wait for the administrator policy). Default: `lrs`.
   */
  lrsForStatements?: () => Promise<LrsConfig | null>;
  tours: readonly Pick<Tour, 'id' | 'title' | 'steps'>[];
  alarms: XapiAlarms;
  /** Registrations of running tours and the last host origin seen. */
  store: XapiKeyValue;
  /** Origin to fall back on when no page was ever seen (e.g. the first configured host). */
  defaultHomePage: string;
  now?: () => number;
  fetch?: typeof fetch;
  uuid?: () => string;
  /** context.platform, e.g. `Zhiyin 指引 0.2.0`. */
  platform?: string;
  /** Queue bound; default 10 000 pending statements (oldest dropped beyond). */
  maxPending?: number;
  /**
   * The organisation's identity of this learner (managed policy `identity`, features/org/identity.ts):
   * account + homePage make the actor, department goes into the context. Default: none.
   */
  orgIdentity?: () => Promise<OrgIdentity | null>;
}

export const MAX_REJECTED_REASONS = 5;

export interface XapiService {
  /**
   * Tour runner records (started → attempted, step-completed → experienced, finished → completed).
   * A training run gets a registration of its own at `started`; a run that is a practical
   * assessment passes `registration` = the attempt id, so its tour statements and the
   * passed/failed statement share one registration (and the tour's own is left alone).
   */
  tourRecords(
    records: readonly TourRecord[],
    context?: { pageUrl?: string | null; registration?: string },
  ): Promise<XapiStatement[]>;
  tourAttempted(input: TourInput): Promise<XapiStatement>;
  tourCompleted(input: TourInput & { durationMs: number }): Promise<XapiStatement>;
  stepExperienced(
    input: TourInput & { stepId: string; durationMs?: number },
  ): Promise<XapiStatement>;
  /** 实操考核 scored: passed/failed with the scaled score (attemptId = registration). */
  practicalAssessed(input: {
    tourId: string;
    attemptId: string;
    at: number;
    score: PracticalScore;
    pageUrl?: string | null;
  }): Promise<XapiStatement>;
  /** 补训 (the remedial run of a failed attempt) finished: attemptId = that attempt's id. */
  remedialCompleted(input: {
    tourId: string;
    attemptId: string;
    at: number;
    pageUrl?: string | null;
  }): Promise<XapiStatement>;
  /** A written quiz scored; null (nothing queued) while short answers are still ungraded. */
  quizScored(input: QuizScored): Promise<XapiStatement | null>;
  /** A compliance tip / rule acknowledged (我已知晓). */
  ruleAcknowledged(input: {
    ruleId: string;
    ruleTitle: string;
    at: number;
    pageUrl?: string | null;
  }): Promise<XapiStatement>;
  /** A satisfaction survey answered about a tour, an assessment or a quiz. */
  surveyAnswered(input: {
    subjectKind: 'tour' | 'assessment' | 'quiz';
    subjectId: string;
    /** Title of what was rated; for tours it is looked up when omitted. */
    subjectTitle?: string;
    rating: SatisfactionLevel;
    comment?: string;
    at: number;
  }): Promise<XapiStatement>;
  /** Deliver what is due now (`force`: also while backing off) and re-arm the alarm. */
  flush(options?: { force?: boolean }): Promise<FlushReport>;
  /**
   * 重新发送被拒绝的记录: put the statements the LRS refused back in line (e.g. after the LRS or
   * its validation was fixed) and try to deliver them now; returns how many were requeued.
   */
  requeueRejected(): Promise<number>;
  status(): Promise<XapiStatusView>;
  /** Ask an LRS (not necessarily the saved one) whether it accepts these credentials. */
  testConnection(config: Pick<LrsConfig, 'endpoint' | 'auth'>): Promise<ConnectionTest>;
  /** The stable local learner id (account name when no staff id is set). */
  learnerId(): Promise<string>;
}

interface TourInput {
  tourId: string;
  at: number;
  registration?: string;
  pageUrl?: string | null;
}

const REGISTRATIONS_KEY = 'xapiRegistrations';
const HOST_ORIGIN_KEY = 'xapiHostOrigin';

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function createXapiService(options: XapiServiceOptions): XapiService {
  const now = options.now ?? Date.now;
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const tourById = new Map(options.tours.map((tour) => [tour.id, tour]));
  const { db } = options;

  /**
   * The organisation's identity (managed policy), stamped on statements as they are sent. On a
   * fresh profile Chromium answers storage.managed with nothing for the first seconds (seen in
   * tests/e2e/org-managed.spec.ts: a learner's first statements were built with the local learner
   * id and no department), so a statement built then carries the local identity; a statement not
   * sent yet was seen by nobody, and the identity known when it is sent — read with the same
   * policy that says where to send — replaces it: the account (工号), department and role.
   */
  const withOrgIdentity = async (
    statements: readonly XapiStatement[],
    lrs: LrsConfig,
  ): Promise<XapiStatement[]> => {
    const org = (await options.orgIdentity?.()) ?? null;
    if (!org?.account && !org?.department && !org?.role) return [...statements];
    const base = lrs.activityBase ?? DEFAULT_ACTIVITY_BASE;
    const fallbackHome = lrs.homePage;
    return statements.map((statement) => {
      const next = structuredClone(statement);
      if (org.account) {
        next.actor.account = {
          homePage: org.homePage ?? fallbackHome ?? next.actor.account.homePage,
          name: org.account,
        };
      }
      if (org.department || org.role) {
        next.context.extensions = {
          ...next.context.extensions,
          ...(org.department ? { [`${base}extensions/department`]: org.department } : {}),
          ...(org.role ? { [`${base}extensions/role`]: org.role } : {}),
        };
      }
      return next;
    });
  };

  const sender = async (): Promise<StatementSender | null> => {
    const lrs = await options.lrs();
    if (!lrs) return null;
    const client = new LrsClient(
      { endpoint: lrs.endpoint, auth: lrs.auth },
      options.fetch ? { fetch: options.fetch } : {},
    );
    return {
      postStatements: async (statements) =>
        client.postStatements(await withOrgIdentity(statements, lrs)),
      putStatement: async (statement) => {
        const [stamped] = await withOrgIdentity([statement], lrs);
        return client.putStatement(stamped ?? statement);
      },
    };
  };

  const queue = new XapiQueue({
    tables: { outbox: db.xapiOutbox, delivery: db.xapiDelivery },
    sender,
    ...(options.maxPending === undefined ? {} : { maxPending: options.maxPending }),
  });

  const profiles = new ProfileStore(db, Date.now, () => `zhiyin-${uuid()}`);
  const learnerId = () => profiles.learnerId();

  const homePage = async (lrs: LrsConfig | null, pageUrl?: string | null): Promise<string> => {
    if (lrs?.homePage) return lrs.homePage;
    const origin = originOf(pageUrl);
    if (origin) {
      if ((await options.store.get(HOST_ORIGIN_KEY)) !== origin)
        await options.store.set(HOST_ORIGIN_KEY, origin);
      return origin;
    }
    const remembered = await options.store.get(HOST_ORIGIN_KEY);
    return typeof remembered === 'string' ? remembered : options.defaultHomePage;
  };

  /** A factory for the learner as they are now (identity is fixed in each statement). */
  const statementsLrs = options.lrsForStatements ?? options.lrs;
  const factory = async (pageUrl?: string | null): Promise<StatementFactory> => {
    const lrs = await statementsLrs();
    const profile = await db.profile.get('me');
    const staffId = profile?.staffId?.trim();
    const org = (await options.orgIdentity?.()) ?? null;
    const name = org?.name ?? profile?.name?.trim();
    // The organisation's account (policy) wins over the staff id typed on this machine; its home
    // page defaults like everyone's (lrs.homePage, else the host system's origin).
    const orgAccount = org?.account ?? null;
    // The policy's training group wins over the one chosen on this machine.
    const role = org?.role ?? profile?.role;
    return createStatementFactory(
      {
        homePage: (orgAccount ? org?.homePage : undefined) ?? (await homePage(lrs, pageUrl)),
        accountName: orgAccount ?? (staffId ? staffId : await learnerId()),
        ...(lrs?.sendDisplayName && name ? { displayName: name } : {}),
        ...(org?.department ? { department: org.department } : {}),
        ...(role ? { role } : {}),
        ...(lrs?.activityBase ? { activityBase: lrs.activityBase } : {}),
        ...(options.platform ? { platform: options.platform } : {}),
      },
      { uuid },
    );
  };
  const activityBase = async () => (await statementsLrs())?.activityBase ?? DEFAULT_ACTIVITY_BASE;

  let running: Promise<FlushReport> | null = null;
  const run = (force: boolean): Promise<FlushReport> =>
    deliverAndArm(
      {
        deliver: () => queue.flushDue(now(), { ignoreBackoff: force }),
        nextWakeAt: async (report) => {
          if (report.outcome === 'more') return now();
          // Nothing to do until something is queued or an LRS is configured (policy watch).
          if (report.outcome === 'not-configured' || report.pending === 0) return null;
          return queue.nextWakeAt();
        },
      },
      options.alarms,
      XAPI_OUTBOX_ALARM,
    );
  const flush = (force = false): Promise<FlushReport> => {
    const next = (running ?? Promise.resolve(null)).catch(() => null).then(() => run(force));
    running = next.finally(() => {
      if (running === next) running = null;
    });
    return next;
  };
  /** Queue, then deliver in the background: the caller never waits for (or fails with) the LRS. */
  const enqueue = async (statements: XapiStatement[]): Promise<void> => {
    if (statements.length === 0) return;
    await queue.enqueue(statements, now());
    // A safety net first: should the worker stop before this delivery ends, the alarm wakes it.
    await armAlarm(options.alarms, XAPI_OUTBOX_ALARM, now() + 30_000);
    void flush().catch(() => undefined);
  };

  const registrations = async (): Promise<Record<string, string>> => {
    const value = await options.store.get(REGISTRATIONS_KEY);
    return value && typeof value === 'object' ? { ...(value as Record<string, string>) } : {};
  };

  const tourTitle = (tourId: string) => tourById.get(tourId)?.title ?? tourId;

  const one = async (build: (f: StatementFactory) => XapiStatement, pageUrl?: string | null) => {
    const statement = build(await factory(pageUrl));
    await enqueue([statement]);
    return statement;
  };

  const tourBase = (input: TourInput) => ({
    tourId: input.tourId,
    tourTitle: tourTitle(input.tourId),
    at: input.at,
    ...(input.registration === undefined ? {} : { registration: input.registration }),
  });

  return {
    async tourRecords(records, context = {}) {
      if (records.length === 0) return [];
      const f = await factory(context.pageUrl);
      const statements: XapiStatement[] = [];
      if (context.registration !== undefined) {
        // An exam's run: the attempt's registration, whatever the tour's own runs use.
        for (const record of records) {
          const tour = tourById.get(record.tourId);
          const statement = tour && statementForTourRecord(f, tour, record, context.registration);
          if (statement) statements.push(statement);
        }
        await enqueue(statements);
        return statements;
      }
      const regs = await registrations();
      for (const record of records) {
        const tour = tourById.get(record.tourId);
        if (record.kind === 'started') regs[record.tourId] = uuid();
        const registration = regs[record.tourId];
        if (record.kind === 'finished' || record.kind === 'abandoned') delete regs[record.tourId];
        if (!tour) continue;
        const statement = statementForTourRecord(f, tour, record, registration);
        if (statement) statements.push(statement);
      }
      await options.store.set(REGISTRATIONS_KEY, regs);
      await enqueue(statements);
      return statements;
    },

    tourAttempted: (input) => one((f) => f.tourAttempted(tourBase(input)), input.pageUrl),
    tourCompleted: (input) =>
      one(
        (f) => f.tourCompleted({ ...tourBase(input), durationMs: input.durationMs }),
        input.pageUrl,
      ),
    stepExperienced: (input) =>
      one((f) => {
        const step = tourById.get(input.tourId)?.steps.find((s) => s.id === input.stepId);
        return f.stepExperienced({
          ...tourBase(input),
          stepId: input.stepId,
          ...(step?.title === undefined ? {} : { stepTitle: step.title }),
          ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
        });
      }, input.pageUrl),

    practicalAssessed: (input) =>
      one(
        (f) =>
          f.practicalAssessed({
            tourId: input.tourId,
            tourTitle: tourTitle(input.tourId),
            at: input.at,
            registration: input.attemptId,
            score: input.score,
          }),
        input.pageUrl,
      ),

    remedialCompleted: (input) =>
      one(
        (f) =>
          f.remedialCompleted({
            tourId: input.tourId,
            tourTitle: tourTitle(input.tourId),
            at: input.at,
            registration: input.attemptId,
          }),
        input.pageUrl,
      ),

    async quizScored(input) {
      if (input.score.total === null || input.score.passed === null) return null;
      return one((f) =>
        f.writtenTestAssessed({
          quizId: input.quizId,
          quizTitle: input.quizTitle,
          at: input.at,
          registration: input.attemptId,
          score: input.score,
          ...(input.ms === undefined ? {} : { durationMs: input.ms }),
        }),
      );
    },

    ruleAcknowledged: (input) =>
      one(
        (f) =>
          f.ruleAcknowledged({ ruleId: input.ruleId, ruleTitle: input.ruleTitle, at: input.at }),
        input.pageUrl,
      ),

    async surveyAnswered(input) {
      const base = await activityBase();
      const title =
        input.subjectTitle ??
        (input.subjectKind === 'quiz' ? input.subjectId : tourTitle(input.subjectId));
      const about: XapiActivity =
        input.subjectKind === 'tour'
          ? {
              objectType: 'Activity',
              id: tourIri(base, input.subjectId),
              definition: { type: ACTIVITY_TYPES.tour, name: { 'zh-CN': title } },
            }
          : input.subjectKind === 'assessment'
            ? {
                objectType: 'Activity',
                id: assessmentIri(base, input.subjectId),
                definition: {
                  type: ACTIVITY_TYPES.assessment,
                  name: { 'zh-CN': `实操考核：${title}` },
                },
              }
            : {
                objectType: 'Activity',
                id: quizIri(base, input.subjectId),
                definition: {
                  type: ACTIVITY_TYPES.assessment,
                  name: { 'zh-CN': `笔试：${title}` },
                },
              };
      // Scrubbed again here: whatever calls this, nothing personal reaches the LRS.
      const comment = scrubPersonalData(input.comment?.trim() ?? '').text;
      return one((f) =>
        f.surveyAnswered({
          surveyId: 'satisfaction',
          surveyTitle: '培训满意度调查',
          response: input.rating,
          answers: { rating: input.rating, ...(comment ? { comment } : {}) },
          about,
          at: input.at,
        }),
      );
    },

    flush: (flushOptions = {}) => flush(flushOptions.force ?? false),

    async status() {
      const lrs = await options.lrs();
      const status = await queue.status();
      return {
        ...status,
        configured: lrs !== null,
        endpoint: lrs?.endpoint ?? null,
        rejectedReasons: status.rejected > 0 ? rejectedReasons(await queue.listRejected()) : [],
      };
    },

    async requeueRejected() {
      const requeued = await queue.requeueRejected();
      if (requeued > 0) await flush(true);
      return requeued;
    },

    async testConnection(config) {
      const client = new LrsClient(
        { endpoint: config.endpoint, auth: config.auth },
        { ...(options.fetch ? { fetch: options.fetch } : {}), timeoutMs: 10_000 },
      );
      return describeTest(await client.getStatements(1));
    },

    learnerId,
  };
}

/** The LRS's answers to refused statements, grouped (see {@link XapiStatusView.rejectedReasons}). */
function rejectedReasons(
  rows: readonly { lastStatus?: number | null; lastError?: string }[],
): RejectedReason[] {
  const groups = new Map<string, RejectedReason>();
  for (const row of rows) {
    const status = row.lastStatus ?? null;
    const message = readableLrsMessage(row.lastError ?? '').slice(0, 300);
    const key = `${status} ${message}`;
    const group = groups.get(key) ?? { status, message, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, MAX_REJECTED_REASONS);
}

/**
 * What an LRS said, for people: a JSON error body (Learning Locker answers
 * `{"errorId": …, "warnings": [...]}`, others `{"message": …}`) is reduced to its warnings or
 * message, so the same refusal reads (and groups) the same whatever its error id.
 */
function readableLrsMessage(raw: string): string {
  const text = raw.trim();
  const prefix = /^conflict: /.exec(text)?.[0] ?? '';
  const body = text.slice(prefix.length);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { warnings, message, error } = parsed as Record<string, unknown>;
      const parts = Array.isArray(warnings)
        ? warnings.filter((part): part is string => typeof part === 'string')
        : [];
      if (parts.length === 0 && typeof message === 'string') parts.push(message);
      if (parts.length === 0 && typeof error === 'string') parts.push(error);
      if (parts.length > 0) return `${prefix}${parts.join('；')}`;
    }
  } catch {
    // Not JSON: the text as the LRS sent it.
  }
  return text;
}

function describeTest(result: LrsSendResult): ConnectionTest {
  switch (result.kind) {
    case 'stored':
      return { ok: true, status: result.status, message: `连接成功（HTTP ${result.status}）` };
    case 'retry':
      switch (result.reason) {
        case 'auth':
          return {
            ok: false,
            status: result.status,
            message: `学习记录库拒绝了该凭据（HTTP ${result.status}），请检查密钥和密码。`,
          };
        case 'not-found':
          return {
            ok: false,
            status: result.status,
            message: '地址不对：该地址下没有 xAPI statements 接口（HTTP 404）。',
          };
        case 'network':
          return {
            ok: false,
            status: null,
            message: `无法连接学习记录库（${result.message || '网络错误'}），请检查地址和网络。`,
          };
        case 'timeout':
          return { ok: false, status: result.status, message: '学习记录库没有及时响应（超时）。' };
        default:
          return {
            ok: false,
            status: result.status,
            message: `学习记录库暂时不可用（HTTP ${result.status ?? '—'}）。`,
          };
      }
    default:
      return {
        ok: false,
        status: result.status,
        message: `学习记录库返回错误（HTTP ${result.status}）：${result.message.slice(0, 200)}`,
      };
  }
}

/** Options-page routes (extension pages only): status, 立即发送, 测试连接. */
export function createXapiRoutes(service: XapiService | undefined): RouteTable<XapiMessages> {
  const required = () => {
    if (!service) throw new MessageRefused('xAPI is not wired in this background');
    return service;
  };
  return {
    'page:xapiStatus': { from: ['extension-page'], handle: () => required().status() },
    'page:xapiFlush': {
      from: ['extension-page'],
      async handle() {
        const xapi = required();
        await xapi.flush({ force: true });
        return xapi.status();
      },
    },
    'page:xapiRequeueRejected': {
      from: ['extension-page'],
      async handle() {
        const xapi = required();
        const requeued = await xapi.requeueRejected();
        return { requeued, status: await xapi.status() };
      },
    },
    'page:xapiTest': {
      from: ['extension-page'],
      async handle(data) {
        const parsed = LrsConfigSchema.pick({ endpoint: true, auth: true }).safeParse(data);
        if (!parsed.success)
          return {
            ok: false,
            status: null,
            message: `设置不完整：${parsed.error.issues.map((issue) => issue.message).join('；')}`,
          };
        return required().testConnection(parsed.data);
      },
    },
  };
}

/**
 * The host system's origin from the content-script match patterns (the hosts this build runs
 * on): the first pattern with a concrete host, e.g. `https://oa.gov.example/*` →
 * `https://oa.gov.example`. Null when every pattern has a wildcard host.
 */
export function homePageFromMatches(patterns: readonly string[]): string | null {
  for (const pattern of patterns) {
    const match = /^(\*|https?):\/\/([^/*]+)\//.exec(pattern);
    if (!match) continue;
    const scheme = match[1] === '*' ? 'https' : match[1];
    const origin = originOf(`${scheme}://${match[2]}/`);
    if (origin) return origin;
  }
  return null;
}
