/**
 * A trainer recording a tour in author mode (issue 14), as recorder.spec.ts and publish.spec.ts
 * both do it: author mode on from the options page, 开始录制, a task done with real input, 停止录制,
 * and the draft opened in the editor page.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

type OpenExtensionPage = (path: string) => Promise<Page>;

/** The author's panels on the page: the element picker and, once it runs, the recorder. */
export interface AuthorPanels {
  picker: Locator;
  recorder: Locator;
}

/** 在此页开启作者模式 (options page) for `page`, then 开始录制 in its picker. */
export async function startRecording(
  page: Page,
  openExtensionPage: OpenExtensionPage,
): Promise<AuthorPanels> {
  const options = await openExtensionPage('options.html');
  await options
    .getByTestId('author-mode')
    .getByRole('button', { name: /^在此页开启作者模式：/u })
    .click();
  await page.bringToFront();
  const picker = page.getByRole('dialog', { name: '元素拾取器' });
  await picker.getByRole('button', { name: '开始录制' }).click();
  const recorder = page.getByRole('dialog', { name: '● 正在录制' });
  await expect(recorder).toBeVisible();
  return { picker, recorder };
}

/**
 * The 5-step task on the sim's 公文管理 list, done once with real clicks and typing while the
 * recorder runs (the page acts as usual): 新建公文, 标题 (clicked, then typed key by key), 正文,
 * 保存草稿, back to the list. Ends when the recorder counts 5 steps.
 */
export async function recordNewDocument(
  page: Page,
  recorder: Locator,
  typed: { title: string; body: string },
): Promise<void> {
  await page.getByRole('link', { name: 'plus 新建公文' }).click();
  await page.waitForURL(/#\/docs\/new$/u);
  await page.getByRole('textbox', { name: '标题' }).click();
  await page.getByRole('textbox', { name: '标题' }).pressSequentially(typed.title);
  await page.getByRole('textbox', { name: '正文' }).fill(typed.body);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.waitForURL(/#\/docs\/(?!new)[^/]+$/u);
  await page.getByRole('link', { name: '返回公文列表' }).click();
  await page.waitForURL(/#\/docs$/u);
  await expect(recorder.getByRole('status')).toHaveText('已录制 5 步');
}

/** 停止录制: the picker says the draft of `steps` steps was saved. */
export async function stopRecording(panels: AuthorPanels, steps: number): Promise<void> {
  await panels.recorder.getByRole('button', { name: '停止录制' }).click();
  await expect(
    panels.picker.getByText(new RegExp(`已保存草稿“.+”（${steps} 步）`, 'u')),
  ).toBeVisible();
}

/**
 * 在编辑器中打开: the editor page that opens on the draft. Author mode is then left on `page`
 * (Escape), since the picker would swallow the clicks of a preview or a learner there.
 */
export async function openDraftInEditor(page: Page, picker: Locator): Promise<Page> {
  const [editor] = await Promise.all([
    page.context().waitForEvent('page'),
    picker.getByRole('button', { name: '在编辑器中打开' }).click(),
  ]);
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(page.locator('zhiyin-author')).toHaveCount(0);
  await editor.bringToFront();
  await editor.waitForLoadState();
  return editor;
}
