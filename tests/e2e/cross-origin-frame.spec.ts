import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test as plainTest } from '@playwright/test';
import type { CheckReport } from '../../scripts/lib/tours-check/types';
import { expect, test } from './fixtures';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';

/**
 * Tour targets inside a cross-origin iframe (features/tour/README.md, "Cross-origin frames"): the sim's
 * exchange.html (served from 127.0.0.1) embeds the provincial platform from localhost, another
 * origin the test build also runs on. The top frame draws the card; the frame's agent finds the
 * target, reports where it is and what the learner does there.
 */

const TOUR = 'e2e-cross-origin';
const TITLE = '引擎测试：跨域 iframe 中的外部平台';

/** Distance in px between the card and its target's box (0 when they touch or overlap). */
async function gap(card: Locator, target: Locator): Promise<number> {
  const a = await card.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) return Infinity;
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Where the card sits relative to its target, in top-page px. */
async function offset(page: Page, card: Locator, target: Locator) {
  const a = await card.boundingBox();
  const b = await topPageBox(page, target);
  if (!a) return { dx: Infinity, dy: Infinity };
  return { dx: a.x - b.x, dy: a.y - b.y };
}

/**
 * The target's box in top-page px, computed by hand: the iframe's content box (border and padding
 * included) + the target's box in the frame's own viewport. (Playwright's boundingBox leaves the
 * iframe's padding out, so it is off by the padding here.)
 */
async function topPageBox(page: Page, target: Locator) {
  const inner = await target.evaluate((element) => element.getBoundingClientRect().toJSON());
  const frame = await page.locator('iframe[title="省公文交换平台"]').evaluate((iframe) => {
    const box = iframe.getBoundingClientRect();
    const style = getComputedStyle(iframe);
    return {
      x: box.x + iframe.clientLeft + parseFloat(style.paddingLeft),
      y: box.y + iframe.clientTop + parseFloat(style.paddingTop),
    };
  });
  return { x: frame.x + inner.x, y: frame.y + inner.y, width: inner.width, height: inner.height };
}

/** How far the spotlight ring (6 px padding around its target) is from framing `target`. */
async function ringMisfit(page: Page, target: Locator): Promise<number> {
  const a = await page.locator('.zy-spotlight').boundingBox();
  const b = await topPageBox(page, target);
  if (!a) return Infinity;
  return Math.max(
    Math.abs(a.x + 6 - b.x),
    Math.abs(a.y + 6 - b.y),
    Math.abs(a.width - 12 - b.width),
    Math.abs(a.height - 12 - b.height),
  );
}

/** How far the card moved relative to its target since `before` (px). */
async function drift(
  page: Page,
  card: Locator,
  target: Locator,
  before: { dx: number; dy: number },
) {
  const now = await offset(page, card, target);
  return Math.hypot(now.dx - before.dx, now.dy - before.dy);
}

async function openExchange(page: Page): Promise<FrameLocator> {
  await page.goto('/exchange.html');
  const frame = page.frameLocator('iframe[title="省公文交换平台"]');
  await expect(frame.getByLabel('来文单位')).toBeAttached();
  // Really another origin: the top page cannot read the frame.
  const readable = await page.evaluate(() => {
    try {
      return Boolean(document.querySelector('iframe')?.contentDocument);
    } catch {
      return false;
    }
  });
  expect(readable).toBe(false);
  return frame;
}

