/**
 * A healthy page gets no console noise from Zhiyin (issue 13): history-API route changes used to
 * print `[zhiyin] rules MessageRefused: url is not the sender's page` every time, because the
 * browser reports the new address as the sender's a moment after the page's own `location`.
 */
import type { ConsoleMessage } from '@playwright/test';
import { expect, test } from './fixtures';
import { acknowledgeFirstRunTips, welcomeAs } from './support/learner';

test('history-API route changes on an SPA leave the console quiet', async ({ context }) => {
  const page = await context.newPage();
  const noise: string[] = [];
  const listen = (message: ConsoleMessage) => {
    // The page's own missing favicon is not ours; anything from Zhiyin, or any other error, is.
    const ours = /zhiyin/i.test(message.text());
    const error = message.type() === 'error' && !/^Failed to load resource/.test(message.text());
    if (ours || error) noise.push(`${message.type()}: ${message.text()}`);
  };
  page.on('console', listen);
  page.on('pageerror', (error) => noise.push(`pageerror: ${error.message}`));
  await welcomeAs(page);
  await acknowledgeFirstRunTips(page);
  await page.goto('/__e2e/spa-history.html');

  const nav = page.getByRole('navigation', { name: '主导航' });
  for (let round = 0; round < 3; round += 1) {
    for (const name of ['办件列表', '办件详情', '统计']) {
      await nav.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    }
    await page.goBack();
  }
  // Messages sent on a route change are answered within a moment; give them time to arrive.
  await page.waitForTimeout(1500);
  expect(noise).toEqual([]);
});
