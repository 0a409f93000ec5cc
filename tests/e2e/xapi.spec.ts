/**
 * xAPI end to end: the built extension, configured through the options page, sends a learner's
 * statements (first-run tip acknowledgements, a tour on the sim) to a real local LRS (Learning
 * Locker's xapi-statements, in memory, started here) — each exactly once, each valid for
 * @learninglocker/xapi-validation; with the LRS down they wait, and arrive once when it is back.
 */
import type { Page } from '@playwright/test';
import type { LocalLrs, StoredStatement } from '../support/lrs';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs } from '../support/lrs';
import { xapiProblems } from '../unit/xapi/validate';
import { expect, test } from './fixtures';
import {
  FIRST_RUN_TIPS,
  acknowledgeFirstRunTips,
  answerSurvey,
  startTourFromPopup,
  walkMultipageTour,
  welcomeAs,
} from './support/learner';
import { logIn } from './support/sim';

const TOUR_TITLE = '引擎测试：跨页面引导';
const TOUR_STEPS = ['account', 'password', 'login', 'todo-link', 'todo-page'];
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

let port: number;
let lrs: LocalLrs | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  port = await freePort();
  lrs = await startLocalLrs(port);
});

test.afterAll(async () => {
  await lrs?.stop();
  lrs = null;
});

/** 管理员设置 → 学习记录库: fill, 测试连接, 保存, as an administrator would. */
async function configureLrs(options: Page, expectTest: RegExp) {
  const form = options.getByRole('form', { name: '学习记录库（xAPI）' });
  await form.getByLabel('xAPI 地址').fill(`http://127.0.0.1:${port}/xAPI/`);
  await form.getByLabel('密钥（Key）').fill(LOCAL_LRS_AUTH.key);
  await form.getByLabel('密码（Secret）').fill(LOCAL_LRS_AUTH.secret);
  await form.getByRole('button', { name: '测试连接' }).click();
  // Longer than the client's own 10 s limit: the product decides, not the test's default wait
  // (a busy machine slowed the LRS's answer past 10 s, and the test gave up first).
  await expect(options.getByTestId('lrs-test-result')).toHaveText(expectTest, { timeout: 20_000 });
  await form.getByRole('button', { name: '保存学习记录库设置' }).click();
  await expect(options.getByTestId('lrs-message')).toHaveText('学习记录库设置已保存');
  await expect(options.getByTestId('lrs-current')).toContainText(`127.0.0.1:${port}`);
}

/** First run on the sim: choose a role in the welcome card, acknowledge the three first-run tips. */
async function firstRun(page: Page) {
  await welcomeAs(page);
  expect(await acknowledgeFirstRunTips(page)).toHaveLength(FIRST_RUN_TIPS.length);
}

/** The fixture tour across the login page, the workbench and an SPA route, to the end. */
async function completeTour(
  page: Page,
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
) {
  await page.goto('/login.html');
  await startTourFromPopup(page, openExtensionPage, tabId, TOUR_TITLE);
  await walkMultipageTour(page);
  // The satisfaction survey at the end of the tour: 满意, with a comment holding personal data
  // (people write them there): it reaches the LRS scrubbed.
  await answerSurvey(page, { rating: '满意', comment: SURVEY_COMMENT });
}

const SURVEY_COMMENT = '步骤清楚。我的身份证 110101199003074514，手机 138-0013-8000，有问题请联系';
const SURVEY_COMMENT_SENT = '步骤清楚。我的身份证 [身份证号]，手机 [手机号]，有问题请联系';

/**
 * The survey answer about the tour: response 满意, the tour as parent, the comment scrubbed; no
 * statement holds the ID or mobile number in any writing.
 */
