/**
 * Large text and 200% zoom (issue 16): with 大字号模式 on and the window at half its width in CSS
 * pixels (what 200% browser zoom does to a 1366 px screen), the step card, the popup and the
 * dashboard reflow: nothing sticks out sideways, nothing is cut off inside them, no horizontal
 * scroll. And with prefers-reduced-motion, the overlay does not animate.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setDisplayMode } from './support/a11y';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';

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
