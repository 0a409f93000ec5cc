/**
 * The popup's help center on the sim: one search box over help articles and tours (Chinese,
 * pinyin, initials, synonyms), the current page's items first, articles opened in the popup and
 * tours started from a result; searches that found nothing reach the options page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { logIn } from './content/support';
import { expect, test } from './fixtures';
import { chooseRole, stepCard } from './support/learner';

/** Screenshots of the popup for people to look at (output/ is not committed). */
const SHOTS = 'output/popup-screens';

async function openPopup(
  openExtensionPage: (path: string) => Promise<Page>,
  tabId: number,
): Promise<Page> {
  const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
  // The index is built once per popup open; its build time is exposed for the record.
  await expect(popup.locator('[data-index-ms]')).toBeVisible();
  return popup;
}

const search = (popup: Page) => popup.getByRole('searchbox', { name: '搜索帮助和引导' });
const hits = (popup: Page, group: 'results-here' | 'results-other') =>
  popup.getByTestId(group).locator('li');

test.describe('popup help search', () => {
  test('finds articles by Chinese words, pinyin, initials and synonyms, current page first', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/docs/new');
    await page.waitForURL(/#\/docs\/new/);
    const popup = await openPopup(openExtensionPage, await tabIdOf(page));
    console.info(
      `help index built in the popup in ${await popup.locator('[data-index-ms]').getAttribute('data-index-ms')} ms`,
    );

    // Empty query: what applies to this page (articles from index.forPage, tours from the list).
    await expect(popup.getByTestId('articles-here')).toContainText('附件上传失败怎么办');
    await expect(popup.getByTestId('tours-here')).toContainText('新建公文并提交审核');
    await popup.locator('main').screenshot({ path: `${SHOTS}/help-empty.png` });

    // Chinese words: the FAQ answer is the first hit, on this page, with the words marked.
    await search(popup).fill('附件上传失败');
    const first = hits(popup, 'results-here').first();
    await expect(first).toContainText('附件上传失败怎么办');
    await expect(first.locator('mark').first()).toBeVisible();
    expect(await first.locator('.zy-hit-title mark').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/附件|上传|失败/)]),
    );

    // Full pinyin and initials find the 公文 content, marking the Chinese they matched.
    await search(popup).fill('gongwen');
    await expect(popup.getByTestId('help-results')).toContainText('新建公文并提交审核');
    await expect(
      popup.getByTestId('help-results').locator('mark', { hasText: '公文' }).first(),
    ).toBeVisible();
    await popup.locator('main').screenshot({ path: `${SHOTS}/help-results-pinyin.png` });
    await search(popup).fill('gw');
    await expect(popup.getByTestId('help-results')).toContainText('公文');
    await expect(
      popup.getByTestId('help-results').locator('mark', { hasText: '公文' }).first(),
    ).toBeVisible();

    // A synonym: 口令 is what some staff call a 密码.
    await search(popup).fill('口令');
    await expect(popup.getByTestId('help-results')).toContainText('密码设置要求');

    // Compliance tips are searchable too, and open in the popup with the rule they teach.
    await search(popup).fill('导出数据');
    await popup.getByRole('button', { name: '查看：导出数据前请注意保密' }).click();
    const tip = popup.getByRole('article', { name: '导出数据前请注意保密' });
    await expect(tip).toContainText('规范提示 · 三不准 · 不准泄露用户信息');
    await tip.getByRole('button', { name: '返回' }).click();

    // Current page first: on the password page the password rules lead, on the login page the
    // login article does, for the same query.
    await page.goto('/index.html#/settings/password');
    const onPasswordPage = await openPopup(openExtensionPage, await tabIdOf(page));
    await search(onPasswordPage).fill('密码');
    await expect(hits(onPasswordPage, 'results-here').first()).toContainText('密码设置要求');
    await expect(onPasswordPage.getByTestId('results-other')).toContainText('登录失败');
    await onPasswordPage.locator('main').screenshot({ path: `${SHOTS}/help-results.png` });

    const loginPage = await context.newPage();
    await loginPage.goto('/login.html');
    const onLoginPage = await openPopup(openExtensionPage, await tabIdOf(loginPage));
    await search(onLoginPage).fill('密码');
    await expect(hits(onLoginPage, 'results-here').first()).toContainText('登录失败');
    await expect(onLoginPage.getByTestId('results-other')).toContainText('密码设置要求');
  });

  test('a tour starts from a search result, and an article opens with its tours', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/docs/new');
    await page.waitForURL(/#\/docs\/new/);

    let popup = await openPopup(openExtensionPage, await tabIdOf(page));
    await search(popup).fill('新建公文');
    // Started: the popup closes itself (waited for from before the click, so it cannot be missed).
    await Promise.all([
      popup.waitForEvent('close'),
      popup.getByRole('button', { name: '开始：新建公文并提交审核' }).click(),
    ]);
    await page.bringToFront();
    await expect(stepCard(page, 'gongwen-new-document', 0)).toBeVisible();
    await stepCard(page, 'gongwen-new-document').getByRole('button', { name: '退出引导' }).click();
    await expect(stepCard(page, 'gongwen-new-document')).toHaveCount(0);

    // The article view: Markdown rendered in the popup, its tour's 开始 button starts that tour.
    popup = await openPopup(openExtensionPage, await tabIdOf(page));
    await search(popup).fill('附件传不上去');
    await popup.getByRole('button', { name: '查看：附件上传失败怎么办' }).click();
    const article = popup.getByRole('article', { name: '附件上传失败怎么办' });
    await expect(article.getByRole('listitem').filter({ hasText: '检查文件大小' })).toContainText(
      '不超过 10 MB',
    );
    await expect(article.locator('strong', { hasText: 'PDF 和 Word' })).toBeVisible();
    await popup.locator('main').screenshot({ path: `${SHOTS}/help-article.png` });
    await Promise.all([
      popup.waitForEvent('close'),
      article.getByRole('button', { name: '开始：新建公文并提交审核' }).click(),
    ]);
    await expect(stepCard(page, 'gongwen-new-document', 0)).toBeVisible();
  });

  test('a search that found nothing is listed for trainers on the options page', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    const popup = await openPopup(openExtensionPage, await tabIdOf(page));
    await search(popup).fill('打印机卡纸');
    await expect(popup.getByTestId('help-results')).toContainText(
      '没有找到与“打印机卡纸”相关的内容',
    );
    await search(popup).press('Enter');

    const options = await openExtensionPage('options.html');
    const misses = options.getByTestId('search-misses');
    await expect(misses.getByRole('row', { name: /打印机卡纸/ })).toContainText('1');
    await expect(misses).toContainText('/login.html');

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('打印机卡纸,1,');

    await options.getByRole('button', { name: '清空记录' }).click();
    await expect(options.getByTestId('search-misses')).toHaveCount(0);
    await expect(options.getByText('暂无记录。')).toBeVisible();
  });
});

test('in English with large text the popup is wider, labelled in English and finds English text', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('大字号模式').check();
  await options.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(options.getByRole('heading', { name: 'Zhiyin · Settings' })).toBeVisible();

  const page = await context.newPage();
  await page.goto('/login.html');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await expect(popup.getByRole('tab', { name: 'Report a problem' })).toBeVisible();
  expect((await popup.locator('main').boundingBox())?.width).toBe(460);
  await popup.getByRole('searchbox', { name: 'Search help and guides' }).fill('password');
  await expect(popup.getByTestId('help-results')).toContainText('Password rules');
  await popup.locator('main').screenshot({ path: `${SHOTS}/help-results-en-large.png` });
  await popup.getByRole('tab', { name: 'Report a problem' }).click();
  await expect(popup.getByLabel('Problem type')).toBeVisible();
  await expect(popup.getByRole('option', { name: 'Cannot log in' })).toHaveCount(1);
});
