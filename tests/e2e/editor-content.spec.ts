/**
 * Issue 14, "the same for help articles and compliance tips": a trainer writes a help article and
 * a compliance tip in the editor (checked live with the build's schemas, problems shown with
 * their path, previews as the learner sees them), publishes both in one signed pack with 发布,
 * and a second browser profile with nothing but the managed policy receives the pack and finds
 * the article (and the tip) in the popup's help search. The approach of publish.spec.ts: a key
 * from `npm run pack:keygen`, the loopback pack server, a managed learner profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseRole } from './support/learner';
import { launchManaged } from './support/managed-policy';
import { sendFromExtensionPage } from './support/messages';
import { startPackServer } from './support/pack-server';
import { SIM_PASSWORD } from './support/sim';

const ROOT = resolve(import.meta.dirname, '../..');
const IMAGES = join(ROOT, 'docs/images');
const PACK_ID = 'e2e-content';
const ARTICLE_ID = 'faq-seal-page-missing';
const ARTICLE_TITLE = '盖章页缺失怎么办';
const TIP_ID = 'no-seal-photo';
const TIP_TITLE = '不准拍摄公章外传';

/** `npm run pack:keygen` into a fresh folder: the private key file and the public key. */
function keygen(work: string): { keyFile: string; publicKey: string } {
  const keyFile = join(work, 'xunlian.jwk');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/pack-keygen.ts'), keyFile],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return { keyFile, publicKey: readFileSync(`${keyFile}.pub`, 'utf8').trim() };
}

/**
 * The field whose label starts with `label`, inside the open draft (a control sits inside its
 * label, so its name also holds what it holds: not an exact match).
 */
const field = (editor: Page, label: string | RegExp) => editor.locator('main').getByLabel(label);

