/**
 * Problem reporting from the toolbar popup, end to end: the options page's 管理员设置 points the
 * extension at a real local receiver (tests/support/report-receiver.ts), the popup's form submits,
 * and what arrives is checked — scrubbed, exactly once, failures shown with their reason.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startReportReceiver, type ReportReceiver } from '../support/report-receiver';
import { expect, test } from './fixtures';
import { chooseRole } from './support/learner';

const SHOTS = 'output/popup-screens';
const ID_CARD = '110105199001011234';
const MOBILE = '13812345678';
const DESCRIPTION = `上传附件时一直转圈，我的身份证号 ${ID_CARD}，电话 ${MOBILE}，请回电。`;

type OpenExtensionPage = (path: string) => Promise<Page>;

let receiver: ReportReceiver | undefined;
test.afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

/**
 * Sets the report endpoint on the options page, as an administrator does, and waits until the
 * page shows it in force (or, for `refused`, the reason it is not).
 */
async function configureEndpoint(
  openExtensionPage: OpenExtensionPage,
  url: string,
  token: string,
  outcome: 'saved' | 'refused' = 'saved',
) {
  const options = await openExtensionPage('options.html');
  const admin = options.getByRole('region', { name: '管理员设置' });
  await admin.getByLabel('报告接收地址（HTTPS）').fill(url);
  await admin.getByLabel('访问令牌').fill(token);
  await admin.getByRole('button', { name: '保存管理员设置' }).click();
  if (outcome === 'saved') {
    await expect(admin.getByRole('status')).toHaveText('管理员设置已保存');
    await expect(admin.getByTestId('admin-current')).toContainText(url);
    await expect(admin.getByTestId('admin-problems')).toHaveCount(0);
  } else {
    await expect(admin.getByTestId('admin-problems')).toBeVisible();
    await expect(admin.getByRole('status')).toHaveText('');
  }
  return { options, admin };
}

/** Opens the popup about the sim page and submits a report from its 报告问题 tab. */
async function submitReport(
  openExtensionPage: OpenExtensionPage,
  tabId: number,
  category: string,
  description: string,
  screenshot?: string,
): Promise<Page> {
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.getByRole('tab', { name: '报告问题' }).click();
  await popup.getByLabel('问题类型').selectOption({ label: category });
  await popup.getByLabel('问题描述').fill(description);
  if (screenshot) await popup.locator('main').screenshot({ path: screenshot });
  await popup.getByRole('button', { name: '提交报告' }).click();
  await expect(popup.getByTestId('report-done')).toContainText('报告已');
  await popup.getByRole('tab', { name: '我的报告' }).click();
  return popup;
}

const firstReport = (popup: Page) => popup.getByTestId('my-reports').locator('li').first();

