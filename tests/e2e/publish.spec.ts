/**
 * Issue 14's whole flow, as a trainer and a learner meet it (docs/content-packs.zh-CN.md,
 * "培训人员发布流程"): a trainer records a 5-step task on the sim through real clicks, edits two
 * steps in the editor, previews the draft, and publishes it with 发布 — a signed pack file, made
 * with a key from `npm run pack:keygen` chosen in the editor. A loopback server serves the file;
 * a second browser profile with nothing but the organisation's managed policy (packs: URL and
 * public key) receives it and completes the tour. A tampered pack (one byte) and an older version
 * are refused there with their reason on the options page, and the content before still runs.
 * The screenshots are the guide's (docs/images/publish-*.png).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { TourProgressRecord } from '../../features/tour/records';
import { expect, test } from './fixtures';
import { readStore } from './support/db';
import { startPackServer } from './support/pack-server';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';
import { launchManaged } from './support/managed-policy';
import { sendFromExtensionPage } from './support/messages';
import { SIM_PASSWORD, logIn } from './support/sim';
import {
  openDraftInEditor,
  recordNewDocument,
  startRecording,
  stopRecording,
} from './support/author';

const ROOT = resolve(import.meta.dirname, '../..');
const IMAGES = join(ROOT, 'docs/images');
const PACK_ID = 'e2e-publish';
const TOUR_TITLE = '新建公文（录制）';
const TOUR_TITLE_V2 = '新建公文（录制，第二版）';

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

/** Clicks 发布 and returns the downloaded pack file's name and text. */
async function publish(editor: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    editor.waitForEvent('download'),
    editor.getByRole('button', { name: '发布', exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('record, edit, preview and 发布 a pack; a managed profile receives it, refuses a tampered and an older one', async ({
  context,
  serviceWorker,
  openExtensionPage,
}) => {
  test.setTimeout(300_000);
  const work = mkdtempSync(join(tmpdir(), 'zhiyin-publish-'));
  const packs = await startPackServer();
  try {
    const { keyFile, publicKey } = keygen(work);

    // --- The trainer's browser: record 5 steps through real clicks and typing.
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/docs');
    await expect(page.getByRole('link', { name: 'plus 新建公文' })).toBeVisible();
    const panels = await startRecording(page, openExtensionPage);
    await recordNewDocument(page, panels.recorder, {
      title: '关于开展发布演练的通知',
      body: '请各单位按时参加。',
    });
    await page.screenshot({ path: join(IMAGES, 'publish-1-record.png') });
    await stopRecording(panels, 5);
    const editor = await openDraftInEditor(page, panels.picker);

    // --- The editor: the tour's title, and two steps edited.
    const steps = editor.locator('.zy-editor-step');
    await expect(steps).toHaveCount(5);
    const tourFields = editor.getByRole('region', { name: '引导信息' });
    await tourFields.getByLabel('标题（中文）').fill(TOUR_TITLE);
    await steps.nth(1).getByLabel('标题（中文）').fill('填写公文标题');
    await steps.nth(2).getByLabel('说明（中文，支持 Markdown）').fill('输入**正文**内容。');
    await expect(steps.nth(2).locator('.zy-editor-md strong')).toHaveText('正文');
    await expect(editor.getByTestId('draft-valid')).toBeVisible();
    await expect(editor.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
    // The picture shows the two steps edited (2 and 3), with the live Markdown preview.
    await steps.nth(1).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await editor.screenshot({ path: join(IMAGES, 'publish-2-edit.png') });

    // --- Preview from step 1 on the live page, to its end.
    await steps.nth(0).getByRole('button', { name: '从第 1 步预览' }).click();
    await expect(editor.getByText('已在页面中从第 1 步开始预览')).toBeVisible();
    const tourId = (await readStore<{ tourId: string }>(editor, 'tourDrafts'))[0]?.tourId ?? '';
    expect(tourId).toMatch(/^luzhi-/u);
    await page.bringToFront();
    await expect(stepCard(page, tourId, 0)).toContainText('新建公文');
    await page.getByRole('link', { name: 'plus 新建公文' }).click();
    await expect(stepCard(page, tourId, 1)).toContainText('填写公文标题');
    await page.screenshot({ path: join(IMAGES, 'publish-3-preview.png') });
    await page.getByRole('textbox', { name: '标题' }).fill('关于开展预览演练的通知');
    await expect(stepCard(page, tourId, 2).locator('strong')).toHaveText('正文');
    await page.getByRole('textbox', { name: '正文' }).fill('预览正文');
    await expect(stepCard(page, tourId, 3)).toBeVisible();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(stepCard(page, tourId, 4)).toBeVisible();
    await page.getByRole('link', { name: '返回公文列表' }).click();
    await expect(page.getByRole('status').filter({ hasText: '引导已完成' })).toBeVisible();

    // --- 发布: the draft is checked first; a draft with an error is not published.
    await editor.bringToFront();
    const section = editor.getByTestId('publish-section');
    await section.getByLabel('内容包 id').fill(PACK_ID);
    await expect(section.getByTestId('publish-last')).toHaveText(
      `内容包“${PACK_ID}”尚未从此编辑器发布过。`,
    );
    await expect(section.getByLabel('版本号')).toHaveValue('1');
    await steps.nth(4).getByLabel('说明（中文，支持 Markdown）').fill('');
    await section.getByLabel(/^签名私钥文件/u).setInputFiles(keyFile);
    await section.getByRole('button', { name: '发布', exact: true }).click();
    await expect(section.getByTestId('publish-issues')).toContainText('未发布');
    await expect(section.getByTestId('publish-issues')).toContainText('steps[4].body');
    await expect(section.getByTestId('publish-done')).toHaveCount(0);
    await steps.nth(4).getByLabel('说明（中文，支持 Markdown）').fill('点击**返回公文列表**。');
    await expect(editor.getByTestId('draft-valid')).toBeVisible();

    // Without a key nothing is signed either (the file input forgets the key once read).
    await section.getByLabel(/^签名私钥文件/u).setInputFiles([]);
    await section.getByRole('button', { name: '发布', exact: true }).click();
    await expect(section.getByTestId('publish-issues')).toContainText('请选择签名私钥文件');

    // Version 1, signed with the key chosen here.
    await section.getByLabel(/^签名私钥文件/u).setInputFiles(keyFile);
    const v1 = await publish(editor);
    expect(v1.name).toBe(`zhiyin-pack-${PACK_ID}-v1.json`);
    await expect(section.getByTestId('publish-done')).toContainText(
      `内容包 ${PACK_ID} 第 1 版，1 个引导`,
    );
    await expect(section.getByLabel('公钥（策略 packs.publicKeys）')).toHaveValue(publicKey);
    await expect(section.getByLabel(/^签名私钥文件/u)).toHaveValue('');
    // The key never reached the extension's storage.
    const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { d: string };
    const stored = await serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { get(): Promise<unknown> } } };
      };
      return JSON.stringify(await chrome.storage.local.get());
    });
    expect(stored).not.toContain(key.d);
    expect(stored).toContain(PACK_ID);

    // Version 2: a new title. The form now knows version 1 and suggests 2.
    await expect(section.getByTestId('publish-last')).toContainText(
      `内容包“${PACK_ID}”上次发布为第 1 版`,
    );
    await expect(section.getByLabel('版本号')).toHaveValue('2');
    await tourFields.getByLabel('标题（中文）').fill(TOUR_TITLE_V2);
    await section.getByLabel(/^签名私钥文件/u).setInputFiles(keyFile);
    const v2 = await publish(editor);
    expect(v2.name).toBe(`zhiyin-pack-${PACK_ID}-v2.json`);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(IMAGES, 'publish-4-published.png') });

    // A rollback cannot be published by accident: version 1 again is refused before signing.
    await section.getByLabel('版本号').fill('1');
    await expect(section.getByRole('alert')).toContainText('版本号须大于上次发布的第 2 版');
    await expect(section.getByRole('button', { name: '发布', exact: true })).toBeDisabled();

    // The editor follows the language preference, live.
    await serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: unknown): Promise<void> } } };
      };
      await chrome.storage.local.set({
        preferences: { language: 'en', largeText: false, reducedMotion: false },
      });
    });
    await expect(editor.getByRole('heading', { name: 'Tour editor', level: 1 })).toBeVisible();
    await expect(editor.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
    await expect(editor).toHaveTitle('Zhiyin · Tour editor');

    // --- A learner's profile: nothing but the managed policy (the pack URL and the public key).
    const tampered = v2.text.replace(`"version":2`, `"version":3`);
    expect(tampered.length).toBe(v2.text.length);
    expect(tampered).not.toBe(v2.text);
    packs.serve(v2.text);
    const learner = await launchManaged({ packs: { urls: [packs.url], publicKeys: [publicKey] } });
    try {
      await chooseRole(learner.openExtensionPage);
      const learnerOptions = await learner.openExtensionPage('options.html');
      // The background reads the policy and fetches the pack by itself (on a fresh profile the
      // managed policy can take a few seconds to arrive).
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
        .toBe(2);
      await learnerOptions.reload();
      const packsSection = learnerOptions.getByTestId('packs-section');
      await expect(packsSection.getByTestId('pack-running')).toContainText(`${PACK_ID} 第 2 版`);

      // One byte changed after signing: refused, version 2 keeps running.
      packs.serve(tampered);
      const refresh = packsSection.getByRole('button', { name: '立即检查' });
      await refresh.click();
      await expect(packsSection.getByTestId('pack-refusal')).toContainText('签名校验失败');
      await expect(packsSection.getByTestId('pack-running')).toContainText(`${PACK_ID} 第 2 版`);
      // The older version, validly signed: refused as a rollback.
      packs.serve(v1.text);
      await refresh.click();
      await expect(packsSection.getByTestId('pack-refusal')).toContainText(
        '版本回退被拒绝：收到第 1 版，已应用第 2 版',
      );
      await expect(packsSection.getByTestId('pack-running')).toContainText(`${PACK_ID} 第 2 版`);
      await packsSection.screenshot({ path: join(IMAGES, 'publish-5-learner-refused.png') });

      // Version 2's tour runs for the learner, to its end.
      const base = test.info().project.use.baseURL ?? '';
      const sim = await learner.context.newPage();
      await sim.goto(`${base}/login.html?redirect=${encodeURIComponent('index.html#/docs')}`);
      await sim.getByRole('textbox', { name: '账号' }).fill('lisi');
      await sim.getByRole('textbox', { name: '密码' }).fill(SIM_PASSWORD);
      await sim.getByRole('button', { name: '登录' }).click();
      await expect(sim.getByRole('link', { name: 'plus 新建公文' })).toBeVisible();
      await startTourFromPopup(
        sim,
        learner.openExtensionPage,
        await learner.tabIdOf(sim),
        TOUR_TITLE_V2,
      );
      await expect(stepCard(sim, tourId, 0)).toBeVisible();
      await sim.getByRole('link', { name: 'plus 新建公文' }).click();
      await expect(stepCard(sim, tourId, 1)).toContainText('填写公文标题');
      await sim.getByRole('textbox', { name: '标题' }).fill('关于学员演练的通知');
      await expect(stepCard(sim, tourId, 2).locator('strong')).toHaveText('正文');
      await sim.getByRole('textbox', { name: '正文' }).fill('学员正文');
      await expect(stepCard(sim, tourId, 3)).toBeVisible();
      await sim.getByRole('button', { name: '保存草稿' }).click();
      await expect(stepCard(sim, tourId, 4)).toBeVisible();
      await sim.getByRole('link', { name: '返回公文列表' }).click();
      await expect(stepCard(sim, tourId)).toHaveCount(0);
      await expect
        .poll(
          async () =>
            (await readStore<TourProgressRecord>(learnerOptions, 'tourProgress')).find(
              (record) => record.tourId === tourId,
            )?.status,
        )
        .toBe('completed');
    } finally {
      await learner.close();
    }
  } finally {
    await new Promise((done) => packs.server.close(done));
    rmSync(work, { recursive: true, force: true });
  }
});
