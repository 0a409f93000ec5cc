/** 核心功能模块 · 公文处理: draft and submit, review in 我的待办, find it in 公文库. */
import { expect, test } from '../fixtures';
import { chooseRole } from '../support/learner';
import { choose, field, expectListedAsCompleted, logIn, startTour } from './support';

test.describe('公文处理 tours on the sim', () => {
  test('a drafter writes a notice with a PDF attachment and submits it for review', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '业务操作人员');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'index.html#/docs/new');
    await expect(page.getByText('部门负责人 → 办公室 → 分管领导 → 归档')).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'gongwen-new-document',
      title: '新建公文并提交审核',
      steps: 8,
    });
    await tour.expectStep(0, '选择文种');
    await choose(page, '文种', '请示');
    await tour.expectStep(1, '填写标题');
    const title = field(page, '标题');
    await title.pressSequentially('关于申请增设自助服务终端的');
    // A title that does not end with the document type keeps the step open.
    await expect(tour.card(1)).toBeVisible();
    await title.pressSequentially('请示');
    await tour.expectStep(2, '选择主送机关');
    await choose(page, '主送机关', '市人民政府办公室');
    await page.keyboard.press('Escape');
    await tour.expectStep(3, '填写正文');
    await field(page, '正文').pressSequentially(
      '因群众办事需求增长，拟增设自助服务终端两台。妥否，请批示。',
    );
    const attachment = await tour.expectStep(4, '上传附件');
    await expect(attachment).toContainText('10 MB');
    await page.locator('input[type="file"]').setInputFiles({
      name: '自助终端采购预算.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%zhiyin test\n'),
    });
    await expect(
      page.locator('.ant-upload-list').getByText('自助终端采购预算.pdf').first(),
    ).toBeVisible();
    await attachment.getByRole('button', { name: '下一步' }).click();
    await tour.next(5, '审核流程');
    await tour.expectStep(6, '提交审核');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/#\/docs\/doc-/);
    await tour.finish(7, '新建公文并提交审核', '跟踪审核流转');
    await expect(page.getByText('关于申请增设自助服务终端的请示')).toBeVisible();
  });

  test('the department head approves a request from 我的待办, then looks up the library', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '管理人员');
    const page = await context.newPage();
    await logIn(page, 'lisi', 'index.html#/todo');
    await expect(page.getByText('关于申请购置综合受理窗口叫号设备的请示')).toBeVisible();
    const review = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'gongwen-review',
      title: '在“我的待办”中审核公文（同意 / 退回）',
      steps: 7,
    });
    await review.next(0, '待审核的公文');
    await review.expectStep(1, '打开待审核公文');
    await page.getByRole('link', { name: '关于申请购置综合受理窗口叫号设备的请示' }).click();
    await review.next(2, '公文所处环节');
    await review.next(3, '填写审核意见');
    await review.next(4, '退回');
    await review.expectStep(5, '同意');
    await field(page, '审核意见').fill('同意，请办公室审核');
    await page.getByRole('button', { name: '同意' }).click();
    await expect(page.getByText('已同意，流转至办公室')).toBeVisible();
    await review.finish(6, '在“我的待办”中审核公文（同意 / 退回）', '流转记录');
    await expect(page.getByText('同意，请办公室审核')).toBeVisible();

    await page.goto('/index.html#/docs/library');
    await expect(page.getByRole('complementary', { name: '归档目录' })).toBeVisible();
    const library = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'gongwen-library-archive',
      title: '在公文库中查找归档公文',
      steps: 5,
    });
    await library.next(0, '按年、月分目录');
    await library.next(1, '存储路径');
    await library.next(2, '归档文件名');
    await library.expectStep(3, '打开归档公文');
    await page.getByRole('table').getByRole('link').first().click();
    await library.finish(4, '在公文库中查找归档公文', '归档信息');
    await expect(page.getByTestId('archive-info')).toContainText('公文库-');

    await page.goto('/index.html#/docs/library');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '在公文库中查找归档公文');
  });
});
