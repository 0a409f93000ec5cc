/**
 * Privacy of what is stored (issue 11): a page whose title names a citizen and whose address holds
 * their ID number and a session id is recorded by the real background with both scrubbed. The
 * page is served at the sim's origin (so the content script runs there as on any host page).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ActivityRecord } from '../../features/progress/records';
import { expect, test } from './fixtures';
import { readStore } from './support/db';
import { chooseRole } from './support/learner';

const ID_NUMBER = '110101199003074514';
const PATH = `/__e2e/people/id-${ID_NUMBER}/detail.jsp;jsessionid=8F3A9C2D71B4E5F60A1B2C3D`;
const TITLE = `张三 ${ID_NUMBER} 的办件详情（联系电话 138-0013-8000）`;

test('a visited page is stored with its title and address scrubbed', async ({
  context,
  openExtensionPage,
}) => {
  await chooseRole(openExtensionPage);
  const page = await context.newPage();
  await page.route(
    (url) => url.pathname.startsWith('/__e2e/people/'),
    (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title></head><body><h1>办件详情</h1><p>申请人：张三</p></body></html>`,
      }),
  );
  await page.goto(`${PATH}?idCard=${ID_NUMBER}#/tab/13800138000`);
  await expect(page.getByRole('heading', { name: '办件详情' })).toBeVisible();

  const extensionPage = await openExtensionPage('options.html');
  let visit: ActivityRecord | undefined;
  await expect
    .poll(async () => {
      visit = (await readStore<ActivityRecord>(extensionPage, 'activity')).find(
        (record) => record.type === 'page-visited' && record.url?.includes('/__e2e/people/'),
      );
      return visit !== undefined;
    })
    .toBe(true);
  const origin = new URL(page.url()).origin;
  expect(visit!.url).toBe(`${origin}/__e2e/people/*/*?idCard=#/tab/*`);
  expect(visit!.title).toBe('张三 [身份证号] 的办件详情（联系电话 [手机号]）');
  const stored = JSON.stringify(await readStore<unknown>(extensionPage, 'activity'));
  for (const value of [ID_NUMBER, '13800138000', '138-0013-8000', '8F3A9C2D71B4E5F60A1B2C3D'])
    expect(stored).not.toContain(value);
});

test('the extension asks only for the permissions README justifies', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('options.html');
  const permissions = await page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { getManifest(): { permissions?: string[] } } };
    };
    return chrome.runtime.getManifest().permissions ?? [];
  });
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.split('### Permissions')[1]?.split('\n## ')[0] ?? '';
  const justified = [...section.matchAll(/^\| `([a-zA-Z]+)`\s*\|/gm)].map((match) => match[1]);
  expect(justified.length).toBeGreaterThan(0);
  expect([...permissions].sort()).toEqual([...justified].sort());
  expect(permissions).not.toContain('tabs');
  expect(permissions).not.toContain('unlimitedStorage');
});
