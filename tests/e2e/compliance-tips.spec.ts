import type { Page, Worker } from '@playwright/test';
import { TEST_CLOCK_KEY } from '../../features/rules/background/test-clock';
import { expect, test } from './fixtures';
import { tipAcknowledgements } from './support/db';
import { chooseRole } from './support/learner';
import { logIn } from './support/sim';

const DAY = 86_400_000;
const CST = 8 * 3_600_000;
/** The next midnight in China time after now. */
const nextChinaMidnight = () => (Math.floor((Date.now() + CST) / DAY) + 1) * DAY - CST;

/** Moves the background's rules clock (test builds, features/rules/background/test-clock.ts) to `at`. */
async function setRulesClock(serviceWorker: Worker, at: number) {
  await serviceWorker.evaluate(
    async ([key, offset]) => {
      // Runs in the service worker, where `chrome` exists.
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      };
      await chrome.storage.local.set({ [key]: offset });
    },
    [TEST_CLOCK_KEY, at - Date.now()] as const,
  );
}

const tip = (page: Page, id: string) => page.locator(`[data-zhiyin-tip="${id}"]`);

/** Nothing shows: given the time the rules need to answer an action (no event to wait for). */
async function expectNoTip(page: Page, id: string) {
  await page.waitForTimeout(1500);
  await expect(tip(page, id)).toHaveCount(0);
}

