/**
 * A hostile page script (issue 10): the host page runs its own scripts, sometimes a compromised
 * third-party one. Everything a page script can do is done here from the page's main world
 * (`page.evaluate` and `page.addInitScript` run there): synthetic clicks, keys, input and change
 * on Zhiyin's UI and on step targets, reaching into the overlay's shadow root (open in the test
 * build: the worst case), and WXT's "content script started" message that used to switch Zhiyin
 * off. None of it may create a record or move a tour on; the learner's own input (Playwright's
 * clicks and typing are trusted) still does.
 */
import type { Page } from '@playwright/test';
import type { Role } from '../../features/profile/roles';
import { expect, test } from './fixtures';
import { readStore, tipAcknowledgements, xapiOutbox } from './support/db';
import { chooseRole, startTourFromPopup, stepCard } from './support/learner';
import { logIn } from './support/sim';

/** Time for a forged action to reach the background and come back, had it been accepted. */
const SETTLE_MS = 1500;

/**
 * As a page script: every way to "press" the button named `name` inside Zhiyin's overlay (found
 * through `host.shadowRoot`, reachable only because the test build leaves it open). Returns false
 * when no such button is reachable.
 */
function forgeOverlayButton(page: Page, name: string, within?: string): Promise<boolean> {
  return page.evaluate(
    ({ name, within }) => {
      const root = document.querySelector('zhiyin-overlay')?.shadowRoot;
      const scope = within ? root?.querySelector(within) : root;
      const button = [...(scope?.querySelectorAll('button') ?? [])].find(
        (candidate) => candidate.textContent?.trim() === name,
      );
      if (!button) return false;
      const init = { bubbles: true, cancelable: true, composed: true };
      button.dispatchEvent(new PointerEvent('pointerdown', init));
      button.dispatchEvent(new MouseEvent('mousedown', init));
      button.dispatchEvent(new PointerEvent('pointerup', init));
      button.dispatchEvent(new MouseEvent('mouseup', init));
      button.dispatchEvent(new MouseEvent('click', init));
      button.click();
      button.focus();
      button.dispatchEvent(new KeyboardEvent('keydown', { ...init, key: 'Enter' }));
      return true;
    },
    { name, within },
  );
}

/** As a page script: a key pressed on Zhiyin's dialog (Esc, arrows). */
function forgeOverlayKey(page: Page, selector: string, key: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, key }) => {
      const element = document.querySelector('zhiyin-overlay')?.shadowRoot?.querySelector(selector);
      if (!element) return false;
      const init = { bubbles: true, cancelable: true, composed: true, key };
      element.dispatchEvent(new KeyboardEvent('keydown', init));
      element.dispatchEvent(new KeyboardEvent('keyup', init));
      return true;
    },
    { selector, key },
  );
}

/** As a page script: types `value` into the page's own field (React-safe) and fires input/change. */
function forgeTyping(page: Page, selector: string, value: string): Promise<void> {
  return page.evaluate(
    ({ selector, value }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      input.focus();
      input.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }));
      // The native setter, so React-controlled fields (Ant Design) take the value too.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, value },
  );
}

/** As a page script: clicks the page's own element. */
function forgeClick(page: Page, selector: string): Promise<void> {
  return page.evaluate((selector) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`no ${selector}`);
    const init = { bubbles: true, cancelable: true, composed: true };
    element.dispatchEvent(new PointerEvent('pointerdown', init));
    element.dispatchEvent(new MouseEvent('mousedown', init));
    element.dispatchEvent(new MouseEvent('mouseup', init));
    element.click();
  }, selector);
}

/** The learner's stored profile (role), read from the extension's own database. */
async function storedRole(extensionPage: Page): Promise<Role | null> {
  const rows = await readStore<{ key: string; role: Role | null }>(extensionPage, 'profile');
  return rows.find((row) => row.key === 'me')?.role ?? null;
}

const tourEvents = (extensionPage: Page, tourId: string) =>
  readStore<{ tourId: string; kind: string }>(extensionPage, 'tourEvents').then((rows) =>
    rows.filter((row) => row.tourId === tourId),
  );

const tourProgress = (extensionPage: Page, tourId: string) =>
  readStore<{ tourId: string; status: string; lastStepIndex: number; completions: number }>(
    extensionPage,
    'tourProgress',
  ).then((rows) => rows.find((row) => row.tourId === tourId));