function expectSurvey(statements: StoredStatement[]) {
  const answered = statements.filter(
    (s) => (s.verb as { id: string }).id === VERB('answered'),
  ) as unknown as {
    result: { response: string };
    context: { contextActivities: { parent: { id: string }[] } };
  }[];
  expect(answered).toHaveLength(1);
  expect(answered[0]!.result.response).toBe('满意');
  expect(JSON.stringify(answered[0]!.result)).toContain(SURVEY_COMMENT_SENT);
  const everything = JSON.stringify(statements);
  for (const value of ['110101199003074514', '13800138000', '138-0013-8000'])
    expect(everything).not.toContain(value);
  expect(answered[0]!.context.contextActivities.parent[0]!.id).toMatch(
    /\/activities\/tour\/e2e-multipage$/,
  );
}

const ofTour = (statements: StoredStatement[]) =>
  statements.filter(
    (s) =>
      JSON.stringify(s).includes('/activities/tour/e2e-multipage') &&
      (s.verb as { id: string }).id !== VERB('answered'),
  );

/** Each id once, every statement valid, the learner identified by account only. */
function expectDeliveredOnce(statements: StoredStatement[]) {
  const ids = statements.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const statement of statements) {
    // The LRS adds stored/authority/version; validate what Zhiyin sent.
    const { stored: _s, authority: _a, version: _v, ...sent } = statement;
    expect({ id: statement.id, problems: xapiProblems(sent) }).toEqual({
      id: statement.id,
      problems: [],
    });
    expect(statement).toMatchObject({
      actor: {
        objectType: 'Agent',
        account: { homePage: `http://127.0.0.1:${process.env.SIM_PORT ?? 4173}` },
      },
    });
    expect((statement.actor as { name?: string }).name).toBeUndefined();
  }
}

/** The tour's statements: attempted, one experienced per step, completed, in one registration. */
function expectTourRun(statements: StoredStatement[]) {
  const tour = ofTour(statements) as unknown as {
    verb: { id: string };
    object: { id: string };
    context: { registration?: string };
  }[];
  expect(tour.filter((s) => s.verb.id === VERB('attempted'))).toHaveLength(1);
  expect(tour.filter((s) => s.verb.id === VERB('completed'))).toHaveLength(1);
  const steps = tour
    .filter((s) => s.verb.id === VERB('experienced'))
    .map((s) => s.object.id.split('/step/')[1])
    .sort();
  expect(steps).toEqual([...TOUR_STEPS].sort());
  expect(new Set(tour.map((s) => s.context.registration)).size).toBe(1);
}

test('statements reach the LRS configured on the options page, exactly once and valid', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const options = await openExtensionPage('options.html');
  await configureLrs(options, /连接成功/);

  const page = await context.newPage();
  await firstRun(page);
  await completeTour(page, openExtensionPage, await tabIdOf(page));

  // Delivered right after queueing: no alarm to wait for.
  await expect.poll(async () => ofTour(await lrs!.statements()).length).toBe(7);
  await expect
    .poll(
      async () =>
        (await lrs!.statements()).filter((s) => JSON.stringify(s).includes('acknowledge')).length,
    )
    .toBe(FIRST_RUN_TIPS.length);
  await expect
    .poll(async () => (await lrs!.statements()).length)
    .toBe(7 + FIRST_RUN_TIPS.length + 1);
  const all = await lrs!.statements();
  expectDeliveredOnce(all);
  expectTourRun(all);
  expectSurvey(all);
  const acknowledged = all
    .filter((s) => JSON.stringify(s).includes('acknowledge'))
    .map((s) => (s.object as { id: string }).id.split('/rule/')[1])
    .sort();
  expect(acknowledged).toEqual(FIRST_RUN_TIPS);

  // 立即发送 again: nothing is resent, the options page shows an empty queue and a success.
  await options.bringToFront();
  await options.getByRole('button', { name: '立即发送' }).click();
  await expect(options.getByTestId('lrs-message')).toHaveText('已发送，当前待发送 0 条');
  await expect(options.getByTestId('lrs-pending')).toHaveText('0');
  await expect(options.getByTestId('lrs-last-success')).not.toHaveText('暂无');
  expect(await lrs!.statements()).toHaveLength(all.length);
  await options.screenshot({ path: test.info().outputPath('options-lrs.png'), fullPage: true });
});

