import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, UNRELATED_HOST } from './fixtures';
import { chooseRole } from './support/learner';
import { sendFromExtensionPage } from './support/messages';

/** Mean brightness (0–255) of the screenshot inside `locator`'s box (decoded in the extension page). */
async function brightnessUnder(
  extensionPage: Page,
  dataUrl: string,
  locator: Locator,
): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return extensionPage.evaluate(
    async ({ dataUrl, box }) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return -1;
      context.drawImage(image, 0, 0);
      const inset = 3;
      const data = context.getImageData(
        box.x + inset,
        box.y + inset,
        box.width - 2 * inset,
        box.height - 2 * inset,
      ).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4)
        sum += ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
      return sum / (data.length / 4);
    },
    { dataUrl, box },
  );
}

function save(dataUrl: string, name: string) {
  writeFileSync(`/tmp/${name}.jpg`, Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
}

test.describe('report screenshots cover personal data before the capture', () => {
  test.beforeEach(async ({ openExtensionPage }) => {
    await chooseRole(openExtensionPage);
  });

  test('the password on the sim login page is covered, the account name is not', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    const tabId = await tabIdOf(page);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', { tabId });
    if (!shot.ok) throw new Error(shot.reason);
    save(shot.dataUrl, 'screenshot-login');
    expect(shot.masked).toBeGreaterThanOrEqual(1);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByRole('textbox', { name: '密码' })),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByRole('textbox', { name: '账号' })),
    ).toBeGreaterThan(150);
    // The covers are gone from the page afterwards.
    await expect(page.locator('[data-zhiyin-mask]')).toHaveCount(0);
  });

  test('ID card and phone numbers typed into the business-licence form are covered', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto(`/login.html?redirect=${encodeURIComponent('service.html#/apply')}`);
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/service\.html/);
    await page.getByLabel('已核对申请人身份证件原件，人证一致').check();
    await page.getByRole('button', { name: '接收申请' }).click();
    for (const material of ['申请书', '法定代表人身份证明', '住所使用证明', '公司章程']) {
      await page.getByLabel(material).check();
    }
    await page.getByRole('button', { name: '系统校验材料' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('企业名称').fill('河西博远科技有限公司');
    await page.getByLabel('法人身份证号').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13812345678');

    const tabId = await tabIdOf(page);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', { tabId });
    if (!shot.ok) throw new Error(shot.reason);
    save(shot.dataUrl, 'screenshot-application');
    expect(shot.masked).toBeGreaterThanOrEqual(2);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('法人身份证号')),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('联系电话')),
    ).toBeLessThan(80);
    expect(
      await brightnessUnder(extension, shot.dataUrl, page.getByLabel('企业名称')),
    ).toBeGreaterThan(150);
  });

  test('no screenshot where Zhiyin does not run (nothing could be covered there)', async ({
    context,
    openExtensionPage,
    tabIdOf,
    baseURL,
  }) => {
    const port = new URL(baseURL ?? 'http://127.0.0.1:4173').port;
    const page = await context.newPage();
    await page.goto(`http://${UNRELATED_HOST}:${port}/login.html`);
    const extension = await openExtensionPage('options.html');
    const shot = await sendFromExtensionPage(extension, 'page:captureScreenshot', {
      tabId: await tabIdOf(page),
    });
    expect(shot).toEqual({
      ok: false,
      reason: '指引未在该页面运行，无法遮盖个人信息，因此不截图。',
    });
  });
});
