/**
 * 培训管理 end to end: statements of three learners reach a real local LRS (Learning Locker's
 * xapi-statements, in memory, started here) — two posted as their browsers would send them (built
 * by the project's statement builders with a department and role), one made by a real learner who
 * chose a role and finished a tour on the sim with the built extension — and the 培训管理 page
 * reads them back through the statements API and shows the right figures per department; its
 * Excel export opens (parsed back here) with the same figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import type { PracticalScore } from '../../features/exam/scoring';
import type { WrittenScore } from '../../features/quiz/grading';
import { createStatementFactory } from '../../features/xapi/statements';
import type { XapiStatement } from '../../features/xapi/types';
import { tourIri } from '../../features/xapi/vocabulary';
import type { LocalLrs, StoredStatement } from '../support/lrs';
import { LOCAL_LRS_AUTH, freePort, startLocalLrs } from '../support/lrs';
import { expect, test } from './fixtures';
import {
  acknowledgeFirstRunTips,
  answerSurvey,
  startTourFromPopup,
  walkMultipageTour,
  welcomeAs,
} from './support/learner';
import { exportOrgWorkbook } from './support/org-export';

const CHECKLISTS = parse(
  readFileSync(resolve(import.meta.dirname, '../../tours/checklists.yaml'), 'utf8'),
) as Record<string, string[]>;
const OPERATORS = CHECKLISTS['业务操作人员']!;
const MANAGERS = CHECKLISTS['管理人员']!;
const TOUR_TITLE = '引擎测试：跨页面引导';

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

const practical = (total: number): PracticalScore => ({
  stepScore: 40,
  timeScore: 30,
  accuracyScore: Math.max(0, total - 70),
  total,
  passed: total >= 80,
  finished: true,
  timedOut: false,
  accuracyApplicable: true,
  elapsedMs: 120_000,
  perStep: [],
  remedialStepIds: total >= 80 ? [] : ['fill-title'],
});
const written = (total: number): WrittenScore => ({
  choiceScore: total * 0.6,
  shortAnswerScore: total * 0.4,
  pending: false,
  total,
  passed: total >= 80,
  questions: [],
});

/**
 * Two learners of 办公室 and one of 信息中心, as their browsers send them (department from the
 * policy identity, role from the profile):
 * - wang (办公室, 业务操作人员): the whole checklist, written test passed, practical exam failed
 *   then passed (remedial done), 非常满意;
 * - li (办公室, 业务操作人员): 3 checklist tours, written test failed and nothing since, 一般;
 * - zhao (信息中心, 管理人员): the whole checklist, practical passed, 满意.
 */
function postedStatements(): XapiStatement[] {
  const start = Date.now() - 3 * 86_400_000;
  const at = (minutes: number) => start + minutes * 60_000;
  const learner = (account: string, department: string, role: string) =>
    createStatementFactory({
      homePage: 'https://oa.example.gov.cn',
      accountName: account,
      department,
      role,
    });
  const tour = (id: string) => ({ tourId: id, tourTitle: id });
  const wang = learner('wang', '办公室', '业务操作人员');
  const li = learner('li', '办公室', '业务操作人员');
  const zhao = learner('zhao', '信息中心', '管理人员');
  const quiz = { quizId: 'anquan', quizTitle: '安全防护模块知识测验' };
  const satisfaction = (response: string, tourId: string) => ({
    surveyId: 'satisfaction',
    surveyTitle: '培训满意度调查',
    response,
    about: { objectType: 'Activity' as const, id: tourIri('https://zhiyin.example/xapi/', tourId) },
  });
  return [
    ...OPERATORS.map((id, i) => wang.tourCompleted({ ...tour(id), durationMs: 60_000, at: at(i) })),
    wang.writtenTestAssessed({ ...quiz, score: written(90), at: at(20) }),
    wang.practicalAssessed({ ...tour(OPERATORS[2]!), score: practical(70), at: at(30) }),
    wang.practicalAssessed({ ...tour(OPERATORS[2]!), score: practical(86), at: at(90) }),
    wang.surveyAnswered({ ...satisfaction('非常满意', OPERATORS[2]!), at: at(91) }),
    ...OPERATORS.slice(0, 3).map((id, i) =>
      li.tourCompleted({ ...tour(id), durationMs: 60_000, at: at(i) }),
    ),
    li.writtenTestAssessed({ ...quiz, score: written(60), at: at(25) }),
    li.surveyAnswered({ ...satisfaction('一般', OPERATORS[0]!), at: at(26) }),
    ...MANAGERS.map((id, i) => zhao.tourCompleted({ ...tour(id), durationMs: 60_000, at: at(i) })),
    zhao.practicalAssessed({ ...tour(MANAGERS[4]!), score: practical(92), at: at(40) }),
    zhao.surveyAnswered({ ...satisfaction('满意', MANAGERS[4]!), at: at(41) }),
  ];
}