test('a trainer writes an article and a tip, publishes them; a managed learner finds them in help search', async ({
  openExtensionPage,
}) => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'zhiyin-editor-content-'));
  const packs = await startPackServer();
  try {
    const { keyFile, publicKey } = keygen(work);
    await chooseRole(openExtensionPage);
    const editor = await openExtensionPage('editor.html');
    const nav = editor.getByRole('navigation', { name: '草稿列表' });

    // --- A new help article: not publishable until written; a bad id is named by its path.
    await nav.getByRole('button', { name: '＋ 新建帮助文章' }).click();
    await expect(
      editor.locator('main').getByRole('heading', { level: 2, name: /^帮助文章 · /u }),
    ).toBeVisible();
    const issues = editor.getByTestId('draft-issues');
    await expect(issues).toContainText('title');
    await expect(issues).toContainText('不能为空');
    await field(editor, '文章 id（如 faq-login-failed）').fill('Seal Page');
    // In the list of problems and under the field itself, with the path inside the article.
    await expect(
      issues.locator('li', { hasText: '文章 id 只能用小写英文字母' }).locator('code'),
    ).toHaveText('id');
    await expect(field(editor, '文章 id（如 faq-login-failed）')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await field(editor, '文章 id（如 faq-login-failed）').fill(ARTICLE_ID);
    await field(editor, '标题（中文）').fill(ARTICLE_TITLE);
    await field(editor, '关键词（中文，用逗号或顿号分隔）').fill('盖章、签章页、用印');
    await editor
      .locator('main')
      .getByRole('checkbox', { name: /新建公文并提交审核/u })
      .check();
    await field(editor, '正文（中文，支持 Markdown）').fill(
      '先在**附件**中补传盖章页（PDF），再重新提交审核。',
    );
    await expect(editor.getByTestId('draft-valid')).toBeVisible();
    // The preview is the popup's article view: the same Markdown rendering.
    const preview = editor.getByTestId('editor-preview');
    await expect(preview.getByRole('heading', { name: ARTICLE_TITLE })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('附件');
    await expect(preview).toContainText('新建公文并提交审核');
    await expect(editor.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    await expect(nav.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible();
    // The picture shows the body as typed and the preview below it.
    await field(editor, '正文（中文，支持 Markdown）').evaluate((element) =>
      element.scrollIntoView({ block: 'start' }),
    );
    await editor.screenshot({ path: join(IMAGES, 'publish-6-article.png') });

    // --- A new compliance tip: English title without a body is named by its path.
    await nav.getByRole('button', { name: '＋ 新建规范提示' }).click();
    await expect(
      editor.locator('main').getByRole('heading', { level: 2, name: /^规范提示 · /u }),
    ).toBeVisible();
    await field(editor, '提示 id（如 no-data-leak）').fill(TIP_ID);
    // A select's name includes its chosen option (it sits inside its label).
    await field(editor, /^重要程度/u).selectOption({ label: '警告（warning）' });
    await field(editor, '标题（中文）').fill(TIP_TITLE);
    await field(editor, '正文（中文，支持 Markdown）').fill('公章、印章**不得拍照**或外传。');
    await field(editor, '出处（可空，如 三不准 · 不准泄露用户信息）').fill('三不准');
    await field(editor, /^适用页面（每行一个网址模式/u).fill('/index.html#/docs*');
    await field(editor, 'Title (English)').fill('No photos of the official seal');
    await expect(editor.getByTestId('draft-issues')).toContainText('tip.i18n.en.body');
    await field(editor, 'Body (English, Markdown)').fill('Never photograph or share the seal.');
    await expect(editor.getByTestId('draft-valid')).toBeVisible();
    // The preview is the tip's card, with its contract attribute.
    const card = editor.getByTestId('editor-preview').locator('[data-zhiyin-tip]');
    await expect(card).toContainText(TIP_TITLE);
    await expect(card.locator('strong')).toHaveText('不得拍照');
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await editor.screenshot({ path: join(IMAGES, 'publish-7-tip.png') });
    await expect(editor.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

    // --- 发布: the open tip and the article, in one signed pack.
    const section = editor.getByTestId('publish-section');
    await section.getByLabel('内容包 id').fill(PACK_ID);
    await expect(section.getByLabel('版本号')).toHaveValue('1');
    await section.getByRole('checkbox', { name: `帮助文章：${ARTICLE_TITLE}` }).check();
    await section.getByLabel(/^签名私钥文件/u).setInputFiles(keyFile);
    const [download] = await Promise.all([
      editor.waitForEvent('download'),
      section.getByRole('button', { name: '发布', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`zhiyin-pack-${PACK_ID}-v1.json`);
    const text = readFileSync(await download.path(), 'utf8');
    await expect(section.getByTestId('publish-done')).toContainText(
      `内容包 ${PACK_ID} 第 1 版，0 个引导、1 篇帮助文章、1 条规范提示`,
    );
    const payload = (
      JSON.parse(text) as {
        payload: { help: { id: string }[]; rules: { tips: { id: string }[] }[] };
      }
    ).payload;
    expect(payload.help.map((article) => article.id)).toEqual([ARTICLE_ID]);
    expect(payload.rules.flatMap((file) => file.tips.map((tip) => tip.id))).toEqual([TIP_ID]);

    // --- A learner's profile with only the managed policy receives the pack.
    packs.serve(text);
    const learner = await launchManaged({ packs: { urls: [packs.url], publicKeys: [publicKey] } });
    try {
      await chooseRole(learner.openExtensionPage);
      const learnerOptions = await learner.openExtensionPage('options.html');
      await expect
        .poll(
          async () => {
            const status = await sendFromExtensionPage(
              learnerOptions,
              'page:packsStatus',
              undefined,
            );
            return status.sources.find((view) => view.source === packs.url)?.version ?? null;
          },
          { timeout: 30_000 },
        )
        .toBe(1);

      const base = test.info().project.use.baseURL ?? '';
      const sim = await learner.context.newPage();
      await sim.goto(`${base}/login.html?redirect=${encodeURIComponent('index.html#/docs')}`);
      await sim.getByRole('textbox', { name: '账号' }).fill('lisi');
      await sim.getByRole('textbox', { name: '密码' }).fill(SIM_PASSWORD);
      await sim.getByRole('button', { name: '登录' }).click();
      await expect(sim.getByRole('link', { name: 'plus 新建公文' })).toBeVisible();

      const popup = await learner.openExtensionPage(
        `popup.html?tabId=${await learner.tabIdOf(sim)}`,
      );
      const search = popup.getByRole('searchbox', { name: '搜索帮助和引导' });
      await search.fill('盖章页');
      const results = popup.getByTestId('help-results');
      await expect(results).toContainText(ARTICLE_TITLE);
      await popup.getByRole('button', { name: `查看：${ARTICLE_TITLE}` }).click();
      const article = popup.getByRole('article', { name: ARTICLE_TITLE });
      await expect(article.locator('strong')).toHaveText('附件');
      await expect(article.getByTestId('article-tours')).toContainText('新建公文并提交审核');
      await article.getByRole('button', { name: '返回' }).click();
      // The tip is searchable too, with the rule it teaches.
      await search.fill('拍摄公章');
      await popup.getByRole('button', { name: `查看：${TIP_TITLE}` }).click();
      await expect(popup.getByRole('article', { name: TIP_TITLE })).toContainText(
        '规范提示 · 三不准',
      );
    } finally {
      await learner.close();
    }
  } finally {
    await new Promise((done) => packs.server.close(done));
    rmSync(work, { recursive: true, force: true });
  }
});
