/**
 * Large text and 200% zoom (issue 16): with 大字号模式 on and the window at half its width in CSS
 * pixels (what 200% browser zoom does to a 1366 px screen), the step card, the popup, the
 * dashboard, the quiz and the exam reflow: nothing sticks out sideways, nothing is cut off inside
 * them, no horizontal scroll. With prefers-reduced-motion nothing animates. And the Alt+Shift+G
 * hint stays one quiet line on the card at every size.
 */
import type { Locator, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { loadProjectQuizzes } from '../../features/quiz/build-plugin';
import { expect, test } from './fixtures';
import { modeName, setDisplayMode } from './support/a11y';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';
import { logIn } from './support/sim';

/** 1366 px at 200% zoom. */
const ZOOMED = { width: 683, height: 400 };

/** Elements inside `root` whose content is wider than their box (text cut off or scrolled). */
async function clipped(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const out: string[] = [];
    for (const node of [element, ...element.querySelectorAll('*')]) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.position === 'absolute') continue; // sr-only, arrow
      if (node.scrollWidth > node.clientWidth + 1 && style.overflowX !== 'visible') {
        out.push(`${node.localName}.${node.className}: ${node.scrollWidth} > ${node.clientWidth}`);
      }
    }
    return out;
  });
}

/** The page scrolls sideways (its content is wider than the window). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth > root.clientWidth + 1;
  });

test('large text at 200% zoom: card, popup and dashboard reflow; reduced motion stills the overlay', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(120_000);
  await chooseRole(openExtensionPage);
  await setDisplayMode(openExtensionPage, { language: 'zh_CN', largeText: true });

  // The step card, centred and next to its target, inside a zoomed window.
  const page = await context.newPage();
  await page.setViewportSize(ZOOMED);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/__e2e/engine.html');
  await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：逐步引导');
  for (const index of [0, 1]) {
    const card = stepCard(page, 'e2e-engine', index);
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box, `step ${index + 1}`).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(ZOOMED.width);
    expect(await clipped(card), `step ${index + 1} clipped`).toEqual([]);
    // Every button is whole and inside the card.
    for (const button of await card.getByRole('button').all()) {
      await expect(button).toBeInViewport({ ratio: 1 });
    }
    // Reduced motion: no animation or transition on the card.
    const motion = await card.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.animationName, style.transitionDuration];
    });
    expect(motion[0]).toBe('none');
    expect(motion[1]).toMatch(/^0s(, 0s)*$/);
    if (index === 0) await card.getByRole('button', { name: '下一步' }).click();
  }
  await page.screenshot({ path: test.info().outputPath('card-200pct-large.png') });

  // The popup in large text (460 px wide) and the dashboard in a zoomed window.
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await popup.setViewportSize({ width: 460, height: 600 });
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await scrollsSideways(popup)).toBe(false);
  expect(await clipped(popup.locator('main'))).toEqual([]);
  await popup.getByRole('tab', { name: '报告问题' }).click();
  expect(await scrollsSideways(popup)).toBe(false);
  expect(await clipped(popup.locator('main'))).toEqual([]);
  await popup.screenshot({ path: test.info().outputPath('popup-large.png') });
  await popup.close();

  const dashboard = await openExtensionPage('dashboard.html');
  await dashboard.setViewportSize(ZOOMED);
  await expect(dashboard.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(dashboard.locator('#zy-assessments')).toBeVisible();
  expect(await dashboard.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
    '18px',
  );
  expect(await scrollsSideways(dashboard)).toBe(false);
  expect(await clipped(dashboard.locator('main'))).toEqual([]);
  await dashboard.screenshot({ path: test.info().outputPath('dashboard-200pct-large.png') });
});

/**
 * Elements that animate or transition: of our extension page, or (`overlayOnly`, on the sim:
 * its component library is not ours) of our overlay's open shadow root.
 */