test.describe('tour targets in a cross-origin iframe', () => {
  test.beforeEach(async ({ openExtensionPage }) => {
    await chooseRole(openExtensionPage);
  });

  test('the card points at the field in the frame; typing and clicking there advance', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    const frame = await openExchange(page);
    const field = frame.getByLabel('来文单位');
    // The field starts below the frame's fold (the frame is 420 px high)…
    const belowFold = () =>
      field.evaluate((element) => element.getBoundingClientRect().bottom > window.innerHeight);
    expect(await belowFold()).toBe(true);
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TITLE);

    const unit = stepCard(page, TOUR, 0);
    await expect(unit).toBeVisible();
    await expect(unit.getByRole('heading')).toHaveText('填写来文单位');
    // …so the frame's agent scrolled it into the frame's own view.
    await expect.poll(belowFold).toBe(false);
    await expect.poll(() => gap(unit, field)).toBeLessThan(30);
    // The spotlight ring sits on the field (top-page coordinates).
    const ring = page.locator('.zy-spotlight');
    await expect(ring).toBeVisible();
    await expect.poll(() => ringMisfit(page, field)).toBeLessThan(1);
    // Input step: 下一步 stays disabled; typing in the frame completes the step.
    await expect(unit.getByRole('button', { name: '下一步' })).toBeDisabled();
    await field.pressSequentially('省档案局');
    // Typing is not interrupted: focus stays in the frame's field.
    await expect(field).toBeFocused();

    const register = stepCard(page, TOUR, 1);
    await expect(register).toBeVisible();
    const button = frame.getByRole('button', { name: '登记' });
    await expect.poll(() => gap(register, button)).toBeLessThan(30);
    await button.click();
    await expect(frame.getByRole('status')).toHaveText('登记成功（模拟）：省档案局');

    const opinion = stepCard(page, TOUR, 2);
    await expect(opinion).toBeVisible();
    await expect.poll(() => gap(opinion, frame.getByLabel('处理意见'))).toBeLessThan(30);
    await frame.getByLabel('处理意见').fill('来文完整');
    const done = stepCard(page, TOUR, 3);
    await expect(done).toBeVisible();
    await done.getByRole('button', { name: '完成' }).click();
    await expect(stepCard(page, TOUR)).toHaveCount(0);
  });

  test('scrolling inside the frame or the page keeps the card on its target', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    const frame = await openExchange(page);
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TITLE);
    const card = stepCard(page, TOUR, 0);
    const field = frame.getByLabel('来文单位');
    await expect(card).toBeVisible();
    await expect.poll(() => gap(card, field)).toBeLessThan(30);
    const start = await offset(page, card, field);

    // The frame scrolls (its own document): the frame reports the new rect, the card follows.
    await field.evaluate(() => window.scrollBy(0, 40));
    await expect.poll(() => drift(page, card, field, start)).toBeLessThan(2);

    // The page scrolls: the iframe moves, the card follows with it.
    await page.evaluate(() => window.scrollBy(0, 120));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect.poll(() => drift(page, card, field, start)).toBeLessThan(2);

    // Scrolled out of the frame's view: the spotlight hides, and comes back with the field.
    await field.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator('.zy-spotlight')).toBeHidden();
    await field.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await expect(page.locator('.zy-spotlight')).toBeVisible();
    await expect.poll(() => gap(card, field)).toBeLessThan(30);
  });

  test('the frame navigating away turns the step into 找不到该元素 with the reason', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    const frame = await openExchange(page);
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TITLE);
    const card = stepCard(page, TOUR, 0);
    await expect(card).toBeVisible();
    await expect.poll(() => gap(card, frame.getByLabel('来文单位'))).toBeLessThan(30);

    // The learner opens another page inside the frame: the field is gone with it.
    await frame.getByRole('link', { name: '查看交换记录' }).click();
    await expect(frame.getByText('暂无交换记录。')).toBeVisible();
    const missing = stepCard(page, TOUR, 0);
    await expect(missing.getByRole('heading')).toHaveText('找不到该元素');
    await expect(missing).toContainText('该元素所在的内嵌页面已跳转或被关闭。');
    await expect(missing.getByRole('button', { name: '报告问题' })).toBeVisible();
    // At normal size the not-found card's actions stay on one line (issue 13: they wrapped).
    const middles = await Promise.all(
      ['报告问题', '跳过', '下一步'].map(async (name) => {
        const box = await missing.getByRole('button', { name, exact: true }).boundingBox();
        return box ? box.y + box.height / 2 : Number.NaN;
      }),
    );
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
    await page.screenshot({ path: 'output/screenshots/step-card-cross-origin-gone.png' });
    // The learner can skip on (the next step's button is not on the records page either).
    await missing.getByRole('button', { name: '跳过' }).click();
    await expect(stepCard(page, TOUR, 1)).toBeVisible();
  });
});

test.describe('tour targets in a cross-origin iframe: the iframe removed', () => {
  test('the page removing the iframe turns the step into 找不到该元素 with the reason', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    const frame = await openExchange(page);
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TITLE);
    const card = stepCard(page, TOUR, 0);
    await expect(card).toBeVisible();
    await expect.poll(() => gap(card, frame.getByLabel('来文单位'))).toBeLessThan(30);

    // A tab shell closing the tab: the iframe leaves the page.
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    await expect(card.getByRole('heading')).toHaveText('找不到该元素');
    await expect(card).toContainText('该元素所在的内嵌页面已跳转或被关闭。');
    await expect(page.locator('.zy-spotlight')).toHaveCount(0);
  });
});

test.describe('step card screenshot (output/screenshots/, looked at by people)', () => {
  test('inside a cross-origin iframe', async ({ context, openExtensionPage, tabIdOf }) => {
    await chooseRole(openExtensionPage);
    const page = await context.newPage();
    const frame = await openExchange(page);
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), TITLE);
    const card = stepCard(page, TOUR, 0);
    await expect(card).toBeVisible();
    await expect(card).toBeInViewport({ ratio: 1 });
    await expect.poll(() => gap(card, frame.getByLabel('来文单位'))).toBeLessThan(30);
    await page.screenshot({ path: 'output/screenshots/step-card-cross-origin.png' });
  });
});

plainTest.describe('tours:check on the cross-origin frame', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  plainTest.describe.configure({ timeout: 120_000 });

  plainTest(
    'follows the frame path into the other origin and drives every step',
    async ({ baseURL }) => {
      const args = [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'scripts/tours-check.ts'),
        ...['--url', `${baseURL}/login.html`, '--tours', join(ROOT, 'tests/fixtures/e2e-tours')],
        ...['--tour', TOUR, '--json'],
      ];
      const { code, stdout, stderr } = await new Promise<{
        code: number;
        stdout: string;
        stderr: string;
      }>((done) =>
        execFile(process.execPath, args, { cwd: ROOT }, (error, out, err) =>
          done({ code: error ? Number(error.code ?? -1) : 0, stdout: out, stderr: err }),
        ),
      );
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout) as CheckReport;
      expect(report.summary).toEqual({ tours: 1, steps: 4, passed: 4, failed: 0, warnings: 0 });
      expect(report.tours[0]?.steps.map((step) => [step.stepId, step.outcome])).toEqual([
        ['unit', 'found'],
        ['register', 'found'],
        ['opinion', 'found'],
        ['done', 'centred'],
      ]);
    },
  );
});