test('offline: statements wait while the LRS is down and arrive exactly once when it is back', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const options = await openExtensionPage('options.html');
  await configureLrs(options, /连接成功/);
  const before = (await lrs!.statements()).length;

  await lrs!.stop();
  lrs = null;
  // 测试连接 says so, in words an administrator understands.
  await options
    .getByRole('form', { name: '学习记录库（xAPI）' })
    .getByRole('button', { name: '测试连接' })
    .click();
  await expect(options.getByTestId('lrs-test-result')).toHaveText(/无法连接学习记录库/);

  const page = await context.newPage();
  await firstRun(page);
  await completeTour(page, openExtensionPage, await tabIdOf(page));

  await options.bringToFront();
  await options.getByRole('button', { name: '刷新状态' }).click();
  // Statements are queued after the records, and wait up to 8 s for a managed policy that has
  // not answered yet (a fresh browser): give them that, and the page's 3 s status refresh.
  await expect(options.getByTestId('lrs-pending')).toHaveText(
    String(7 + FIRST_RUN_TIPS.length + 1),
    { timeout: 20_000 },
  );
  await expect(options.getByTestId('lrs-last-error')).toContainText('无法连接');
  await options.screenshot({
    path: test.info().outputPath('options-lrs-offline.png'),
    fullPage: true,
  });

  // The LRS comes back (same port, empty memory store); 立即发送 does not wait out the backoff.
  lrs = await startLocalLrs(port);
  expect(before).toBeGreaterThan(0);
  await options.getByRole('button', { name: '立即发送' }).click();
  await expect(options.getByTestId('lrs-pending')).toHaveText('0');
  const stored = await lrs.statements();
  expect(stored).toHaveLength(7 + FIRST_RUN_TIPS.length + 1);
  expectDeliveredOnce(stored);
  expectTourRun(stored);
  expectSurvey(stored);

  // A second flush (the alarm, or another click) sends nothing again.
  await options.getByRole('button', { name: '立即发送' }).click();
  await expect(options.getByTestId('lrs-message')).toHaveText('已发送，当前待发送 0 条');
  expect(await lrs.statements()).toHaveLength(stored.length);
});

test('a practical assessment (实操考核) on the sim reaches the LRS once: passed, scaled score', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const exam = { id: 'bianmin-progress-query', title: '用进度查询跟踪审批状态' };
  const query = '请输入受理编号或统一社会信用代码';
  lrs ??= await startLocalLrs(port);
  const options = await openExtensionPage('options.html');
  await configureLrs(options, /连接成功/);
  const before = new Set((await lrs.statements()).map((s) => s.id));

  const page = await context.newPage();
  await firstRun(page);
  await logIn(page, 'zhangsan', 'service.html#/progress');
  await expect(page.getByPlaceholder(query)).toBeVisible();
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await Promise.all([
    popup.waitForEvent('close'),
    popup.getByRole('button', { name: `以考核方式开始：${exam.title}` }).click(),
  ]);
  await page.bringToFront();
  await expect(page.getByRole('region', { name: '实操考核' })).toBeVisible();
  await page.getByPlaceholder(query).fill('91620102029332164P');
  await page.waitForTimeout(600); // let the typed value settle before the next action
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByRole('region', { name: `考核结果：${exam.title}` });
  await expect(result).toBeVisible();
  await expect(result).toContainText('通过');

  const passed = async () =>
    (await lrs!.statements()).filter(
      (s) => !before.has(s.id) && (s.verb as { id: string }).id === VERB('passed'),
    );
  await expect.poll(async () => (await passed()).length).toBe(1);
  const [statement] = await passed();
  expect(statement).toMatchObject({
    object: { id: `https://zhiyin.example/xapi/activities/assessment/${exam.id}` },
    result: { score: { scaled: 1, raw: 100, min: 0, max: 100 }, success: true, completion: true },
    context: {
      contextActivities: {
        parent: [{ id: `https://zhiyin.example/xapi/activities/tour/${exam.id}` }],
      },
    },
  });
  expect((statement!.context as { registration?: string }).registration).toMatch(/^[0-9a-f-]{36}$/);
  const fresh = (await lrs.statements()).filter((s) => !before.has(s.id));
  expectDeliveredOnce(fresh);
  // The exam's run of the tour (attempted, its steps, completed) is under the same registration
  // as the result: one attempt, one registration.
  const registration = (statement!.context as { registration?: string }).registration;
  const run = fresh.filter((s) =>
    (s.object as { id: string }).id.startsWith(
      `https://zhiyin.example/xapi/activities/tour/${exam.id}`,
    ),
  );
  expect(run.map((s) => (s.verb as { id: string }).id)).toEqual(
    expect.arrayContaining([VERB('attempted'), VERB('experienced'), VERB('completed')]),
  );
  expect(run.map((s) => (s.context as { registration?: string }).registration)).toEqual(
    run.map(() => registration),
  );
});

