/** 核心功能模块 · 便民服务: 营业执照办理 step by step, 模板导入, 进度查询. */
import { resolve } from 'node:path';
import { expect, test } from '../fixtures';
import { tipAcknowledgements } from '../support/db';
import { chooseRole } from '../support/learner';
import { choose, field, pageButton, expectListedAsCompleted, logIn, startTour } from './support';

const TEMPLATE_CSV = resolve(
  import.meta.dirname,
  '../../../sim/public/templates/business-licence-import.csv',
);

test.describe('便民服务 tours on the sim', () => {
  test('a window clerk accepts a business licence application, then follows it in 进度查询', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }, testInfo) => {
    test.setTimeout(120_000);
    await chooseRole(openExtensionPage, '业务操作人员');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'service.html#/apply');
    await expect(page.getByRole('button', { name: '接收申请' })).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'bianmin-business-licence',
      title: '受理营业执照办理申请',
      steps: 17,
    });
    await tour.next(0, '五个环节');
    const identity = await tour.expectStep(1, '核对申请人身份');
    await page.getByRole('checkbox', { name: '已核对申请人身份证件原件，人证一致' }).check();
    await identity.getByRole('button', { name: '下一步' }).click();
    await tour.expectStep(2, '接收申请');
    await page.getByRole('button', { name: '接收申请' }).click();
    await tour.expectStep(3, '勾选已收取材料');
    for (const material of ['申请书', '法定代表人身份证明', '住所使用证明', '公司章程']) {
      await page.getByRole('checkbox', { name: material }).check();
    }
    await tour.card(3).getByRole('button', { name: '下一步' }).click();
    await tour.expectStep(4, '系统校验材料');
    await page.getByRole('button', { name: '系统校验材料' }).click();
    await tour.next(5, '校验结果');
    await expect(page.getByText('材料齐全', { exact: true })).toBeVisible();
    await tour.expectStep(6, '下一步');
    await pageButton(page, '下一步').click();

    await tour.expectStep(7, '企业名称');
    await field(page, '企业名称').pressSequentially('城关恒信商贸有限公司');
    await tour.expectStep(8, '法人姓名');
    await field(page, '法人姓名').pressSequentially('王建国');
    const code = await tour.expectStep(9, '统一社会信用代码');
    const codeField = field(page, '统一社会信用代码');
    // A wrong check character (last digit) is refused by the creditCode validator.
    await codeField.pressSequentially('91350100M000100Y44');
    await expect(code.getByRole('alert')).toBeVisible();
    await expect(code.getByRole('button', { name: '下一步' })).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('credit-code-refused.png') });
    await codeField.press('Backspace');
    await codeField.pressSequentially('3');
    await tour.expectStep(10, '法人身份证号');
    await field(page, '法人身份证号').pressSequentially('11010519491231002X');
    await tour.expectStep(11, '联系电话');
    await field(page, '联系电话').pressSequentially('13812345678');
    await tour.expectStep(12, '所属地区');
    await choose(page, '所属地区', '城关镇');
    await tour.expectStep(13, '经营范围');
    await field(page, '经营范围').pressSequentially('日用百货零售');
    await tour.expectStep(14, '核对后下一步');
    // 四必须 · 必须核对用户身份: not while the application is being filled in…
    const verifyIdentity = page.locator('[data-zhiyin-tip="verify-identity"]');
    await expect(verifyIdentity).toHaveCount(0);
    await pageButton(page, '下一步').click();
    await tour.expectStep(15, '提交审批');
    await expect(page.getByText('91350100M000100Y43')).toBeVisible();
    // …but on the 核对 step, where 提交审批 is offered; the acknowledgement is kept.
    await expect(verifyIdentity).toContainText('提交审批前请核对申请人身份');
    await verifyIdentity.getByRole('button', { name: '我已知晓' }).click();
    await expect(verifyIdentity).toHaveCount(0);
    const extensionPage = await openExtensionPage('dashboard.html');
    await expect
      .poll(async () => (await tipAcknowledgements(extensionPage)).map((row) => row.tipId))
      .toContain('verify-identity');
    await extensionPage.close();
    await page.bringToFront();
    await page.getByRole('button', { name: '提交审批' }).click();
    const result = await tour.expectStep(16, '反馈结果');
    await expect(result).toContainText('短信');
    await tour.finish(16, '受理营业执照办理申请', '反馈结果');
    const receipt = await page.getByText(/受理编号：YZ\d+/).textContent();
    const acceptanceNumber = /YZ\d+/.exec(receipt ?? '')?.[0] ?? '';
    expect(acceptanceNumber).not.toBe('');

    // 进度查询 with the number the applicant was given.
    await page.goto('/service.html#/progress');
    await expect(page.getByPlaceholder('请输入受理编号或统一社会信用代码')).toBeVisible();
    const progress = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'bianmin-progress-query',
      title: '用进度查询跟踪审批状态',
      steps: 4,
    });
    await progress.expectStep(0, '输入查询条件');
    await page
      .getByPlaceholder('请输入受理编号或统一社会信用代码')
      .pressSequentially(acceptanceNumber);
    await progress.expectStep(1, '查询');
    await page.getByRole('button', { name: '查询' }).click();
    await progress.next(2, '审批状态');
    await expect(page.getByTestId('progress-result')).toContainText('城关恒信商贸有限公司');
    await progress.finish(3, '用进度查询跟踪审批状态', '办理进度');
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '用进度查询跟踪审批状态');
  });

  test('a window clerk imports a batch of applications from the template', async ({
    context,
    openExtensionPage,
    tabIdOf,
  }) => {
    await chooseRole(openExtensionPage, '业务操作人员');
    const page = await context.newPage();
    await logIn(page, 'zhangsan', 'service.html#/import');
    await expect(page.getByText('点击或拖拽文件到此区域上传')).toBeVisible();
    const tour = await startTour(page, openExtensionPage, tabIdOf, {
      id: 'bianmin-template-import',
      title: '用模板导入批量受理同类申请',
      steps: 5,
    });
    await tour.next(0, '下载导入模板');
    await tour.expectStep(1, '上传填好的文件');
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击或拖拽文件到此区域上传').click();
    await (await chooser).setFiles(TEMPLATE_CSV);
    await tour.next(2, '逐行校验');
    await expect(page.getByTestId('import-preview')).toContainText('校验通过 1 行');
    await tour.expectStep(3, '导入有效数据');
    await page.getByRole('button', { name: '导入 1 条有效数据' }).click();
    await tour.finish(4, '用模板导入批量受理同类申请', '受理编号');
    await expect(page.getByText('已导入 1 件申请，已提交李四审批')).toBeVisible();
    await expectListedAsCompleted(page, openExtensionPage, tabIdOf, '用模板导入批量受理同类申请');
  });
});
