/**
 * 培训管理 as an organisation deploys it (issue 15, "Done when"): three browser profiles, each with
 * a REAL managed policy (chrome.storage.managed through Chromium's policy folder,
 * support/managed-policy.ts) giving a different `identity` (account, department, role) and the same
 * `lrs` — a real LRS started here (Learning Locker's xapi-statements) — complete different tours
 * and exams on the sim. A fourth profile, a 管理人员 of the organisation, opens 培训管理 from the
 * options page, reads the statements back and sees the right figures per department; the Excel
 * export opens (parsed back here) with the same figures.
 *
 * - wang (办公室, 业务操作人员): the fixture tour across pages, 满意;
 * - li (办公室, 业务操作人员): the practical exam of 进度查询, passed;
 * - zhao (信息中心, 基层用户): the fixture tour, 一般, and the same exam, passed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import type { LocalLrs, StoredStatement } from '../support/lrs';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs } from '../support/lrs';
import { expect, test } from './fixtures';
import { acknowledgeFirstRunTips, answerSurvey, walkMultipageTour } from './support/learner';
import { exportOrgWorkbook } from './support/org-export';
import { launchManaged, type ManagedProfile } from './support/managed-policy';
import { logIn } from './support/sim';

const SIM = `http://127.0.0.1:${process.env.SIM_PORT ?? 4173}`;
const HOME_PAGE = 'https://oa.example.gov.cn';
const CHECKLISTS = parse(
  readFileSync(resolve(import.meta.dirname, '../../tours/checklists.yaml'), 'utf8'),
) as Record<string, string[]>;
const TOUR = { id: 'e2e-multipage', title: '引擎测试：跨页面引导' };
const EXAM = { id: 'bianmin-progress-query', title: '用进度查询跟踪审批状态' };
const QUERY = '请输入受理编号或统一社会信用代码';

let lrs: LocalLrs;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  lrs = await startLocalLrs(await freePort());
});

test.afterAll(async () => {
  await lrs?.stop();
});

interface Identity {
  account: string;
  department: string;
  role: '管理人员' | '业务操作人员' | '技术支持人员' | '基层用户';
}

const policyFor = (identity: Identity) => ({
  identity,
  lrs: {
    endpoint: lrs.endpoint,
    homePage: HOME_PAGE,
    auth: { kind: 'basic', key: LOCAL_LRS_AUTH.key, secret: LOCAL_LRS_AUTH.secret },
  },
});

/**
 * A learner's first visit: the policy sets their group, so no welcome card asks for it and the
 * three first-run tips come at once. (On a fresh profile the browser may give the policy only
 * seconds after the first page asked: then the welcome card shows once, and whatever the learner
 * picks, the policy's group stays — asserted from the popup.)
 */
async function firstRun(profile: ManagedProfile, page: Page, role: string) {
  await page.goto(`${SIM}/login.html`);
  const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
  const tip = page.locator('[data-zhiyin-tip]');
  await expect(welcome.or(tip).first()).toBeVisible();
  if (await welcome.isVisible()) {
    await welcome.getByRole('button', { name: /基层用户/ }).click();
    await welcome.getByRole('button', { name: '开始使用' }).click();
  }
  await acknowledgeFirstRunTips(page);
  const popup = await profile.openExtensionPage(`popup.html?tabId=${await profile.tabIdOf(page)}`);
  await expect(popup.getByTestId('current-role')).toHaveText(role);
  await expect(popup.getByTestId('role-set-by-policy')).toHaveText('岗位由单位统一设定');
  await popup.close();
}