test('a statement the LRS refuses is shown with the LRS’s reason and can be sent again', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  lrs ??= await startLocalLrs(port);
  const options = await openExtensionPage('options.html');
  await configureLrs(options, /连接成功/);
  // A statement the LRS's validation refuses (its verb id is not an IRI) waits in the outbox, as
  // one built by an older, buggy version would.
  const id = 'c0ffee00-0000-4000-8000-00000000beef';
  await serviceWorker.evaluate(
    (id) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('zhiyin');
        open.onsuccess = () => {
          const put = open.result
            .transaction('xapiOutbox', 'readwrite')
            .objectStore('xapiOutbox')
            .put({
              id,
              seq: 1_000_000,
              enqueuedAt: Date.now(),
              state: 'pending',
              attempts: 0,
              statement: {
                id,
                actor: { objectType: 'Agent', account: { homePage: 'http://x.test', name: 'a' } },
                verb: { id: 'not-an-iri', display: { 'zh-CN': '坏的' } },
                object: { objectType: 'Activity', id: 'https://zhiyin.example/xapi/activities/x' },
                timestamp: new Date().toISOString(),
              },
            });
          put.onsuccess = () => done();
          put.onerror = () => fail(put.error);
        };
        open.onerror = () => fail(open.error);
      }),
    id,
  );
  const attemptsOf = () =>
    serviceWorker.evaluate(
      (id) =>
        new Promise<unknown>((done) => {
          const open = indexedDB.open('zhiyin');
          open.onsuccess = () => {
            const get = open.result.transaction('xapiOutbox').objectStore('xapiOutbox').get(id);
            get.onsuccess = () =>
              done((get.result as { state: string; attempts: number } | undefined) ?? null);
          };
        }),
      id,
    );
  await options.getByRole('button', { name: '立即发送' }).click();
  await expect(options.getByTestId('lrs-rejected')).toHaveText('1');
  // The LRS's own words (Learning Locker's validation warning), not its raw JSON answer.
  await expect(options.getByTestId('lrs-rejected-reasons')).toHaveText(
    /^HTTP 400 Problem in 'statements\.0\.verb\.id'.*（1 条）$/,
  );
  await expect.poll(attemptsOf).toMatchObject({ state: 'rejected', attempts: 1 });
  const section = options.getByTestId('lrs-settings');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: 'output/screenshots/options-lrs-rejected.png' });

  // 重新发送被拒绝的记录: back in line and sent at once; the LRS refuses it again, and says so.
  await options.getByRole('button', { name: '重新发送被拒绝的记录' }).click();
  await expect(options.getByTestId('lrs-message')).toHaveText(
    '已将 1 条被拒绝的记录重新排队发送，当前待发送 0 条，被拒收 1 条',
  );
  await expect.poll(attemptsOf).toMatchObject({ state: 'rejected', attempts: 2 });
  expect((await lrs.statements()).some((statement) => statement.id === id)).toBe(false);
});
