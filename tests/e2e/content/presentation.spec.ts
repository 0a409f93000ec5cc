/**
 * How a bundled tour's card looks on the sim for the learner: normal, in 大字号模式 and in English
 * (the tours' i18n.en). Screenshots are attached to the test result for people to look at.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { logIn, startTour } from './support';

async function bodyFontSize(card: ReturnType<Page['locator']>): Promise<number> {
  return card
    .locator('p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
}

test('a tour card in normal, large-text and English mode on the sim', async ({
  context,
  openExtensionPage,
  tabIdOf,
}, testInfo) => {
  await chooseRole(openExtensionPage, '业务操作人员');
  const page = await context.newPage();
  await logIn(page, 'zhangsan', 'service.html#/apply');
  const tour = await startTour(page, openExtensionPage, tabIdOf, {
    id: 'bianmin-business-licence',
    title: '受理营业执照办理申请',
    steps: 17,
  });
  await tour.next(0, '五个环节');
  const card = await tour.expectStep(1, '核对申请人身份');
  const normal = await bodyFontSize(card);
  await page.screenshot({ path: testInfo.outputPath('card-normal.png') });

  // Switched while the card is open: the open card follows at once, on the same step.
  const options = await openExtensionPage('options.html');
  await options.getByLabel('大字号模式').check();
  await expect(options.getByLabel('大字号模式')).toBeChecked();
  await options.getByRole('combobox', { name: '界面语言' }).selectOption('en');
  await expect(options.getByRole('heading', { name: 'Zhiyin · Settings' })).toBeVisible();
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const live = await tour.expectStep(1, 'Verify the applicant');
  await expect(live).toContainText('four musts');
  await expect.poll(() => bodyFontSize(live)).toBeGreaterThan(normal);
  await options.close();

  // And after a reload the tour resumes in them.
  await page.bringToFront();
  await page.reload();
  const large = await tour.expectStep(1, 'Verify the applicant');
  await expect(large).toContainText('four musts');
  expect(await bodyFontSize(large)).toBeGreaterThan(normal);
  await page.screenshot({ path: testInfo.outputPath('card-large-english.png') });
  await testInfo.attach('card-normal', {
    path: testInfo.outputPath('card-normal.png'),
    contentType: 'image/png',
  });
  await testInfo.attach('card-large-english', {
    path: testInfo.outputPath('card-large-english.png'),
    contentType: 'image/png',
  });
});