async function post(statements: XapiStatement[]) {
  const response = await fetch(`http://127.0.0.1:${port}/xAPI/statements`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
      Authorization: `Basic ${Buffer.from(`${LOCAL_LRS_AUTH.key}:${LOCAL_LRS_AUTH.secret}`).toString('base64')}`,
    },
    body: JSON.stringify(statements),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** 管理员设置 → 学习记录库, as an administrator would. */
async function configureLrs(options: Page) {
  const form = options.getByRole('form', { name: '学习记录库（xAPI）' });
  await form.getByLabel('xAPI 地址').fill(`http://127.0.0.1:${port}/xAPI/`);
  await form.getByLabel('密钥（Key）').fill(LOCAL_LRS_AUTH.key);
  await form.getByLabel('密码（Secret）').fill(LOCAL_LRS_AUTH.secret);
  await form.getByRole('button', { name: '保存学习记录库设置' }).click();
  await expect(options.getByTestId('lrs-message')).toHaveText('学习记录库设置已保存');
}

/** A real learner: chooses 业务操作人员, finishes the fixture tour, answers 满意. */
async function realLearner(
  page: Page,
  openExtensionPage: (path: string) => Promise<Page>,
  tabIdOf: (page: Page) => Promise<number>,
) {
  await welcomeAs(page);
  await acknowledgeFirstRunTips(page);
  await page.goto('/login.html');
  await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TOUR_TITLE);
  await walkMultipageTour(page);
  await answerSurvey(page, { rating: '满意' });
}

const cell = (page: Page, table: string, group: string, indicator: string) =>
  page.getByTestId(table).locator(`tr[data-group="${group}"] td[data-indicator="${indicator}"]`);