test.describe('popup problem reports', () => {
  test('without an endpoint a report stays on this computer and exports as a JSON file', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await page.goto('/login.html');
    const tabId = await tabIdOf(page);

    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('tab', { name: '报告问题' }).click();
    await expect(popup.getByTestId('report-destination')).toContainText(
      '报告只保存在这台电脑上，可在“我的报告”中导出为文件',
    );
    // The preview tells what will be hidden while the learner types.
    await popup.getByLabel('问题描述').fill(DESCRIPTION);
    const preview = popup.getByTestId('scrub-preview');
    await expect(preview).toContainText('提交前将隐去 2 处个人信息（身份证号 1 处、手机号 1 处）');
    await expect(preview.locator('blockquote')).toHaveText(
      '上传附件时一直转圈，我的身份证号 [身份证号]，电话 [手机号]，请回电。',
    );
    await expect(popup.getByRole('group').filter({ hasText: '自动附带的信息' })).toContainText(
      '页面地址（已去掉参数和令牌）',
    );
    await popup.locator('main').screenshot({ path: `${SHOTS}/report-form.png` });
    await popup.getByRole('button', { name: '提交报告' }).click();
    await expect(popup.getByTestId('report-done')).toContainText('报告已保存在本机');

    await popup.getByRole('tab', { name: '我的报告' }).click();
    const item = firstReport(popup);
    await expect(item).toContainText('仅保存在本机');
    await expect(item).toContainText('管理员未配置接收地址，可导出为文件后通过其他方式发送');
    await expect(item).not.toContainText(ID_CARD);

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      item.getByRole('button', { name: /^导出：/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^zhiyin-reports-.*\.json$/);
    const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      format: string;
      reports: { category: string; description: string; context: { page: { url: string } } }[];
    };
    expect(file.format).toBe('zhiyin.problem-reports');
    expect(file.reports).toHaveLength(1);
    expect(file.reports[0]?.category).toBe('other');
    expect(file.reports[0]?.description).toContain('[身份证号]');
    expect(file.reports[0]?.description).not.toContain(ID_CARD);
    expect(file.reports[0]?.context.page.url).toContain('/login.html');
    await expect(popup.getByRole('status').filter({ hasText: '已导出 1 条报告' })).toBeVisible();

    // 删除 asks once more, then the report is gone.
    await item.getByRole('button', { name: /^删除：/ }).click();
    await item.getByRole('button', { name: /^确认删除：/ }).click();
    await expect(popup.getByText('还没有报告。')).toBeVisible();
  });

  test('with an endpoint the report arrives at the receiver scrubbed; http to another host is refused', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    receiver = await startReportReceiver({ token: 'e2e-token' });
    // An administrator's mistake first: plain http across the network is refused with the reason.
    const { admin } = await configureEndpoint(
      openExtensionPage,
      'http://reports.example.gov.cn/zhiyin',
      'x',
      'refused',
    );
    await expect(admin.getByTestId('admin-problems')).toContainText('接收地址必须使用 HTTPS');
    await expect(admin.getByTestId('admin-current')).toContainText('未配置');
    await admin.screenshot({ path: `${SHOTS}/options-admin-refused.png` });
    await configureEndpoint(openExtensionPage, receiver.url, receiver.token);

    const page = await context.newPage();
    await page.goto('/login.html?redirect=index.html&ticket=SECRET-TICKET-123');
    const popup = await submitReport(
      openExtensionPage,
      await tabIdOf(page),
      '附件上传失败',
      DESCRIPTION,
    );
    await expect(firstReport(popup)).toContainText('已发送');
    await popup.locator('main').screenshot({ path: `${SHOTS}/my-reports.png` });

    expect(receiver.stored.size).toBe(1);
    const [report] = [...receiver.stored.values()];
    expect(report?.category).toBe('attachment-upload-failed');
    expect(report?.description).toBe(
      '上传附件时一直转圈，我的身份证号 [身份证号]，电话 [手机号]，请回电。',
    );
    expect(report?.redactions).toEqual({ idCard: 1, mobile: 1 });
    expect(report?.context.page.url).toContain('/login.html?redirect=&ticket=');
    expect(JSON.stringify(report)).not.toContain('SECRET-TICKET-123');
    expect(report?.context.browser.name).toBeTruthy();
  });

  test('a screenshot with the password covered goes with the report; a dropped one does not', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    receiver = await startReportReceiver({ token: 'e2e-token' });
    await configureEndpoint(openExtensionPage, receiver.url, receiver.token);
    const page = await context.newPage();
    await page.goto('/login.html');
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    const tabId = await tabIdOf(page);

    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('tab', { name: '报告问题' }).click();
    await popup.getByLabel('问题描述').fill('登录按钮点了没反应');
    const shot = popup.getByTestId('report-screenshot');
    await shot.getByRole('button', { name: /附带本页截图/ }).click();
    await expect(shot.getByRole('img', { name: '将随报告发送的页面截图' })).toBeVisible();
    await expect(shot).toContainText('已遮盖 1 处');
    await popup.getByRole('button', { name: '提交报告' }).click();
    await expect(popup.getByTestId('report-done')).toContainText('报告已');

    // The learner looks at the screenshot and decides not to send it this time.
    await popup.getByLabel('问题描述').fill('第二次：仍然没反应');
    await shot.getByRole('button', { name: /附带本页截图/ }).click();
    await shot.getByRole('button', { name: '不附带截图' }).click();
    await expect(shot.getByRole('img')).toHaveCount(0);
    await popup.getByRole('button', { name: '提交报告' }).click();
    await expect(popup.getByTestId('report-done')).toContainText('报告已');

    await expect.poll(() => receiver?.stored.size).toBe(2);
    const reports = [...(receiver?.stored.values() ?? [])];
    const withShot = reports.find((report) => report.description.includes('点了没反应'));
    const without = reports.find((report) => report.description.includes('第二次'));
    expect(withShot?.screenshot?.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(withShot?.screenshot?.maskedRegions).toBe(1);
    expect(without?.screenshot ?? null).toBeNull();
  });

  test('reports made while the receiver is down arrive exactly once after it comes back', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    // Waits for the outbox's own retry alarm (first backoff 15–30 s).
    test.setTimeout(150_000);
    receiver = await startReportReceiver({ token: 'e2e-token' });
    await configureEndpoint(openExtensionPage, receiver.url, receiver.token);
    await receiver.stop();

    const page = await context.newPage();
    await page.goto('/login.html');
    const popup = await submitReport(
      openExtensionPage,
      await tabIdOf(page),
      '系统卡顿',
      '提交按钮点了没有反应',
    );
    const item = firstReport(popup);
    await expect(item).toContainText('等待发送');
    await expect(item.getByTestId('report-detail')).toContainText('自动重试');

    await receiver.start();
    await expect(item).toContainText('已发送', { timeout: 90_000 });
    const id = await item.getAttribute('data-report-id');
    expect([...receiver.stored.keys()]).toEqual([id]);
    expect(receiver.requests.filter((request) => request.key === id)).toEqual([
      { key: id, answer: 201, duplicate: false },
    ]);
  });

  test('a 4xx answer shows as failed with its reason, and 重新发送 delivers it', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    receiver = await startReportReceiver({ token: 'e2e-token' });
    await configureEndpoint(openExtensionPage, receiver.url, receiver.token);
    receiver.failNext({ kind: 'status', status: 422, message: '缺少单位编码' });

    const page = await context.newPage();
    await page.goto('/login.html');
    const popup = await submitReport(
      openExtensionPage,
      await tabIdOf(page),
      '登录失败',
      '输入正确密码也提示账号锁定',
    );
    const item = firstReport(popup);
    await expect(item).toContainText('发送失败');
    await expect(item.getByTestId('report-detail')).toContainText('422');
    await expect(item.getByTestId('report-detail')).toContainText('缺少单位编码');
    await popup.locator('main').screenshot({ path: `${SHOTS}/my-reports-failed.png` });
    expect(receiver.stored.size).toBe(0);

    await item.getByRole('button', { name: /^重新发送：/ }).click();
    await expect(item).toContainText('已发送');
    expect(receiver.stored.size).toBe(1);
  });
});
