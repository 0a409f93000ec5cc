import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePracticalAssessment } from '../../../features/exam/scoring';
import { AssessmentService } from '../../../features/exam/background/service';
import { SurveyService } from '../../../features/survey/background/service';
import {
  XAPI_OUTBOX_ALARM,
  createXapiRoutes,
  createXapiService,
  homePageFromMatches,
  type XapiService,
  type XapiServiceOptions,
} from '../../../features/xapi/background/service';
import { ZhiyinDatabase } from '../../../app/database';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import type { RuleSet } from '../../../features/rules/schema';
import type { TourRecord } from '../../../features/tour/runner';
import { TourSchema } from '../../../features/tour/schema';
import type { LrsConfig } from '../../../features/xapi/config';
import type { XapiStatement } from '../../../features/xapi/types';
import { xapiProblems } from './validate';
import { DEFAULT_ACTIVITY_BASE, tourIri } from '../../../features/xapi/vocabulary';

const T0 = Date.UTC(2026, 2, 3, 1, 0, 0);
const ENDPOINT = 'https://lrs.example.gov.cn/xAPI/';
const LRS: LrsConfig = {
  endpoint: ENDPOINT,
  auth: { kind: 'basic', key: 'k', secret: 's' },
  sendDisplayName: false,
};

const TOUR = {
  id: 'gongwen-new-document',
  title: '新建公文并提交审核',
  steps: [
    { id: 'open-form', title: '打开新建表单' },
    { id: 'submit', title: '提交审核' },
  ],
} as unknown as XapiServiceOptions['tours'][number];

/** A fake LRS behind `fetch`: stores POSTed statements by id, or is down. */
class FakeLrsFetch {
  readonly stored = new Map<string, XapiStatement>();
  readonly posts: number[] = [];
  down = false;
  status = 200;
  readonly fetch: typeof fetch = async (input, init) => {
    if (this.down) throw new TypeError('fetch failed');
    const url = String(input);
    if (init?.method === 'GET') return new Response('{"statements":[]}', { status: this.status });
    if (!url.startsWith(`${ENDPOINT}statements`)) return new Response('', { status: 404 });
    const body = JSON.parse(String(init?.body)) as XapiStatement | XapiStatement[];
    const list = Array.isArray(body) ? body : [body];
    this.posts.push(list.length);
    for (const statement of list) this.stored.set(statement.id, statement);
    return new Response(JSON.stringify(list.map((s) => s.id)), { status: 200 });
  };
}

class FakeAlarms {
  readonly armed = new Map<string, number>();
  create(name: string, info: { when: number }) {
    this.armed.set(name, info.when);
  }
  clear(name: string) {
    this.armed.delete(name);
  }
}

let db: ZhiyinDatabase;
let count = 0;
let lrs: FakeLrsFetch;
let alarms: FakeAlarms;
let policy: LrsConfig | null;
let kv: Map<string, unknown>;
let clock: number;

const created: XapiService[] = [];

function service(overrides: Partial<XapiServiceOptions> = {}): XapiService {
  const xapi = createXapiService({
    db,
    lrs: async () => policy,
    tours: [TOUR],
    alarms,
    store: {
      get: async (key) => kv.get(key),
      set: async (key, value) => void kv.set(key, structuredClone(value)),
    },
    defaultHomePage: 'https://oa.gov.example',
    now: () => clock,
    fetch: lrs.fetch,
    ...overrides,
  });
  created.push(xapi);
  return xapi;
}

const run = (tourId = TOUR.id, at = T0): TourRecord[] => [
  { tourId, at, kind: 'started' },
  { tourId, at: at + 1000, kind: 'step-shown', stepId: 'open-form', stepIndex: 0 },
  { tourId, at: at + 4000, kind: 'step-completed', stepId: 'open-form', stepIndex: 0, ms: 3000 },
  { tourId, at: at + 9000, kind: 'step-completed', stepId: 'submit', stepIndex: 1, ms: 5000 },
  { tourId, at: at + 9000, kind: 'finished', ms: 9000 },
];