test('培训管理 shows the per-department figures from the LRS, and the Excel export has them', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await post(postedStatements());
  const options = await openExtensionPage('options.html');
  await configureLrs(options);
  const page = await context.newPage();
  await realLearner(page, openExtensionPage, tabIdOf);
  // The real learner's completion and survey reached the LRS, with the role they chose (the sim's
  // origin is their account's home page; the posted learners are on oa.example.gov.cn).
  const fromSim = (s: StoredStatement) =>
    JSON.stringify(s.actor).includes(`"homePage":"http://127.0.0.1:`);
  await expect
    .poll(
      async () =>
        (await lrs!.statements())
          .filter(fromSim)
          .filter((s) => JSON.stringify(s.context).includes('"业务操作人员"'))
          .map((s) => (s.verb as { id: string }).id.split('/').pop())
          .filter((verb) => verb === 'completed' || verb === 'answered')
          .sort(),
      { timeout: 30_000 },
    )
    .toEqual(['answered', 'completed']);

  const org = await openExtensionPage('org.html');
  await expect(org.getByRole('heading', { level: 1 })).toContainText('培训效果评估报告');
  await expect(org.getByRole('checkbox', { name: /使用管理员配置的学习记录库凭据/ })).toBeChecked();
  await org.getByTestId('org-load').click();
  await expect(org.getByTestId('org-summary')).toContainText('学员 4', { timeout: 20_000 });

  const dept = 'org-by-department';
  // 办公室: wang 7/7 + li 3/7 checklist tours; written 1 of 2 first time and finally; practical
  // failed first, passed after; 非常满意 + 一般.
  const n = OPERATORS.length;
  const officeChecklist = `${Math.round(((n + 3) / (2 * n)) * 1000) / 10}% (${n + 3}/${2 * n})`;
  await expect(cell(org, dept, '办公室', 'checklist-completion')).toHaveText(
    `✗ ${officeChecklist}`,
  );
  await expect(cell(org, dept, '办公室', 'written-first')).toHaveText('50% (1/2)');
  await expect(cell(org, dept, '办公室', 'written-final')).toHaveText('✗ 50% (1/2)');
  await expect(cell(org, dept, '办公室', 'practical-first')).toHaveText('0% (0/1)');
  await expect(cell(org, dept, '办公室', 'practical-final')).toHaveText('✓ 100% (1/1)');
  await expect(cell(org, dept, '办公室', 'satisfaction')).toHaveText('✗ 50% (1/2)');
  // 信息中心: zhao's whole checklist, practical passed, 满意.
  const m = MANAGERS.length;
  await expect(cell(org, dept, '信息中心', 'checklist-completion')).toHaveText(
    `✓ 100% (${m}/${m})`,
  );
  await expect(cell(org, dept, '信息中心', 'practical-first')).toHaveText('100% (1/1)');
  await expect(cell(org, dept, '信息中心', 'satisfaction')).toHaveText('✓ 100% (1/1)');
  // The sim learner: no department in a policy here (未注明); role 业务操作人员 from the welcome
  // card, so the operators' checklist, none of it done (the fixture tour is not on it); 满意.
  await expect(cell(org, dept, '未注明', 'checklist-completion')).toHaveText(`✗ 0% (0/${n})`);
  await expect(cell(org, dept, '未注明', 'satisfaction')).toHaveText('✓ 100% (1/1)');
  await expect(
    org.getByTestId('org-by-role').locator('tr[data-group="业务操作人员"] td').first(),
  ).toHaveText('3');
  // The remedial list: li's written test (not retrained yet) and wang's exam (passed after).
  const remedial = org.getByTestId('org-remedial');
  await expect(remedial.locator('tbody tr')).toHaveCount(2);
  await expect(remedial.locator('tbody tr', { hasText: 'li' })).toContainText('尚未补训');
  await expect(remedial.locator('tbody tr', { hasText: 'wang' })).toContainText('补训后已通过');
  await expect(org.getByTestId('org-trend').locator('svg')).toBeVisible();
  // For a look at the page and its printout (test output folder).
  await org.screenshot({ path: test.info().outputPath('org.png'), fullPage: true });
  await org.emulateMedia({ media: 'print' });
  await expect(org.getByTestId('org-load')).toBeHidden();
  await org.screenshot({ path: test.info().outputPath('org-print.png'), fullPage: true });
  await org.emulateMedia({ media: 'screen' });

  const { workbook, byDepartment: rows } = await exportOrgWorkbook(org);
  // Columns: department, learners, then (rate, count, met) per indicator.
  const office = rows.get('办公室')!;
  expect(office[1]).toBe(2);
  expect(office[2]).toBeCloseTo((n + 3) / (2 * n), 6);
  expect(office.slice(3, 5)).toEqual([`${n + 3}/${2 * n}`, '未达标']);
  expect(office.slice(14, 17)).toEqual([1, '1/1', '达标']); // practical final
  expect(office.slice(17, 20)).toEqual([0.5, '1/2', '未达标']); // satisfaction
  const info = rows.get('信息中心')!;
  expect(info.slice(2, 5)).toEqual([1, `${m}/${m}`, '达标']);
  const unspecified = rows.get('未注明')!;
  expect(unspecified.slice(2, 5)).toEqual([0, `0/${n}`, '未达标']);
  const remedialSheet = workbook.getWorksheet('补训名单')!;
  expect(remedialSheet.rowCount).toBe(3);
});