async function fromPopup(profile: ManagedProfile, page: Page, button: string) {
  const popup = await profile.openExtensionPage(`popup.html?tabId=${await profile.tabIdOf(page)}`);
  await Promise.all([
    popup.waitForEvent('close'),
    popup.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.bringToFront();
}

/** The fixture tour across the login page, the workbench and an SPA route; then the survey. */
async function completeTour(profile: ManagedProfile, page: Page, rating: '满意' | '一般') {
  await page.goto(`${SIM}/login.html`);
  await fromPopup(profile, page, `开始：${TOUR.title}`);
  await walkMultipageTour(page);
  await answerSurvey(page, { rating });
}

/** The practical exam (实操考核) of 进度查询, done right: passed. */
async function passExam(profile: ManagedProfile, page: Page) {
  await logIn(page, 'zhangsan', 'service.html#/progress');
  await expect(page.getByPlaceholder(QUERY)).toBeVisible();
  await fromPopup(profile, page, `以考核方式开始：${EXAM.title}`);
  await expect(page.getByRole('region', { name: '实操考核' })).toBeVisible();
  await page.getByPlaceholder(QUERY).fill('91620102029332164P');
  await page.waitForTimeout(600); // let the typed value settle before the next action
  await page.getByRole('button', { name: '查询' }).click();
  const result = page.getByRole('region', { name: `考核结果：${EXAM.title}` });
  await expect(result).toBeVisible();
  await expect(result).toContainText('通过');
}

/** A learner's profile: launched with the policy, learns, closes once their statements are in. */
async function learner(
  identity: Identity,
  learn: (profile: ManagedProfile, page: Page) => Promise<void>,
  expectedVerbs: string[],
) {
  const profile = await launchManaged(policyFor(identity));
  try {
    const page = await profile.context.newPage();
    await firstRun(profile, page, identity.role);
    await learn(profile, page);
    const mine = async () =>
      (await lrs.statements()).filter(
        (s) => (s.actor as { account?: { name?: string } }).account?.name === identity.account,
      );
    const verbsOf = (list: StoredStatement[]) =>
      [...new Set(list.map((s) => (s.verb as { id: string }).id.split('/').pop()))].sort();
    await expect
      .poll(async () => verbsOf(await mine()), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(expectedVerbs));
    // Every statement of this profile carries the policy's identity, none the local defaults.
    const ext = 'https://zhiyin.example/xapi/extensions/';
    for (const statement of await mine()) {
      expect(statement.actor).toMatchObject({
        account: { homePage: HOME_PAGE, name: identity.account },
      });
      expect(
        (statement.context as { extensions?: Record<string, string> }).extensions,
      ).toMatchObject({ [`${ext}department`]: identity.department, [`${ext}role`]: identity.role });
    }
  } finally {
    await profile.close();
  }
}

const cell = (page: Page, group: string, indicator: string) =>
  page
    .getByTestId('org-by-department')
    .locator(`tr[data-group="${group}"] td[data-indicator="${indicator}"]`);

/** "✓ 100% (1/1)" as the page writes a rate against a target (mark only when there is one). */
function shown(numerator: number, denominator: number, met?: boolean): string {
  const percent = `${Math.round((numerator / denominator) * 1000) / 10}%`;
  const mark = met === undefined ? '' : met ? '✓ ' : '✗ ';
  return `${mark}${percent} (${numerator}/${denominator})`;
}

test('three managed profiles learn on the sim; 培训管理 shows their departments, and the Excel export has it', async () => {
  test.setTimeout(360_000);
  await learner(
    { account: 'wang', department: '办公室', role: '业务操作人员' },
    (profile, page) => completeTour(profile, page, '满意'),
    ['answered', 'attempted', 'completed'],
  );
  await learner(
    { account: 'li', department: '办公室', role: '业务操作人员' },
    (profile, page) => passExam(profile, page),
    ['attempted', 'completed', 'passed'],
  );
  await learner(
    { account: 'zhao', department: '信息中心', role: '基层用户' },
    async (profile, page) => {
      await completeTour(profile, page, '一般');
      await passExam(profile, page);
    },
    ['answered', 'attempted', 'completed', 'passed'],
  );

  // The organisation's training manager: a 管理人员 profile under the same policy LRS.
  const manager = await launchManaged(
    policyFor({ account: 'chen', department: '办公室', role: '管理人员' }),
  );
  try {
    // Any page of this profile: a refused eval / new Function (MV3 CSP) is a console error.
    const cspErrors: string[] = [];
    manager.context.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(message.text()))
        cspErrors.push(message.text());
    });
    const options = await manager.openExtensionPage('options.html');
    const link = options.getByRole('link', { name: '培训管理（培训效果评估）' });
    await expect(link).toBeVisible({ timeout: 20_000 });
    // For a look at the link on the options page (test output folder).
    await link.screenshot({ path: test.info().outputPath('options-org-link.png') });
    const [org] = await Promise.all([manager.context.waitForEvent('page'), link.click()]);
    await org.waitForLoadState();
    expect(new URL(org.url()).pathname).toBe('/org.html');
    await expect(org.getByRole('heading', { level: 1 })).toContainText('培训效果评估报告');
    await org.getByTestId('org-load').click();
    await expect(org.getByTestId('org-summary')).toContainText('学员 3', { timeout: 30_000 });

    // The exam's run completes the tour too (one registration): it counts where the tour is on
    // the learner's checklist.
    const examOn = (role: string) => (CHECKLISTS[role]?.includes(EXAM.id) ? 1 : 0);
    const operators = CHECKLISTS['业务操作人员']!.length;
    const grassroots = CHECKLISTS['基层用户']!.length;
    const officeDone = examOn('业务操作人员');
    const infoDone = examOn('基层用户');
    // 办公室: wang (tour, 满意) and li (exam passed).
    await expect(cell(org, '办公室', 'checklist-completion')).toHaveText(
      shown(officeDone, 2 * operators, false),
    );
    await expect(cell(org, '办公室', 'practical-first')).toHaveText(shown(1, 1));
    await expect(cell(org, '办公室', 'practical-final')).toHaveText(shown(1, 1, true));
    await expect(cell(org, '办公室', 'satisfaction')).toHaveText(shown(1, 1, true));
    // 信息中心: zhao (tour, 一般; exam passed).
    await expect(cell(org, '信息中心', 'checklist-completion')).toHaveText(
      shown(infoDone, grassroots, false),
    );
    await expect(cell(org, '信息中心', 'practical-first')).toHaveText(shown(1, 1));
    await expect(cell(org, '信息中心', 'satisfaction')).toHaveText(shown(0, 1, false));
    // Nobody without a department: every statement carried the policy's.
    await expect(
      org.getByTestId('org-by-department').locator('tr[data-group="未注明"]'),
    ).toHaveCount(0);
    await expect(
      org.getByTestId('org-by-role').locator('tr[data-group="业务操作人员"] td').first(),
    ).toHaveText('2');
    await expect(
      org.getByTestId('org-by-role').locator('tr[data-group="基层用户"] td').first(),
    ).toHaveText('1');

    const { byDepartment: rows } = await exportOrgWorkbook(org);
    // Columns: department, learners, then (rate, count, met) per indicator.
    const office = rows.get('办公室')!;
    expect(office[1]).toBe(2);
    expect(office.slice(3, 5)).toEqual([`${officeDone}/${2 * operators}`, '未达标']);
    expect(office.slice(14, 17)).toEqual([1, '1/1', '达标']); // practical final
    expect(office.slice(17, 20)).toEqual([1, '1/1', '达标']); // satisfaction
    const info = rows.get('信息中心')!;
    expect(info[1]).toBe(1);
    expect(info.slice(3, 5)).toEqual([`${infoDone}/${grassroots}`, '未达标']);
    expect(info.slice(17, 20)).toEqual([0, '0/1', '未达标']);
    expect(rows.has('未注明')).toBe(false);
    // The export ran in the page under the extension's CSP: no eval / new Function refused.
    expect(cspErrors).toEqual([]);
  } finally {
    await manager.close();
  }
});