beforeEach(() => {
  db = new ZhiyinDatabase(`xapi-service-${++count}`);
  lrs = new FakeLrsFetch();
  alarms = new FakeAlarms();
  policy = null;
  kv = new Map();
  clock = T0;
});

afterEach(async () => {
  // Let deliveries started by enqueueing finish before the database goes.
  for (const xapi of created.splice(0)) await xapi.flush();
  await db.delete();
});

describe('xAPI service', () => {
  it('queues tour statements while no LRS is configured and sends nothing', async () => {
    const xapi = service();
    const statements = await xapi.tourRecords(run(), { pageUrl: 'http://sim.local:4173/x?y=1' });
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
      'attempted',
      'experienced',
      'experienced',
      'completed',
    ]);
    const report = await xapi.flush();
    expect(report.outcome).toBe('not-configured');
    expect(lrs.posts).toEqual([]);
    expect(await xapi.status()).toMatchObject({ pending: 4, configured: false, endpoint: null });
    // Nothing would happen on an alarm: none is left armed to wake the worker for nothing.
    expect(alarms.armed.has(XAPI_OUTBOX_ALARM)).toBe(false);
  });

  it('delivers queued statements once an LRS is configured, each exactly once and valid', async () => {
    const xapi = service();
    const queued = await xapi.tourRecords(run(), { pageUrl: 'http://sim.local:4173/a' });
    policy = LRS;
    await xapi.flush();
    await xapi.flush();
    expect(lrs.stored.size).toBe(queued.length);
    for (const statement of queued) {
      expect(lrs.stored.get(statement.id)).toEqual(statement);
      expect(xapiProblems(statement)).toEqual([]);
    }
    expect(await xapi.status()).toMatchObject({ pending: 0, configured: true, endpoint: ENDPOINT });
    const [attempted, step] = queued;
    // One registration for the run, the tour as parent of its steps, titles from the tour.
    expect(step!.context.registration).toBe(attempted!.context.registration);
    expect(step!.object.definition?.name).toEqual({ 'zh-CN': '打开新建表单' });
    expect(attempted!.object.definition?.name).toEqual({ 'zh-CN': '新建公文并提交审核' });
  });

  it('flushes right after queueing when an LRS is configured', async () => {
    policy = LRS;
    const xapi = service();
    const statement = await xapi.tourAttempted({ tourId: TOUR.id, at: T0 });
    await xapi.flush(); // joins the delivery already started by the enqueue
    expect(lrs.stored.has(statement.id)).toBe(true);
    expect(lrs.posts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('arms the alarm before delivering, so a worker stopped mid-delivery wakes up again', async () => {
    policy = LRS;
    let release: (response: Response) => void = () => undefined;
    let sending: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => (sending = resolve));
    const hanging: typeof fetch = () =>
      new Promise<Response>((resolve) => {
        release = resolve;
        sending();
      });
    const xapi = service({ fetch: hanging });
    await xapi.tourAttempted({ tourId: TOUR.id, at: T0 });
    await sent;
    // The POST is under way and has not answered: the wake-up is already set.
    expect(alarms.armed.get(XAPI_OUTBOX_ALARM)).toBe(T0 + 30_000);
    release(new Response('[]', { status: 200 }));
    await xapi.flush();
    expect(alarms.armed.has(XAPI_OUTBOX_ALARM)).toBe(false);
  });

  it('a new run gets a new registration', async () => {
    const xapi = service();
    const first = await xapi.tourRecords(run(TOUR.id, T0));
    const second = await xapi.tourRecords(run(TOUR.id, T0 + 60_000));
    expect(first[0]!.context.registration).toMatch(/^[0-9a-f-]{36}$/);
    expect(second[0]!.context.registration).not.toBe(first[0]!.context.registration);
  });

  it('an exam run’s tour statements carry the attempt’s registration, like its passed/failed one', async () => {
    const xapi = service();
    // A training run of the same tour is under way (its own registration)…
    const training = await xapi.tourRecords(run(TOUR.id, T0).slice(0, 2));
    const attemptId = '0b7d6c1e-5a4f-4e8b-9c3d-2f1a0e9b8c7d';
    const examTour = TourSchema.parse({
      id: TOUR.id,
      title: TOUR.title,
      summary: '考核',
      module: '操作',
      audience: ['业务操作人员'],
      applies: { url: '/index.html*' },
      steps: [
        { id: 'open-form', body: '打开', target: { text: '新建' }, advance: { on: 'click' } },
        { id: 'submit', body: '提交', target: { text: '提交' }, advance: { on: 'click' } },
      ],
    });
    // …then the learner takes it as an exam: the background's assessment side ends the run.
    const assessments = new AssessmentService({
      db,
      surveys: new SurveyService({
        db,
        now: () => clock,
        store: { get: async () => undefined, set: async () => undefined },
        knownSubject: () => false,
      }),
      examRecords: ({ attemptId: registration, records }) =>
        xapi.tourRecords(records, { registration }),
      assessed: (input) => xapi.practicalAssessed(input),
    });
    await assessments.ended({
      tabId: 1,
      tour: examTour,
      runTour: examTour,
      status: 'finished',
      at: T0 + 9000,
      variant: {
        kind: 'exam',
        attemptId,
        startedAt: T0,
        timing: { timeLimitMs: 300_000 },
        observations: run(TOUR.id, T0),
      },
    });
    const queued = (await db.xapiOutbox.orderBy('seq').toArray()).map((row) => row.statement);
    const exam = queued.filter((statement) => !training.some((t) => t.id === statement.id));
    expect(exam.map((statement) => statement.verb.id.split('/').pop())).toEqual([
      'attempted',
      'experienced',
      'experienced',
      'completed',
      'passed',
    ]);
    expect(exam.map((statement) => statement.context.registration)).toEqual(
      exam.map(() => attemptId),
    );
    for (const statement of exam) expect(xapiProblems(statement)).toEqual([]);
    // The training run keeps its own registration for what it sends next.
    const more = await xapi.tourRecords(run(TOUR.id, T0).slice(2, 3));
    expect(more[0]!.context.registration).toBe(training[0]!.context.registration);
    expect(more[0]!.context.registration).not.toBe(attemptId);
  });

  it('a finished 补训 run sends a remedial completed statement under the failed attempt', async () => {
    const xapi = service();
    const attemptId = '5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const assessmentId = (await db.assessments.add({
      tourId: TOUR.id,
      attemptId,
      startedAt: T0,
      endedAt: T0 + 1000,
      status: 'failed',
      score: null,
      remedialStepIds: ['submit'],
      remedialCompletedAt: null,
    })) as number;
    const assessments = new AssessmentService({
      db,
      surveys: new SurveyService({
        db,
        now: () => clock,
        store: { get: async () => undefined, set: async () => undefined },
        knownSubject: () => false,
      }),
      remedialCompleted: (input) => xapi.remedialCompleted(input),
    });
    // An abandoned remedial run is not remedial training done: nothing is sent.
    const remedialTour = TourSchema.parse({
      id: TOUR.id,
      title: TOUR.title,
      summary: '补训',
      module: '操作',
      audience: ['业务操作人员'],
      applies: { url: '/index.html*' },
      steps: [{ id: 'submit', body: '提交', target: { text: '提交' }, advance: { on: 'click' } }],
    });
    const remedialRun = { tabId: 1, tour: remedialTour, runTour: remedialTour, at: T0 + 5000 };
    const variant = { kind: 'remedial' as const, assessmentId, stepIds: ['submit'] };
    await assessments.ended({ ...remedialRun, status: 'abandoned', variant });
    expect(await db.xapiOutbox.count()).toBe(0);
    await assessments.ended({ ...remedialRun, status: 'finished', variant });
    const queued = (await db.xapiOutbox.orderBy('seq').toArray()).map((row) => row.statement);
    expect(queued).toHaveLength(1);
    const statement = queued[0]!;
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statement.object.id).toBe(tourIri(DEFAULT_ACTIVITY_BASE, TOUR.id));
    expect(statement.context.registration).toBe(attemptId);
    expect(statement.result?.extensions).toEqual({
      [`${DEFAULT_ACTIVITY_BASE}extensions/remedial`]: true,
    });
    expect(statement.timestamp).toBe(new Date(T0 + 5000).toISOString());
    expect(xapiProblems(statement)).toEqual([]);
    expect((await db.assessments.get(assessmentId))?.remedialCompletedAt).toBe(T0 + 5000);
  });

  it('identifies the learner by a stable local id, never by name unless policy allows', async () => {
    await db.profile.put({
      key: 'me',
      role: '业务操作人员',
      roleChosenAt: T0,
      welcomeDismissedAt: null,
      name: '张三',
    });
    const a = await service().tourAttempted({ tourId: TOUR.id, at: T0 });
    // A restarted worker (new service) uses the same id.
    const b = await service().tourAttempted({ tourId: TOUR.id, at: T0 + 1 });
    expect(a.actor.account.name).toMatch(/^zhiyin-[0-9a-f-]{36}$/);
    expect(b.actor.account.name).toBe(a.actor.account.name);
    expect(a.actor.name).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain('张三');
    // The role the learner chose is still there after the id was stored.
    expect((await db.profile.get('me'))?.role).toBe('业务操作人员');

    policy = { ...LRS, sendDisplayName: true, homePage: 'https://www.example.gov.cn' };
    await db.profile.update('me', { staffId: 'GH-0042' });
    const c = await service().tourAttempted({ tourId: TOUR.id, at: T0 + 2 });
    expect(c.actor).toEqual({
      objectType: 'Agent',
      name: '张三',
      account: { homePage: 'https://www.example.gov.cn', name: 'GH-0042' },
    });
  });

  it('uses the host system origin as homePage without one in the policy', async () => {
    const xapi = service();
    const first = await xapi.tourAttempted({ tourId: TOUR.id, at: T0 });
    expect(first.actor.account.homePage).toBe('https://oa.gov.example');
    await xapi.tourAttempted({
      tourId: TOUR.id,
      at: T0,
      pageUrl: 'http://127.0.0.1:4303/index.html#/x',
    });
    // Remembered for events that come from no page (e.g. a quiz on the dashboard).
    const later = await xapi.surveyAnswered({
      subjectKind: 'tour',
      subjectId: TOUR.id,
      rating: '满意',
      at: T0,
    });
    expect(later.actor.account.homePage).toBe('http://127.0.0.1:4303');
  });

  it('builds valid assessment, quiz, survey and acknowledgement statements', async () => {
    const xapi = service();
    const score = scorePracticalAssessment({
      steps: [
        { id: 'open-form', required: true, checksData: false },
        { id: 'submit', required: true, checksData: true },
      ],
      attempts: [
        { stepId: 'open-form', outcome: 'completed', wrongActions: 0, rejectedValues: 0 },
        { stepId: 'submit', outcome: 'skipped', wrongActions: 0, rejectedValues: 0 },
      ],
      timing: { timeLimitMs: 600_000 },
      elapsedMs: 100_000,
    });
    const attemptId = '0b6d5a8e-7f1b-4c55-9f0e-1d2c3b4a5f60';
    const practical = await xapi.practicalAssessed({ tourId: TOUR.id, attemptId, at: T0, score });
    expect(practical.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(practical.result?.score?.scaled).toBe(score.total / 100);
    expect(practical.context.registration).toBe(attemptId);

    const graded = {
      choiceScore: 90,
      shortAnswerScore: null,
      pending: false,
      total: 90,
      passed: true,
      questions: [],
    };
    const quiz = await xapi.quizScored({
      quizId: 'q-basic',
      quizTitle: '基础知识',
      attemptId,
      at: T0,
      ms: 60_000,
      score: graded,
    });
    expect(quiz?.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(
      await xapi.quizScored({
        quizId: 'q-basic',
        quizTitle: '基础知识',
        attemptId,
        at: T0,
        score: { ...graded, pending: true, total: null, passed: null },
      }),
    ).toBeNull();

    const survey = await xapi.surveyAnswered({
      subjectKind: 'assessment',
      subjectId: TOUR.id,
      rating: '一般',
      comment: '  步骤太多，回电 138-0013-8000  ',
      at: T0,
    });
    expect(survey.result).toMatchObject({ response: '一般' });
    // Whoever calls it, the comment reaches the LRS scrubbed.
    expect(JSON.stringify(survey.result)).toContain('步骤太多，回电 [手机号]');
    expect(JSON.stringify(survey)).not.toContain('0013');
    expect(survey.context.contextActivities?.parent?.[0]?.id).toBe(
      'https://zhiyin.example/xapi/activities/assessment/gongwen-new-document',
    );

    const ack = await xapi.ruleAcknowledged({ ruleId: 'no-leak', ruleTitle: '不准泄露', at: T0 });
    for (const statement of [practical, quiz!, survey, ack])
      expect(xapiProblems(statement)).toEqual([]);
    expect((await xapi.status()).pending).toBe(4);
  });

  it('an acknowledged tip in the rules service queues one statement; snoozing queues none', async () => {
    const xapi = service();
    const rules = {
      tips: [
        {
          id: 'no-leak',
          where: { url: ['**'] },
          tip: { severity: 'warning', title: '不准泄露用户信息', body: '…', version: 2 },
          frequency: 'always',
          acknowledge: true,
          snooze: '1h',
          dismissible: false,
        },
      ],
      markers: [],
      guards: [],
    } as unknown as RuleSet;
    const rulesService = createRulesService({
      rules,
      store: createMemoryRulesStore(),
      session: () => 's',
      role: () => null,
      now: () => clock,
      onAcknowledged: (record, title) =>
        xapi.ruleAcknowledged({
          ruleId: record.tipId,
          ruleTitle: title,
          at: record.at,
          pageUrl: record.url,
        }),
    });
    const base = { tipId: 'no-leak', contentVersion: 2, url: 'http://127.0.0.1:4303/x' };
    await rulesService.onResponse({ ...base, response: 'snooze' });
    await rulesService.onResponse({ ...base, response: 'acknowledge' });
    const queued = await db.xapiOutbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.statement).toMatchObject({
      verb: { id: 'http://activitystrea.ms/schema/1.0/acknowledge' },
      object: {
        id: 'https://zhiyin.example/xapi/activities/rule/no-leak',
        definition: { name: { 'zh-CN': '不准泄露用户信息' } },
      },
    });
  });

  it('keeps statements while the LRS is down, arms the alarm, and sends them once when back', async () => {
    policy = LRS;
    lrs.down = true;
    const xapi = service();
    const statements = await xapi.tourRecords(run());
    // Queueing tried at once and failed; the next wake-up is the backoff's retry time.
    expect((await xapi.flush()).outcome).toBe('not-due');
    const failed = await xapi.status();
    expect(failed).toMatchObject({ pending: statements.length, lastError: { reason: 'network' } });
    expect(failed.retryAt).toBeGreaterThan(T0);
    expect(alarms.armed.get(XAPI_OUTBOX_ALARM)).toBe(failed.retryAt);

    lrs.down = false;
    // Before retryAt an alarm-driven flush waits; 立即发送 (force) does not.
    expect((await xapi.flush()).outcome).toBe('not-due');
    expect((await xapi.flush({ force: true })).outcome).toBe('delivered');
    expect(lrs.stored.size).toBe(statements.length);
    expect(alarms.armed.has(XAPI_OUTBOX_ALARM)).toBe(false);
    expect(await xapi.status()).toMatchObject({ pending: 0, lastSuccessAt: T0 });
  });

  it('shows why the LRS refused statements, and sends them again on request', async () => {
    policy = LRS;
    // The LRS refuses every statement of one tour (e.g. a validation rule it enforces).
    const refusing: typeof fetch = async (input, init) => {
      const text = String(init?.body ?? '');
      if (init?.method !== 'GET' && text.includes('/tour/refused-tour'))
        return new Response(
          JSON.stringify({
            errorId: crypto.randomUUID(),
            warnings: ["Problem in 'statements.0.object.id'"],
          }),
          { status: 400 },
        );
      return lrs.fetch(input, init);
    };
    const refusedTour = { ...TOUR, id: 'refused-tour' } as typeof TOUR;
    const xapi = service({ fetch: refusing, tours: [TOUR, refusedTour] });
    await xapi.tourAttempted({ tourId: 'refused-tour', at: T0 });
    await xapi.tourAttempted({ tourId: TOUR.id, at: T0 });
    await xapi.tourAttempted({ tourId: 'refused-tour', at: T0 + 1 });
    await xapi.flush({ force: true });
    const status = await xapi.status();
    expect(status).toMatchObject({ pending: 0, rejected: 2 });
    // The LRS's words, without its per-answer error id: one reason for both.
    expect(status.rejectedReasons).toEqual([
      { status: 400, message: "Problem in 'statements.0.object.id'", count: 2 },
    ]);
    expect(lrs.stored.size).toBe(1);

    // The LRS is fixed: 重新发送被拒绝的记录 puts it back in line and delivers it.
    const routes = createXapiRoutes(service({ tours: [TOUR, refusedTour] }));
    const answer = await routes['page:xapiRequeueRejected'].handle(undefined, {
      ok: true,
      kind: 'extension-page',
    } as never);
    expect(answer.requeued).toBe(2);
    expect(answer.status).toMatchObject({ pending: 0, rejected: 0, rejectedReasons: [] });
    expect(lrs.stored.size).toBe(3);
  });

  it('bounds the queue: the oldest statements are dropped beyond maxPending', async () => {
    const xapi = service({ maxPending: 3 });
    await xapi.tourRecords(run());
    expect(await xapi.status()).toMatchObject({ pending: 3, dropped: 1 });
  });

  it('tests a connection and explains failures in Chinese', async () => {
    const xapi = service();
    const config = { endpoint: ENDPOINT, auth: LRS.auth };
    expect(await xapi.testConnection(config)).toMatchObject({ ok: true, status: 200 });
    lrs.status = 401;
    expect(await xapi.testConnection(config)).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringContaining('凭据'),
    });
    lrs.down = true;
    expect(await xapi.testConnection(config)).toMatchObject({
      ok: false,
      message: expect.stringContaining('无法连接'),
    });
    const routes = createXapiRoutes(xapi);
    const reply = await routes['page:xapiTest'].handle(
      { endpoint: 'ftp://x', auth: { kind: 'basic', key: '', secret: '' } },
      { ok: true, kind: 'extension-page' } as never,
    );
    expect(reply).toMatchObject({ ok: false, message: expect.stringContaining('设置不完整') });
  });

  it('finds the host system origin in content-script match patterns', () => {
    expect(homePageFromMatches(['https://*.example/*', 'https://oa.gov.example/*'])).toBe(
      'https://oa.gov.example',
    );
    expect(homePageFromMatches(['*://zw.gov.example:8443/*'])).toBe('https://zw.gov.example:8443');
    expect(homePageFromMatches(['http://localhost/*'])).toBe('http://localhost');
    expect(homePageFromMatches(['<all_urls>'])).toBeNull();
  });
});