test.describe('a hostile page script cannot forge records or switch Zhiyin off (issue 10)', () => {
  test('a page script cannot choose the learner’s role or dismiss the welcome card', async ({
    context,
    openExtensionPage,
  }) => {
    const db = await openExtensionPage('options.html');
    const page = await context.newPage();
    await page.goto('/login.html');
    const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
    await expect(welcome).toBeVisible();

    const forged = await page.evaluate(() => {
      const root = document.querySelector('zhiyin-overlay')?.shadowRoot;
      const roles = [...(root?.querySelectorAll<HTMLButtonElement>('button.zy-role') ?? [])];
      for (const role of roles) {
        role.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        role.click();
      }
      return roles.length;
    });
    expect(forged).toBe(4);
    expect(await forgeOverlayButton(page, '稍后再说')).toBe(true);
    expect(await forgeOverlayKey(page, '[role="dialog"]', 'Escape')).toBe(true);
    await page.waitForTimeout(SETTLE_MS);

    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('status')).toHaveCount(0);
    expect(await storedRole(db)).toBeNull();
    const profile = await readStore<{ welcomeDismissedAt: number | null }>(db, 'profile');
    expect(profile.every((row) => row.welcomeDismissedAt === null)).toBe(true);

    // The learner's own click still chooses the role and stores it.
    await welcome.getByRole('button', { name: /基层用户/ }).click();
    await expect(welcome.getByRole('status')).toContainText('已设置为「基层用户」');
    await expect.poll(() => storedRole(db)).toBe('基层用户');
  });

  test('a page script cannot answer 我已知晓 on a compliance tip', async ({
    context,
    openExtensionPage,
  }) => {
    const db = await openExtensionPage('options.html');
    const page = await context.newPage();
    await page.goto('/login.html');
    const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
    await welcome.getByRole('button', { name: /业务操作人员/ }).click();
    await welcome.getByRole('button', { name: '开始使用' }).click();

    const tip = page.locator('[data-zhiyin-tip]');
    await expect(tip).toBeVisible();
    const tipId = await tip.getAttribute('data-zhiyin-tip');
    const outboxBefore = (await xapiOutbox(db)).length;
    for (const name of ['我已知晓', '稍后提醒', '不再显示']) {
      await forgeOverlayButton(page, name, '[data-zhiyin-tip]');
    }
    expect(await forgeOverlayButton(page, '我已知晓', '[data-zhiyin-tip]')).toBe(true);
    await page.waitForTimeout(SETTLE_MS);

    await expect(tip).toBeVisible();
    await expect(tip).toHaveAttribute('data-zhiyin-tip', tipId ?? '');
    expect(await tipAcknowledgements(db)).toEqual([]);
    expect((await xapiOutbox(db)).length).toBe(outboxBefore);

    // The learner's own 我已知晓 is stored.
    await tip.getByRole('button', { name: '我已知晓' }).click();
    await expect
      .poll(async () => (await tipAcknowledgements(db)).map((record) => record.tipId))
      .toEqual([tipId]);
  });

  test('a page script cannot click a tour on: card buttons, keys, and the step’s own targets', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const db = await openExtensionPage('options.html');
    const page = await context.newPage();
    await page.goto('/__e2e/engine.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：逐步引导');
    const tour = 'e2e-engine';

    // Step 1 (centred): 下一步, → and Esc from a page script do nothing.
    await expect(stepCard(page, tour, 0)).toBeVisible();
    await expect.poll(async () => (await tourEvents(db, tour)).length).toBeGreaterThan(0);
    const eventsBefore = (await tourEvents(db, tour)).length;
    expect(await forgeOverlayButton(page, '下一步', '[data-zhiyin-step="0"]')).toBe(true);
    expect(await forgeOverlayKey(page, '[data-zhiyin-step="0"]', 'ArrowRight')).toBe(true);
    expect(await forgeOverlayKey(page, '[data-zhiyin-step="0"]', 'Escape')).toBe(true);
    expect(await forgeOverlayButton(page, '跳过', '[data-zhiyin-step="0"]')).toBe(true);
    await page.waitForTimeout(SETTLE_MS);
    await expect(stepCard(page, tour, 0)).toBeVisible();
    expect((await tourEvents(db, tour)).length).toBe(eventsBefore);
    expect((await tourProgress(db, tour))?.lastStepIndex).toBe(0);
    await stepCard(page, tour, 0).getByRole('button', { name: '下一步' }).click();

    // Step 2 advances on valid input: a page script typing a valid name does not count.
    const name = stepCard(page, tour, 1);
    await expect(name).toBeVisible();
    await forgeTyping(page, '#name', '张三');
    await page.waitForTimeout(SETTLE_MS);
    await expect(name).toBeVisible();
    await expect(stepCard(page, tour, 2)).toHaveCount(0);
    expect((await tourProgress(db, tour))?.lastStepIndex).toBe(1);
    await page.locator('#name').fill('');
    await page.locator('#name').pressSequentially('李四');

    // Step 3 advances on a click on 保存: the page clicking it itself does not count.
    const save = stepCard(page, tour, 2);
    await expect(save).toBeVisible();
    await forgeClick(page, '#save');
    await page.waitForTimeout(SETTLE_MS);
    await expect(save).toBeVisible();
    expect((await tourProgress(db, tour))?.lastStepIndex).toBe(2);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(stepCard(page, tour, 3)).toBeVisible();
    await expect.poll(async () => (await tourProgress(db, tour))?.lastStepIndex).toBe(3);
  });

  test('a page script cannot switch Zhiyin off (WXT “script started” spoof): the card stays, an SPA route change still shows the next step, 完成 stays the learner’s', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage);
    const db = await openExtensionPage('options.html');
    const page = await context.newPage();
    // A script in the page's <head>: it listens for the content script's announcement.
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { __announced: unknown[] }).__announced = seen;
      window.addEventListener('message', (event) => {
        const data = event.data as { type?: unknown } | null;
        if (typeof data?.type === 'string' && data.type.includes('content-script-started')) {
          seen.push(data);
        }
      });
    });
    await page.goto('/login.html');
    await startTourFromPopup(page, openExtensionPage, await tabIdOf(page), '引擎测试：跨页面引导');
    const tour = 'e2e-multipage';
    await expect(stepCard(page, tour, 0)).toBeVisible();
    await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
    await expect(stepCard(page, tour, 1)).toBeVisible();
    await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
    await expect(stepCard(page, tour, 2)).toBeVisible();
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/index\.html/);
    const todo = stepCard(page, tour, 3);
    await expect(todo).toBeVisible();

    // The page replays the announcement as a newer script of the same name would, and stops
    // WXT's location-change event before it reaches the content script.
    const spoofed = await page.evaluate(() => {
      const announced = (window as unknown as { __announced: { type: string }[] }).__announced;
      const type = announced[0]?.type;
      if (!type) return null;
      const detail = { contentScriptName: 'content', messageId: 'page-script' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
      const locationChange = type.replace('content-script-started', 'locationchange');
      window.addEventListener(locationChange, (event) => event.stopImmediatePropagation(), true);
      return type;
    });
    expect(spoofed).toContain('wxt:content-script-started');
    await page.waitForTimeout(SETTLE_MS);
    await expect(todo).toBeVisible();

    // An SPA route change (#/todo) is still followed: the last step shows.
    await page
      .getByRole('navigation', { name: '顶部导航' })
      .getByRole('link', { name: /我的待办/ })
      .click();
    await page.waitForURL(/#\/todo/);
    const last = stepCard(page, tour, 4);
    await expect(last).toBeVisible();

    // 完成 from a page script does not finish the tour; the learner's does.
    expect(await forgeOverlayButton(page, '完成', '[data-zhiyin-step="4"]')).toBe(true);
    await page.waitForTimeout(SETTLE_MS);
    await expect(last).toBeVisible();
    expect((await tourProgress(db, tour))?.completions ?? 0).toBe(0);
    await last.getByRole('button', { name: '完成' }).click();
    await expect(stepCard(page, tour)).toHaveCount(0);
    await expect.poll(async () => (await tourProgress(db, tour))?.completions).toBe(1);
  });

  test('a page script cannot pass a practical exam or hand it in (交卷)', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    const TITLE = '用进度查询跟踪审批状态';
    const QUERY = '请输入受理编号或统一社会信用代码';
    const CREDIT_CODE = '91620102029332164P';
    await chooseRole(openExtensionPage, '基层用户');
    const db = await openExtensionPage('options.html');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'service.html#/progress');
    await expect(page.getByPlaceholder(QUERY)).toBeVisible();
    const popup = await openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
    await Promise.all([
      popup.waitForEvent('close'),
      popup.getByRole('button', { name: `以考核方式开始：${TITLE}` }).click(),
    ]);
    await page.bringToFront();
    const hud = page.getByRole('region', { name: '实操考核' });
    await expect(hud).toBeVisible();
    const finished = async () =>
      (await readStore<{ status: string }>(db, 'assessments')).filter(
        (row) => row.status !== 'running',
      );

    // 交卷 on the HUD from a page script: nothing is handed in.
    expect(await forgeOverlayButton(page, '交卷', '[data-zhiyin-exam]')).toBe(true);
    await page.waitForTimeout(SETTLE_MS);
    await expect(hud).toBeVisible();
    expect(await finished()).toEqual([]);

    // The page script does the exam's steps itself: the right value, then 查询.
    await forgeTyping(page, `input[placeholder="${QUERY}"]`, CREDIT_CODE);
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((candidate) =>
        candidate.textContent?.replace(/\s/g, '').includes('查询'),
      );
      button?.click();
    });
    await page.waitForTimeout(SETTLE_MS);
    await expect(hud).toBeVisible();
    await expect(page.getByRole('region', { name: `考核结果：${TITLE}` })).toHaveCount(0);
    expect(await finished()).toEqual([]);

    // The learner does it (on a fresh page: the forged query left its result on screen, and an
    // exam step counts only what appears after it began): a result and a stored assessment.
    await page.reload();
    await expect(hud).toBeVisible();
    await expect(page.getByPlaceholder(QUERY)).toHaveValue('');
    await page.getByPlaceholder(QUERY).fill(CREDIT_CODE);
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('region', { name: `考核结果：${TITLE}` })).toBeVisible();
    await expect.poll(async () => (await finished()).length).toBe(1);
  });
});