test.describe('compliance tips: where, how often, and the records they leave', () => {
  test('不准泄露用户信息 on exporting a table with personal data only; once a day; 稍后提醒 holds across midnight; every response stored', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const midnight = nextChinaMidnight();
    await setRulesClock(serviceWorker, midnight - 30 * 60_000); // 23:30 China time
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/epidemic');
    await expect(page.getByRole('cell', { name: '320106199003074566' })).toBeVisible();

    // A table of counts holds no one's personal data: no tip.
    await page.getByRole('button', { name: '导出统计' }).click();
    await expectNoTip(page, 'no-data-leak-export');

    // The register holds ID card and mobile numbers.
    await page.getByRole('button', { name: '导出登记表' }).click();
    const card = tip(page, 'no-data-leak-export');
    await expect(card).toBeVisible();
    await expect(card).toContainText('不准泄露用户信息');
    await expect(card).toContainText('导出数据前请注意保密');
    // A warning may be snoozed but not switched off for good.
    await expect(card.getByRole('button', { name: '不再显示' })).toHaveCount(0);
    await card.getByRole('button', { name: '稍后提醒' }).click();
    await expect(card).toHaveCount(0);

    // 00:10 the next day: a new day, but the 1-hour snooze still holds.
    await setRulesClock(serviceWorker, midnight + 10 * 60_000);
    await page.getByRole('button', { name: '导出登记表' }).click();
    await expectNoTip(page, 'no-data-leak-export');

    // 00:40: the snooze is over.
    const acknowledgedAt = midnight + 40 * 60_000;
    await setRulesClock(serviceWorker, acknowledgedAt);
    await page.getByRole('button', { name: '导出登记表' }).click();
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: '我已知晓' }).click();
    await expect(card).toHaveCount(0);

    // Once a day: not again today…
    await setRulesClock(serviceWorker, midnight + 2 * 3_600_000);
    await page.getByRole('button', { name: '导出登记表' }).click();
    await expectNoTip(page, 'no-data-leak-export');
    // …but again the next day.
    await setRulesClock(serviceWorker, midnight + DAY + 9 * 3_600_000);
    await page.getByRole('button', { name: '导出登记表' }).click();
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: '我已知晓' }).click();

    // 必须留存操作记录: who, which tip, which content version, when, which page, what action.
    // Written by the background after each click: wait for all three.
    const extensionPage = await openExtensionPage('options.html');
    const exportRecords = async () =>
      (await tipAcknowledgements(extensionPage)).filter(
        (record) => record.tipId === 'no-data-leak-export',
      );
    await expect
      .poll(async () => (await exportRecords()).map((record) => record.response))
      .toEqual(['snooze', 'acknowledge', 'acknowledge']);
    const records = await exportRecords();
    for (const record of records) {
      expect(record).toMatchObject({
        contentVersion: 1,
        role: '基层用户',
        action: 'export',
        actionDetail: '导出登记表',
      });
      expect(record.url).toContain('/grassroots.html#/epidemic');
    }
    // "When" is the rules clock: the acknowledgement after the snooze is at 00:40 China time.
    expect(Math.abs((records[1]?.at ?? 0) - acknowledgedAt)).toBeLessThan(60_000);
  });

  test('不准泄露用户信息 on copying table rows with ID or mobile numbers, not a table of counts', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/epidemic');
    /** Selects the text of a table row (by a cell's text) and copies it with the keyboard. */
    const copyRow = async (cellText: string) => {
      await page.evaluate((text) => {
        const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === text);
        const row = cell?.closest('tr');
        if (!row) throw new Error(`no row with ${text}`);
        const range = document.createRange();
        range.selectNodeContents(row);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }, cellText);
      await page.keyboard.press('Control+C');
    };
    const card = tip(page, 'no-data-leak-copy');
    await expect(page.getByRole('cell', { name: '320106199003074566' })).toBeVisible();
    // Wait until the rules watch the page: the guards attach to the form at the same time.
    await expect(async () => {
      await page.getByLabel('身份证号', { exact: true }).fill('123');
      await page.getByLabel('身份证号', { exact: true }).press('Tab');
      await expect(page.locator('[data-zhiyin-guard="epidemic-id-card"]')).toBeVisible({
        timeout: 1000,
      });
    }).toPass();

    // A row of the statistics table: counts only.
    await copyRow('其他症状');
    await expectNoTip(page, 'no-data-leak-copy');

    // A row of the register: an ID card and a mobile number.
    await copyRow('赵小梅');
    await expect(card).toBeVisible();
    await expect(card).toContainText('不准泄露用户信息');
    await expect(card).toContainText('身份证号或手机号');
    await card.getByRole('button', { name: '我已知晓' }).click();
    const extensionPage = await openExtensionPage('options.html');
    await expect
      .poll(async () =>
        (await tipAcknowledgements(extensionPage))
          .filter((record) => record.tipId === 'no-data-leak-copy')
          .map((record) => [record.action, record.actionDetail]),
      )
      .toEqual([['copy', 'idCard,mobile']]);
  });

  test('不准泄露用户信息 on a copy on a page without rules of its own (rules.js loaded by that copy)', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    // 数据分析 has no guard, marker or tip of its own: only the rules for every page apply, which
    // content.js watches itself until the first copy.
    await logIn(page, 'xiangzhen', 'analytics.html#/dashboard');
    await page.evaluate(() => {
      const table = document.createElement('table');
      table.innerHTML =
        '<tbody><tr><td>王五</td><td>110101199003071234</td><td>13800138000</td></tr></tbody>';
      document.body.append(table);
    });
    const card = tip(page, 'no-data-leak-copy');
    // The content script's hello is answered by now (no event to wait for); one copy only, so the
    // tip can only come from that very copy being handed to rules.js once it is loaded.
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('body > table tr')!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await page.keyboard.press('Control+C');
    await expect(card).toBeVisible();
    await expect(card).toContainText('身份证号或手机号');
  });

  test('不准越权操作 when the system answers 无权限访问, not on pages the account may use', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage, '基层用户');
    const page = await context.newPage();
    await logIn(page, 'xiangzhen', 'grassroots.html#/epidemic');
    await expect(page.getByRole('heading', { name: '疫情防控信息登记' })).toBeVisible();
    await expectNoTip(page, 'no-overreach');

    // A direct link beyond a 普通用户's level: the page refuses, the tip explains why and how to apply.
    await page.goto('/admin.html#/system/users');
    await expect(page.getByText('无权限访问').first()).toBeVisible();
    const card = tip(page, 'no-overreach');
    // 不准修改系统配置 (critical) may come first on 系统管理; answer it to reach the next tip.
    await expect(async () => {
      const critical = tip(page, 'no-config-change');
      if (await critical.isVisible())
        await critical.getByRole('button', { name: '我已知晓' }).click();
      await expect(card).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(card).toContainText('不准越权操作');
    await expect(card).toContainText('提交申请表—部门审核—系统配置');
    await card.getByRole('button', { name: '我已知晓' }).click();
    await expect(card).toHaveCount(0);
  });

  test('上报数据须真实准确 once a day until 不再显示; a critical tip cannot be switched off', async ({
    context,
    serviceWorker,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage);
    const start = nextChinaMidnight() + 9 * 3_600_000;
    await setRulesClock(serviceWorker, start);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'report.html#/fill');
    const submit = page.getByRole('button', { name: '提交审核' });
    const card = tip(page, 'report-accuracy');
    await expect(async () => {
      await submit.click();
      await expect(card).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(card).toContainText('不得篡改');
    await card.getByRole('button', { name: '我已知晓' }).click();

    // The next day it comes back; 不再显示 switches it off for this content version.
    await setRulesClock(serviceWorker, start + DAY);
    await submit.click();
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: '不再显示' }).click();
    await expect(card).toHaveCount(0);
    await setRulesClock(serviceWorker, start + 2 * DAY);
    await submit.click();
    await expectNoTip(page, 'report-accuracy');

    const extensionPage = await openExtensionPage('options.html');
    const reportRecords = async () =>
      (await tipAcknowledgements(extensionPage)).filter(
        (record) => record.tipId === 'report-accuracy',
      );
    await expect
      .poll(async () => (await reportRecords()).map((record) => record.response))
      .toEqual(['acknowledge', 'dismiss']);
    const records = await reportRecords();
    expect(records[1]).toMatchObject({ role: '业务操作人员', action: 'submit' });

    // 不准修改系统配置 is critical: acknowledge only, never 不再显示 or 稍后提醒.
    await page.goto('/admin.html#/system/flows');
    const critical = tip(page, 'no-config-change');
    await expect(critical).toBeVisible();
    await expect(critical.getByRole('button', { name: '不再显示' })).toHaveCount(0);
    await expect(critical.getByRole('button', { name: '稍后提醒' })).toHaveCount(0);
  });

  test('the report deadline countdown follows the sim’s clock (window.simClock), not the browser’s', async ({
    context,
    openExtensionPage,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'report.html#/fill');
    const hint = page.locator('[data-zhiyin-guard="report-deadline"]');
    await expect(hint).toBeVisible();
    await expect(hint).not.toContainText('已过');
    // Move the sim's clock a year on: the page shows 已截止 and the guard agrees at once.
    await page.evaluate(() => window.simClock.advance(366 * 86_400_000));
    await expect(page.getByTestId('report-deadline')).toContainText('已截止');
    await expect(hint).toContainText('上报截止时间已过');
    await expect(hint).toHaveAttribute('data-level', 'warning');
    // Back to real time: the countdown returns.
    await page.evaluate(() => window.simClock.reset());
    await expect(hint).not.toContainText('已过');
  });
});
