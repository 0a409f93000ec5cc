import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';
import { sendFromExtensionPage } from './support/messages';
import { logIn } from './support/sim';

/** Distance in px between the card and its target's box (0 when they touch or overlap). */
async function gap(card: Locator, target: Locator): Promise<number> {
  const a = await card.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) return Infinity;
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

test.describe('tour engine on real pages', () => {
  test.beforeEach(async ({ openExtensionPage }) => {
    await chooseRole(openExtensionPage);
  });

  test('walks a tour driven by real typing and clicks: late, replaced, scrolled and modal-covered targets', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：逐步引导');

    const intro = stepCard(page, 'e2e-engine', 0);
    await expect(intro).toBeVisible();
    await expect(intro.getByRole('heading')).toHaveText('欢迎');
    await expect(intro).toContainText('1 / 10');
    await intro.getByRole('button', { name: '下一步' }).click();

    // Input step: the card sits by the field; a value that breaks the rule keeps the step open.
    const name = stepCard(page, 'e2e-engine', 1);
    await expect(name).toBeVisible();
    expect(await gap(name, page.locator('#name'))).toBeLessThan(30);
    await expect(name.getByRole('button', { name: '下一步' })).toBeDisabled();
    await page.locator('#name').pressSequentially('张');
    await expect(name.getByRole('alert')).toHaveText('填写的格式不符合要求，请检查后重新输入。');
    // Typing in the page is not interrupted: focus stays in the field.
    await expect(page.locator('#name')).toBeFocused();
    await page.locator('#name').pressSequentially('三');

    // Click step: a real click on the page's button advances.
    const save = stepCard(page, 'e2e-engine', 2);
    await expect(save).toBeVisible();
    await page.getByRole('button', { name: '保存' }).click();

    // The confirmation appears only ~1 s later: the step waits for it.
    const saved = stepCard(page, 'e2e-engine', 3);
    await expect(saved).toBeVisible();
    expect(await gap(saved, page.locator('#result').getByText('保存成功'))).toBeLessThan(30);
    await saved.getByRole('button', { name: '下一步' }).click();

    await expect(stepCard(page, 'e2e-engine', 4)).toBeVisible();
    await page.getByRole('button', { name: '刷新列表' }).click();

    // The page replaced and moved the target: the card follows the new element.
    const moved = stepCard(page, 'e2e-engine', 5);
    await expect(moved).toBeVisible();
    const details = page.getByRole('button', { name: '查看详情' });
    await expect.poll(() => gap(moved, details)).toBeLessThan(30);
    await moved.getByRole('button', { name: '下一步' }).click();

    // Deep inside a scroll container: scrolled into view, card beside it.
    const log = stepCard(page, 'e2e-engine', 6);
    await expect(log).toBeVisible();
    const entry = page.getByLabel('操作日志').getByText('第35条：目标日志');
    await expect(entry).toBeInViewport();
    await expect.poll(() => gap(log, entry)).toBeLessThan(30);
    await log.getByRole('button', { name: '下一步' }).click();

    await expect(stepCard(page, 'e2e-engine', 7)).toBeVisible();
    await page.getByRole('button', { name: '打开对话框' }).click();

    // A dialog with a climbing z-index opened: the card is still on top of it.
    const confirm = stepCard(page, 'e2e-engine', 8);
    await expect(confirm).toBeVisible();
    const box = await confirm.boundingBox();
    const topmost = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: (box?.x ?? 0) + 20,
      y: (box?.y ?? 0) + 20,
    });
    expect(topmost).toBe('zhiyin-overlay');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();

    // Far down the page, under a fixed header: revealed, not hidden behind the header.
    const far = stepCard(page, 'e2e-engine', 9);
    await expect(far).toBeVisible();
    const farButton = page.getByRole('button', { name: '页面底部按钮' });
    await expect(farButton).toBeInViewport();
    expect((await farButton.boundingBox())?.y ?? 0).toBeGreaterThan(64);

    // The page scrolls the target out of view below the window and back: the card stays attached
    // to it (same gap), it is not pushed back on screen away from the target (bench: small page).
    const gapBefore = await gap(far, farButton);
    expect(gapBefore).toBeLessThan(30);
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.scrollBy({ top: -300, behavior: 'instant' }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrollY - 300);
    await expect(farButton).not.toBeInViewport();
    await expect
      .poll(async () => Math.round(await gap(far, farButton)))
      .toBe(Math.round(gapBefore));
    await page.evaluate(() => window.scrollBy({ top: 300, behavior: 'instant' }));
    await expect(farButton).toBeInViewport();
    await expect
      .poll(async () => Math.round(await gap(far, farButton)))
      .toBe(Math.round(gapBefore));
    await far.getByRole('button', { name: '完成' }).click();

    await expect(
      page.getByRole('status').filter({ hasText: '引导已完成：引擎测试：逐步引导' }),
    ).toBeVisible();
    await expect(stepCard(page, 'e2e-engine')).toHaveCount(0);

    const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
    await expect(popup.getByTestId('tours-here')).toContainText('引擎测试：逐步引导');
    await expect(
      popup.getByTestId('tours-here').locator('li', { hasText: '逐步引导' }),
    ).toContainText('已完成');
  });

  test('skips an optional step whose target is missing and reports one that never appears', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：找不到元素');

    // Step 0 is optional and missing: skipped without a card; step 1 is required and missing.
    const ghost = stepCard(page, 'e2e-missing', 1);
    await expect(ghost).toBeVisible();
    await expect(ghost.getByRole('heading')).toHaveText('找不到该元素');
    await expect(ghost).toContainText('2 / 3');
    // One click files a problem report naming the tour and step.
    await ghost.getByRole('button', { name: '报告问题' }).click();
    await expect(ghost.getByRole('status')).toHaveText(
      '问题已记录，可在工具栏「我的报告」中查看。',
    );
    await ghost.getByRole('button', { name: '跳过' }).click();
    const after = stepCard(page, 'e2e-missing', 2);
    await expect(after).toBeVisible();
    await after.getByRole('button', { name: '完成' }).click();
    await expect(stepCard(page, 'e2e-missing')).toHaveCount(0);

    // The report is stored (no endpoint configured: kept on this computer) with its context.
    const options = await openExtensionPage('options.html');
    const { text: exported } = await sendFromExtensionPage(options, 'page:exportReports', {});
    expect(exported).toContain('找不到页面元素');
    expect(exported).toMatch(/"stepId": *"ghost"/);
  });

  test('Esc exits the tour; a reload mid-tour continues at the same step', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：逐步引导');
    await stepCard(page, 'e2e-engine', 0).getByRole('button', { name: '下一步' }).click();
    await expect(stepCard(page, 'e2e-engine', 1)).toBeVisible();

    await page.reload();
    const resumed = stepCard(page, 'e2e-engine', 1);
    await expect(resumed).toBeVisible();
    await expect(resumed).toContainText('2 / 10');

    await resumed.getByRole('button', { name: '上一步' }).click();
    const first = stepCard(page, 'e2e-engine', 0);
    await first.focus();
    await page.keyboard.press('Escape');
    await expect(stepCard(page, 'e2e-engine')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '已退出引导' })).toBeVisible();
  });

  test('continues across a full page load and an SPA route change', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：跨页面引导');

    await expect(stepCard(page, 'e2e-multipage', 0)).toBeVisible();
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await expect(stepCard(page, 'e2e-multipage', 1)).toBeVisible();
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    await expect(stepCard(page, 'e2e-multipage', 2)).toBeVisible();
    await page.getByRole('button', { name: '登录' }).click();

    // Full page load to the workbench: the next step appears there.
    await page.waitForURL(/index\.html/);
    const todo = stepCard(page, 'e2e-multipage', 3);
    await expect(todo).toBeVisible();
    await page
      .getByRole('navigation', { name: '顶部导航' })
      .getByRole('link', { name: /我的待办/ })
      .click();

    // SPA route change (#/todo): the last, centred step.
    await page.waitForURL(/#\/todo/);
    const last = stepCard(page, 'e2e-multipage', 4);
    await expect(last).toBeVisible();
    await last.getByRole('button', { name: '完成' }).click();
    await expect(stepCard(page, 'e2e-multipage')).toHaveCount(0);
  });

  test('points at a field inside the legacy iframe module', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/login.html');
    await page.getByLabel('账号').fill('zhangsan');
    await page.getByLabel('密码').fill('Zhiyin@2024');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/index\.html/);
    await page.goto('/oa.html#borrow');
    const frame = page.frameLocator('iframe[title="档案借阅登记"]');
    await expect(frame.getByLabel('借阅人')).toBeVisible();

    await startTourFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      '引擎测试：iframe 中的旧版模块',
    );
    const card = stepCard(page, 'e2e-iframe', 0);
    await expect(card).toBeVisible();
    // The card (top document) sits next to the field inside the iframe.
    const field = page.locator('iframe[title="档案借阅登记"]').contentFrame().getByLabel('借阅人');
    await expect.poll(() => gap(card, field)).toBeLessThan(30);
    await field.fill('张三');
    await expect(stepCard(page, 'e2e-iframe', 1)).toBeVisible();
  });

  test('offers to resume a tour whose tab was closed mid-way', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：逐步引导');
    await stepCard(page, 'e2e-engine', 0).getByRole('button', { name: '下一步' }).click();
    await expect(stepCard(page, 'e2e-engine', 1)).toBeVisible();
    await page.close();

    const again = await context.newPage();
    await again.goto('/__e2e/engine.html');
    const offer = again.getByRole('dialog', { name: '继续未完成的引导？' });
    await expect(offer).toBeVisible();
    await expect(offer).toContainText('引擎测试：逐步引导');
    await offer.getByRole('button', { name: '继续' }).click();
    await expect(stepCard(again, 'e2e-engine', 1)).toBeVisible();
  });
  test('component-library quirks: route-changing click, hidden checkbox, label→select, validator message, failed save, tall target', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/quirks.html#/home');
    await startTourFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      '引擎测试：组件库的怪癖',
    );

    // A click that also changes the hash route still completes its step.
    await expect(stepCard(page, 'e2e-quirks', 0)).toBeVisible();
    await page.getByRole('link', { name: '申请列表' }).click();
    await expect(page).toHaveURL(/#\/list$/);
    const list = stepCard(page, 'e2e-quirks', 1);
    await expect(list).toBeVisible();
    await list.getByRole('button', { name: '下一步' }).click();

    // antd's native checkbox is transparent: the card points at the visible wrapper (found, not
    // "找不到该元素"), and ticking it advances.
    const agree = stepCard(page, 'e2e-quirks', 2);
    await expect(agree).toBeVisible();
    await expect(agree.getByRole('heading')).toHaveText('勾选同意');
    const wrapper = page.locator('.ant-checkbox-wrapper');
    expect(await gap(agree, wrapper)).toBeLessThan(30);
    await wrapper.click();

    // <label for> aims at the select's 1 px search input: the card points at the whole select.
    const region = stepCard(page, 'e2e-quirks', 3);
    await expect(region).toBeVisible();
    await expect(region.getByRole('heading')).toHaveText('所属地区');
    expect(await gap(region, page.locator('#region'))).toBeLessThan(30);
    await page.locator('#region').click();
    await page.getByRole('option', { name: '新区街道' }).click();

    // A rejected value shows the validator's own explanation, not a generic sentence.
    const code = stepCard(page, 'e2e-quirks', 4);
    await expect(code).toBeVisible();
    // (By id: the card, a dialog labelled with the step title, has the same name.)
    await page.locator('#code').fill('91350100M000100Y44');
    await expect(code.getByRole('alert')).toHaveText(
      '校验位应为 3，实际为 4，请核对是否有字符录入错误',
    );
    await page.locator('#code').fill('91350100M000100Y43');

    // A click whose page action fails does not complete the step: the card says so; the
    // second, successful save does.
    const save = stepCard(page, 'e2e-quirks', 5);
    await expect(save).toBeVisible();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '保存失败' })).toBeVisible();
    await expect(save.getByRole('alert')).toHaveText(
      '页面还没有显示操作成功。请查看页面上的提示，处理后再点一次。',
    );
    await page.getByRole('button', { name: '保存' }).click();

    // A target taller than the window: its start is scrolled into view, the card is on screen.
    const tall = stepCard(page, 'e2e-quirks', 6);
    await expect(tall).toBeVisible();
    await expect(tall).toBeInViewport({ ratio: 1 });
    const top = await page
      .locator('#tall')
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    await tall.getByRole('button', { name: '下一步' }).click();

    // A click step with `until` whose click also changes the route: one click is enough (the
    // success notice appears on the new route a moment after the route change).
    await expect(stepCard(page, 'e2e-quirks', 7)).toBeVisible();
    await page.getByRole('link', { name: '提交申请' }).click();
    await expect(page).toHaveURL(/#\/submitted$/);
    await expect(stepCard(page, 'e2e-quirks', 8)).toBeVisible();
  });

  test('stays on top and usable above a modal <dialog> and a popover (top layer)', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const page = await context.newPage();
    await page.goto('/__e2e/top-layer.html');
    await startTourFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      '引擎测试：模态对话框与弹出层',
    );

    const topmostAt = async (card: Locator) => {
      const box = await card.boundingBox();
      return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
        x: (box?.x ?? 0) + 20,
        y: (box?.y ?? 0) + 20,
      });
    };

    await expect(stepCard(page, 'e2e-top-layer', 0)).toBeVisible();
    await page.getByRole('button', { name: '打开模态对话框' }).click();
    await expect(page.getByRole('dialog', { name: '提交申请' })).toBeVisible();

    // Inside the modal dialog: the card is drawn above it and not inert (its buttons work).
    const reason = stepCard(page, 'e2e-top-layer', 1);
    await expect(reason).toBeVisible();
    expect(await topmostAt(reason)).toBe('zhiyin-overlay');
    await expect(reason.getByRole('button', { name: '上一步' })).toBeEnabled();
    await page.getByLabel('申请事由').fill('岗位调整需要');
    const submit = stepCard(page, 'e2e-top-layer', 2);
    await expect(submit).toBeVisible();
    expect(await topmostAt(submit)).toBe('zhiyin-overlay');
    // The card's own button is clickable over the modal (a real pointer click, not forced).
    await submit.getByRole('button', { name: '上一步' }).click();
    await expect(stepCard(page, 'e2e-top-layer', 1)).toBeVisible();
    await page.getByLabel('申请事由').fill('岗位调整需要，申请更高权限');
    await expect(stepCard(page, 'e2e-top-layer', 2)).toBeVisible();
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('dialog', { name: '提交申请' })).toBeHidden();

    // The dialog closed: the card is back to normal and the page is usable again.
    const popover = stepCard(page, 'e2e-top-layer', 3);
    await expect(popover).toBeVisible();
    await page.getByRole('button', { name: '打开弹出层' }).click();
    const tip = stepCard(page, 'e2e-top-layer', 4);
    await expect(tip).toBeVisible();
    expect(await topmostAt(tip)).toBe('zhiyin-overlay');
    await tip.getByRole('button', { name: '完成' }).click();
    await expect(stepCard(page, 'e2e-top-layer')).toHaveCount(0);
    // Our host went back to <body> when the dialog closed; once the page's popover closes too, it
    // leaves the top layer (an ordinary element again, or gone with nothing left to show).
    expect(await page.locator('dialog zhiyin-overlay').count()).toBe(0);
    await page.evaluate(() => document.getElementById('tip')?.hidePopover());
    await expect(page.locator('zhiyin-overlay[popover]')).toHaveCount(0);
  });
});