const moving = (page: Page, overlayOnly = false) =>
  page.evaluate((overlayOnly) => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const node of root.querySelectorAll('*')) {
        const style = getComputedStyle(node);
        const durations = style.transitionDuration.split(',').map((value) => parseFloat(value));
        if (style.animationName !== 'none' || durations.some((value) => value > 0)) {
          out.push(`${node.localName}.${node.className}`);
        }
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    const overlay = document.querySelector('zhiyin-overlay')?.shadowRoot;
    if (!overlayOnly) walk(document);
    else if (overlay) walk(overlay);
    else out.push('no overlay');
    return out;
  }, overlayOnly);

const repo = resolve(import.meta.dirname, '../..');
const anquan = loadProjectQuizzes(repo, [resolve(repo, 'tours')]).quizzes.find(
  (candidate) => candidate.id === 'anquan',
);

test('large text at 200% zoom: the quiz (questions, result) and the exam (bar, result) reflow; no motion', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(120_000);
  if (!anquan) throw new Error('tours/quizzes/anquan.yaml is missing');
  await chooseRole(openExtensionPage);
  await setDisplayMode(openExtensionPage, { language: 'zh_CN', largeText: true });

  // The quiz: the questions, then the result with its review, in a zoomed window.
  const quiz = await openExtensionPage('quiz.html?quiz=anquan');
  await quiz.setViewportSize(ZOOMED);
  await quiz.emulateMedia({ reducedMotion: 'reduce' });
  await expect(quiz.getByRole('heading', { level: 1, name: anquan.title })).toBeFocused();
  expect(await scrollsSideways(quiz)).toBe(false);
  expect(await clipped(quiz.locator('main'))).toEqual([]);
  for (const [index, question] of anquan.questions.entries()) {
    const group = quiz.getByRole('group', { name: new RegExp(`^第 ${index + 1} 题 `) });
    if (question.kind === 'short') {
      await group.getByRole('textbox').fill('发现泄露立即上报信息部门并停止操作');
      continue;
    }
    // All answers A: some wrong, so the review shows the right answer and what to learn.
    await group
      .getByRole(question.kind === 'single' ? 'radio' : 'checkbox')
      .first()
      .check();
  }
  await quiz.getByRole('button', { name: '提交答卷' }).click();
  await expect(quiz.locator('[data-quiz-result]')).toBeVisible();
  await expect(quiz.locator('.zy-quiz-feedback.is-wrong').first()).toBeVisible();
  expect(await scrollsSideways(quiz)).toBe(false);
  expect(await clipped(quiz.locator('main'))).toEqual([]);
  // Every part of the result lies within the window's width.
  const overflowing = await quiz.evaluate((width) => {
    const out: string[] = [];
    for (const node of document.querySelectorAll('main *')) {
      const box = node.getBoundingClientRect();
      if (box.width > 0 && (box.left < 0 || box.right > width + 1)) {
        out.push(`${node.localName}.${node.className}: ${box.left}–${box.right}`);
      }
    }
    return out;
  }, ZOOMED.width);
  expect(overflowing).toEqual([]);
  expect(await moving(quiz)).toEqual([]);
  await quiz.screenshot({
    path: test.info().outputPath('quiz-result-200pct-large.png'),
    fullPage: true,
  });
  await quiz.close();

  // The exam on the sim: its bar, then (交卷 by keys) its result, in a zoomed window.
  const page = await context.newPage();
  await page.setViewportSize(ZOOMED);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await logIn(page, 'zhangsan', 'service.html#/progress');
  // The sim's own layout (not ours) may already be wider than a zoomed window: ours adds nothing.
  const simScrolls = await scrollsSideways(page);
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await Promise.all([
    popup.waitForEvent('close'),
    popup.getByRole('button', { name: '以考核方式开始：用进度查询跟踪审批状态' }).click(),
  ]);
  await page.bringToFront();
  const hud = page.getByRole('region', { name: '实操考核' });
  await expect(hud).toBeVisible();
  expect(await clipped(hud)).toEqual([]);
  for (const button of await hud.getByRole('button').all()) {
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  const hudBox = await hud.boundingBox();
  expect((hudBox?.x ?? -1) >= 0 && (hudBox?.x ?? 0) + (hudBox?.width ?? 0) <= ZOOMED.width).toBe(
    true,
  );
  expect(await moving(page, true)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('exam-bar-200pct-large.png') });

  // 交卷 from the keyboard: the bar goes, the result's heading takes the focus (not <body>).
  await page.keyboard.press('Alt+Shift+G');
  await expect(hud.getByRole('button', { name: '交卷' })).toBeFocused();
  await page.keyboard.press('Enter');
  const result = page.getByRole('region', { name: '考核结果：用进度查询跟踪审批状态' });
  await expect(result.getByRole('heading')).toBeFocused();
  await expect(result.getByTestId('exam-verdict')).toHaveText('未通过');
  expect(await clipped(result)).toEqual([]);
  const panel = page.locator('zhiyin-overlay .zy-outcome');
  const panelBox = await panel.boundingBox();
  expect(panelBox?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((panelBox?.x ?? 0) + (panelBox?.width ?? 0)).toBeLessThanOrEqual(ZOOMED.width);
  await expect(panel.getByRole('button', { name: '关闭' })).toBeInViewport({ ratio: 1 });
  expect(await moving(page, true)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(simScrolls);
  await page.screenshot({ path: test.info().outputPath('exam-result-200pct-large.png') });
});

test('the Alt+Shift+G hint: one quiet line under the card’s buttons (normal, large, English); the popup’s help says it', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(150_000);
  await chooseRole(openExtensionPage);
  const modes = [
    { language: 'zh_CN', largeText: false, text: 'Alt+Shift+G：在页面与本卡片之间切换' },
    { language: 'zh_CN', largeText: true, text: 'Alt+Shift+G：在页面与本卡片之间切换' },
    { language: 'en', largeText: true, text: 'Alt+Shift+G: switch between page and card' },
  ] as const;
  let tabId = 0;
  for (const mode of modes) {
    await setDisplayMode(openExtensionPage, mode);
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    tabId = await tabIdOf(page);
    // 开始 / Start of this page's guide: the first button of the list (only e2e-engine here).
    const popup = await openExtensionPage(`popup.html?tabId=${tabId}`);
    await Promise.all([
      popup.waitForEvent('close'),
      popup.getByTestId('tours-here').getByRole('button').first().click(),
    ]);
    await page.bringToFront();
    const card = stepCard(page, 'e2e-engine', 0);
    await expect(card).toBeVisible();
    await expect(page.locator('zhiyin-overlay .zy-large [data-zhiyin-step]')).toHaveCount(
      mode.largeText ? 1 : 0,
    );
    // One line, under the buttons, inside the card.
    const hint = card.locator('.zy-card-shortcut');
    await expect(hint).toHaveText(mode.text);
    const lines = await hint.evaluate((element) => {
      const style = getComputedStyle(element);
      return element.getBoundingClientRect().height / parseFloat(style.lineHeight);
    });
    expect(lines, modeName(mode)).toBeLessThan(1.5);
    const buttons = await card.locator('.zy-card-actions').boundingBox();
    const line = await hint.boundingBox();
    expect((line?.y ?? 0) >= (buttons?.y ?? 0) + (buttons?.height ?? 0)).toBe(true);
    await card.screenshot({
      path: test.info().outputPath(`card-hint-${modeName(mode).replace(' ', '-')}.png`),
    });
    await page.close();
  }

  // The popup's help (English, large text now), next to the list of this page's guides.
  const page = await context.newPage();
  await page.goto('/__e2e/engine.html');
  const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
  await expect(popup.getByTestId('keyboard-help')).toContainText(
    'Alt+Shift+G moves between the page and Zhiyin’s card',
  );
  await popup.setViewportSize({ width: 460, height: 700 });
  expect(await scrollsSideways(popup)).toBe(false);
  await popup.screenshot({
    path: test.info().outputPath('popup-keyboard-help.png'),
    fullPage: true,
  });
});
