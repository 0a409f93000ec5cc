import type { Page } from '@playwright/test';

/** Every seeded demo user of the simulated system has this password. */
export const SIM_PASSWORD = 'Zhiyin@2024';

/**
 * Logs in through the sim's login form and lands on `target` (relative to the sim root) through
 * the login page's own redirect, so 首页's first-visit tour does not start unless a test wants it.
 * Fields are found by role and name: Zhiyin's own cards may also mention 账号 and 密码.
 */
export async function logIn(page: Page, account: string, target = 'index.html'): Promise<void> {
  await page.goto(`/login.html?redirect=${encodeURIComponent(target)}`);
  await page.getByRole('textbox', { name: '账号' }).fill(account);
  await page.getByRole('textbox', { name: '密码' }).fill(SIM_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const path = target.split('#')[0] ?? target;
  await page.waitForURL((url) => url.pathname.endsWith(`/${path}`));
}