test.describe('step card screenshots (output/screenshots/, looked at by people)', () => {
  const SHOTS = 'output/screenshots';

  test('normal, large text, inside the legacy iframe module and above a modal dialog', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    // Four tours started from the popup on four pages, a reload and two settings changes: 37 s
    // in a loaded fresh run, 61 s in another (its login alone took 16 s there). A budget for
    // the work, not a speed check.
    test.setTimeout(120_000);
    await chooseRole(openExtensionPage);
    const page = await context.newPage();

    // Normal: a bundled tour on the sim's business-licence page, a card beside its field.
    await logIn(page, 'zhangsan', 'service.html#/apply');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '受理营业执照办理申请');
    await stepCard(page, 'bianmin-business-licence', 0)
      .getByRole('button', { name: '下一步' })
      .click();
    const card = stepCard(page, 'bianmin-business-licence', 1);
    await expect(card).toBeVisible();
    await expect(card).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/step-card-normal.png` });

    // Large text (大字号模式), after a reload: the tour continues at the same step.
    const options = await openExtensionPage('options.html');
    await options.getByLabel('大字号模式').check();
    await options.close();
    await page.bringToFront();
    await page.reload();
    const large = stepCard(page, 'bianmin-business-licence', 1);
    await expect(large).toBeVisible();
    await expect(large).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/step-card-large-text.png` });
    await large.getByRole('button', { name: '退出引导' }).click();
    const reset = await openExtensionPage('options.html');
    await reset.getByLabel('大字号模式').uncheck();
    await reset.close();

    // Inside the legacy iframe module (oa.html): the card in the top page beside the field.
    await page.bringToFront();
    await page.goto('/oa.html#borrow');
    const frame = page.locator('iframe[title="档案借阅登记"]').contentFrame();
    await expect(frame.getByLabel('借阅人')).toBeVisible();
    await startTourFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      '引擎测试：iframe 中的旧版模块',
    );
    const inFrame = stepCard(page, 'e2e-iframe', 0);
    await expect(inFrame).toBeVisible();
    await expect.poll(() => gap(inFrame, frame.getByLabel('借阅人'))).toBeLessThan(30);
    await page.screenshot({ path: `${SHOTS}/step-card-iframe.png` });

    // Above a modal dialog the page opened with showModal() (the top layer).
    await page.goto('/__e2e/top-layer.html');
    await startTourFromPopup(
      page,
      openExtensionPage,
      await tabIdOf(page),
      '引擎测试：模态对话框与弹出层',
    );
    await expect(stepCard(page, 'e2e-top-layer', 0)).toBeVisible();
    await page.getByRole('button', { name: '打开模态对话框' }).click();
    const modal = stepCard(page, 'e2e-top-layer', 1);
    await expect(modal).toBeVisible();
    await expect(modal).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/step-card-modal.png` });
  });
});
