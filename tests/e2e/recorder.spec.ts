/**
 * Recorder, editor and preview (issue 14) on the sim: a trainer records a 5-step task through
 * real clicks and typing in author mode, edits two steps in the editor page, previews the draft on
 * the live page from step 1 and completes it, and the exported tour.yaml passes the build's loader.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTours } from '../../features/tour/load';
import { VALIDATOR_IDS } from '../../lib/validators';
import { expect, test } from './fixtures';
import { readStore } from './support/db';
import { chooseRole, stepCard } from './support/learner';
import { logIn } from './support/sim';
import {
  openDraftInEditor,
  recordNewDocument,
  startRecording,
  stopRecording,
} from './support/author';

const TYPED_TITLE = '关于开展录制演练的通知';
const TYPED_BODY = '请各单位按时参加，联系电话 13912345678。';

test('record a 5-step task, edit two steps, preview it from step 1, export YAML the build loads', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await logIn(page, 'zhangsan', 'index.html#/docs');
  await expect(page.getByRole('link', { name: 'plus 新建公文' })).toBeVisible();

  // Author mode on this tab, then 开始录制.
  const panels = await startRecording(page, openExtensionPage);

  // The task, done once with real input: the page acts as usual while recording.
  await recordNewDocument(page, panels.recorder, { title: TYPED_TITLE, body: TYPED_BODY });
  await page.screenshot({ path: 'output/screenshots/recorder-recording.png' });
  await stopRecording(panels, 5);

  // 在编辑器中打开: the editor page opens on the draft (author mode is left on the page: the
  // picker would swallow the preview's clicks).
  const editor = await openDraftInEditor(page, panels.picker);
  const steps = editor.locator('.zy-editor-step');
  await expect(steps).toHaveCount(5);
  await expect(editor.getByTestId('draft-valid')).toBeVisible();
  // What the recorder made of each action: suggested advance kinds and proven locators.
  const advanceOf = (index: number) => steps.nth(index).getByLabel('推进方式');
  await expect(advanceOf(0)).toHaveValue('navigation');
  await expect(advanceOf(1)).toHaveValue('input');
  await expect(advanceOf(2)).toHaveValue('input');
  await expect(advanceOf(3)).toHaveValue('navigation');
  await expect(advanceOf(4)).toHaveValue('navigation');
  await expect(steps.nth(1).locator('fieldset code').first()).toHaveText('label "标题"');
  await expect(steps.nth(1).getByLabel('所在页面（网址模式，可空）')).toHaveValue(
    '/index.html#/docs/new',
  );
  // Nothing typed was kept.
  const stored = JSON.stringify(await readStore(editor, 'tourDrafts'));
  expect(stored).not.toContain(TYPED_TITLE);
  expect(stored).not.toContain('13912345678');

  // Edit two steps: a title, and a body in Markdown (previewed live).
  await steps.nth(1).getByLabel('标题（中文）').fill('填写公文标题');
  await steps.nth(2).getByLabel('说明（中文，支持 Markdown）').fill('输入**正文**内容。');
  await expect(steps.nth(2).locator('.zy-editor-md strong')).toHaveText('正文');
  // Live validation with the build's messages: an empty body is refused, then fixed.
  await steps.nth(4).getByLabel('说明（中文，支持 Markdown）').fill('');
  await expect(editor.getByTestId('draft-issues')).toContainText('steps[4].body');
  await expect(editor.getByTestId('draft-issues')).toContainText('body 不能为空');
  await steps.nth(4).getByLabel('说明（中文，支持 Markdown）').fill('点击**返回公文列表**。');
  await expect(editor.getByTestId('draft-valid')).toBeVisible();
  // Reorder by keyboard, and back: focus follows the moved step.
  await steps.nth(2).getByRole('button', { name: '上移第 3 步' }).focus();
  await editor.keyboard.press('Enter');
  await expect(steps.nth(1)).toHaveAttribute('aria-label', /^第 2 步：填写「正文」/u);
  await expect(steps.nth(1).getByRole('button', { name: '上移第 2 步' })).toBeFocused();
  await editor.keyboard.press('Tab');
  await expect(steps.nth(1).getByRole('button', { name: '下移第 2 步' })).toBeFocused();
  await editor.keyboard.press('Enter');
  await expect(steps.nth(1)).toHaveAttribute('aria-label', '第 2 步：填写公文标题');
  await expect(editor.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await editor.evaluate(() => window.scrollTo(0, 0));
  await editor.screenshot({ path: 'output/screenshots/editor.png' });

  // Preview from step 1 on the live page, and complete it.
  await steps.nth(0).getByRole('button', { name: '从第 1 步预览' }).click();
  await expect(editor.getByText('已在页面中从第 1 步开始预览')).toBeVisible();
  const draft = (await readStore<{ tourId: string }>(editor, 'tourDrafts'))[0];
  const tourId = draft?.tourId ?? '';
  expect(tourId).toMatch(/^luzhi-/u);
  await page.bringToFront();
  await expect(stepCard(page, tourId, 0)).toContainText('点击「新建公文」');
  await page.getByRole('link', { name: 'plus 新建公文' }).click();
  await expect(stepCard(page, tourId, 1)).toContainText('填写公文标题');
  await page.getByRole('textbox', { name: '标题' }).fill('关于开展预览演练的通知');
  await expect(stepCard(page, tourId, 2)).toBeVisible();
  await expect(stepCard(page, tourId, 2).locator('strong')).toHaveText('正文');
  await page.getByRole('textbox', { name: '正文' }).fill('预览正文');
  await expect(stepCard(page, tourId, 3)).toContainText('保存草稿');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(stepCard(page, tourId, 4)).toContainText('返回公文列表');
  await page.getByRole('link', { name: '返回公文列表' }).click();
  await expect(page.getByRole('status').filter({ hasText: '引导已完成' })).toBeVisible();
  await expect(stepCard(page, tourId)).toHaveCount(0);
  // A preview leaves no learning records.
  expect(await readStore(editor, 'tourProgress')).toEqual([]);
  expect(await readStore(editor, 'tourEvents')).toEqual([]);

  // Export: the downloaded tour.yaml loads with the build's own loader.
  const [download] = await Promise.all([
    editor.waitForEvent('download'),
    editor.getByRole('button', { name: '导出 YAML' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('tour.yaml');
  const yaml = readFileSync(await download.path(), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'zhiyin-recorded-'));
  try {
    mkdirSync(join(dir, tourId));
    writeFileSync(join(dir, tourId, 'tour.yaml'), yaml);
    const loaded = loadTours([dir], { validatorIds: VALIDATOR_IDS, renames: {} });
    expect(loaded.errors).toEqual([]);
    expect(loaded.tours.map((tour) => tour.id)).toEqual([tourId]);
    const tour = loaded.tours[0];
    expect(tour?.steps).toHaveLength(5);
    expect(tour?.steps[1]?.title).toBe('填写公文标题');
    expect(tour?.steps[1]?.target).toEqual({ label: '标题' });
    expect(tour?.steps[2]?.body).toBe('输入**正文**内容。');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('recording inside a same-origin iframe module keeps the frame path with the locator', async ({
  context,
  openExtensionPage,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await logIn(page, 'zhangsan');
  await page.goto('/oa.html#borrow');
  const frame = page.locator('iframe[title="档案借阅登记"]').contentFrame();
  await expect(frame.getByLabel('借阅人')).toBeVisible();

  const panels = await startRecording(page, openExtensionPage);
  await frame.getByLabel('借阅人').fill('王五');
  await expect(panels.recorder.getByRole('status')).toHaveText('已录制 1 步');
  await stopRecording(panels, 1);

  const editor = await openExtensionPage('editor.html');
  await editor.getByRole('navigation', { name: '草稿列表' }).getByRole('link').first().click();
  const step = editor.locator('.zy-editor-step').first();
  await expect(step.getByLabel('推进方式')).toHaveValue('input');
  await expect(step.locator('fieldset label').first()).toContainText('label "借阅人"');
  await expect(step.locator('fieldset label').first()).toContainText('（在框架中）');
  await expect(editor.getByTestId('draft-valid')).toBeVisible();
  await editor.getByRole('button', { name: '导出 YAML' }).click();
  const yaml = await editor.getByLabel('导出的 YAML').inputValue();
  expect(yaml).toContain('frame:');
  expect(yaml).toContain('target: { label: 借阅人 }');
  expect(yaml).not.toContain('王五');
});
