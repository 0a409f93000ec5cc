/**
 * Old-style addresses (issue 10): older Chinese systems put GBK bytes in their URLs
 * (`/files/%D5%C5%C8%FD.html` is 张三 in GBK). Such escapes are not UTF-8, and
 * `decodeURIComponent` used to throw on them, so the page was never recorded, no tour started and
 * a report from that tab failed. Here the whole path works on such a page.
 */
import type { ActivityRecord } from '../../features/progress/records';
import { expect, test } from './fixtures';
import { readStore } from './support/db';
import { chooseRole, stepCard } from './support/learner';

const GBK_PATH = '/__e2e/files/%D5%C5%C8%FD.html';

test('a page at a GBK-escaped address is recorded, gets its tour and can be reported', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  const response = await page.goto(GBK_PATH);
  // The sim server itself serves the page (it answered 400 to such paths before).
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: '人员档案' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(GBK_PATH);

  // The tour that applies to /__e2e/files/* starts on the first visit.
  await expect(stepCard(page, 'e2e-legacy-address', 0)).toBeVisible();

  // The visit is recorded, with the address as written.
  const extensionPage = await openExtensionPage('options.html');
  await expect
    .poll(async () =>
      (await readStore<ActivityRecord>(extensionPage, 'activity'))
        .filter((record) => record.type === 'page-visited')
        .map((record) => record.url),
    )
    .toContain(`${new URL(page.url()).origin}${GBK_PATH}`);

  // A problem report from that tab is created and carries the page address.
  const tabId = await tabIdOf(page);
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('tab', { name: '报告问题' }).click();
  await popup.getByLabel('问题类型').selectOption({ index: 1 });
  await popup.getByLabel('问题描述').fill('旧系统页面打不开附件。');
  await popup.getByRole('button', { name: '提交报告' }).click();
  await expect(popup.getByTestId('report-done')).toContainText('报告已');
  await popup.getByRole('tab', { name: '我的报告' }).click();
  await expect(popup.getByTestId('my-reports').locator('li')).toHaveCount(1);
  const reports = await readStore<unknown>(extensionPage, 'reportOutbox');
  expect(JSON.stringify(reports)).toContain('%D5%C5%C8%FD.html');
});
