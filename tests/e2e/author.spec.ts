/**
 * 作者模式 (trainers) on the sim: turned on for a tab from the options page, the picker outlines
 * what the pointer is on, a click proposes the most robust proven locator and copies a ready YAML
 * step, and Esc leaves without a trace.
 */
import { expect, test } from './fixtures';
import { chooseRole } from './support/learner';

test('author mode: hover outlines, a click proposes the label locator and copies a YAML step', async ({
  context,
  openExtensionPage,
  baseURL,
}) => {
  await chooseRole(openExtensionPage);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  const page = await context.newPage();
  await page.goto('/login.html');
  await expect(page.getByRole('button', { name: /登\s*录/u })).toBeVisible();

  const options = await openExtensionPage('options.html');
  const section = options.getByTestId('author-mode');
  await expect(section.getByRole('heading', { name: '作者模式（培训师）' })).toBeVisible();
  const start = section.getByRole('button', { name: /^在此页开启作者模式：/u });
  await expect(start).toHaveCount(1);
  await start.click();
  await expect(section.getByRole('status')).toContainText('已在「');
  await page.bringToFront();

  const picker = page.getByRole('dialog', { name: '元素拾取器' });
  await expect(picker).toBeVisible();

  // Hover: an outline is drawn around the element under the pointer.
  const account = page.getByRole('textbox', { name: '账号' });
  await account.hover();
  const outline = page.locator('zhiyin-author div[aria-hidden="true"]');
  await expect(outline).toHaveCount(1);
  const [box, ring] = [await account.boundingBox(), await outline.boundingBox()];
  expect(ring && box && ring.x <= box.x && ring.x + ring.width >= box.x + box.width).toBe(true);

  // Click: the page does not act on it; the panel proposes proven locators, label first.
  await account.click();
  await expect(account).not.toBeFocused();
  const proposals = picker.locator('fieldset label');
  await expect(proposals.first()).toContainText('表单标签');
  await expect(proposals.first().locator('code')).toHaveText('label "账号"');
  await expect(proposals.first()).toContainText('唯一且可见');
  await expect(picker.getByLabel('YAML 步骤预览')).toContainText('target: { label: 账号 }');

  await picker.getByLabel('步骤标题（可选）').fill('输入账号');
  await picker.getByRole('button', { name: '复制 YAML' }).click();
  await expect(picker.getByText('已复制 YAML 步骤')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^- id: [a-z0-9-]+\n/u);
  expect(copied).toContain('  target: { label: 账号 }\n');
  expect(copied).toContain('  title: 输入账号\n');

  await page.screenshot({ path: 'output/screenshots/author-mode.png' });

  // Esc leaves author mode: the picker and its host are gone, the page works again.
  await page.keyboard.press('Escape');
  await expect(page.locator('zhiyin-author')).toHaveCount(0);
  await account.click();
  await expect(account).toBeFocused();
});
