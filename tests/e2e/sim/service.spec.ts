import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { creditCodeCheckCharacter } from '../../../lib/validators/credit-code';
import { logIn as login } from '../support/sim';

/** antd renders its options in a portal; the visible item carries the option's title. */
async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

/** 接收群众申请 and 核对材料, ending on 录入信息. */
async function receiveWithAllMaterials(page: Page): Promise<void> {
  await page.getByLabel('已核对申请人身份证件原件，人证一致').check();
  await page.getByRole('button', { name: '接收申请' }).click();
  for (const m of ['申请书', '法定代表人身份证明', '住所使用证明'])
    await page.getByLabel(m).check();
  await page.getByRole('button', { name: '系统校验材料' }).click();
  await expect(page.getByText('材料不齐全：缺少公司章程')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByLabel('企业名称')).toHaveCount(0);
  await page.getByLabel('公司章程').check();
  await page.getByRole('button', { name: '系统校验材料' }).click();
  await expect(page.getByText('材料齐全', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
}

test('营业执照办理: valid credit code → 李四 approves → SMS notice to the masked phone', async ({
  page,
}) => {
  await login(page, 'zhangsan', 'service.html#/apply');
  await receiveWithAllMaterials(page);
  await page.getByLabel('企业名称').fill('河西博远科技有限公司');
  await page.getByLabel('法人姓名').fill('陈晓明');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await page.getByLabel('法人身份证号').fill('11010519491231002X');
  await page.getByLabel('联系电话').fill('13812345678');
  await chooseOption(page, '所属地区', '河西街道');
  await page.getByLabel('经营范围').fill('软件开发；信息技术咨询服务');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '提交审批' }).click();
  const result = page.getByText(/受理编号：YZ\d{12}/);
  await expect(result).toBeVisible();
  const id = /YZ\d{12}/.exec((await result.textContent()) ?? '')?.[0] ?? '';

  await login(page, 'lisi', 'service.html#/review');
  const row = page.getByRole('row', { name: new RegExp(id) });
  await row.getByRole('button', { name: '通过' }).click();
  const sms = page.getByTestId('sms-notice');
  await expect(sms).toContainText('短信通知已发送至 138****5678');
  await expect(sms).toContainText(
    `【XX市政务服务】尊敬的陈晓明：您申请的“河西博远科技有限公司”营业执照办理（受理编号${id}）已审批通过`,
  );
  await expect(page.getByRole('row', { name: new RegExp(id) })).toHaveCount(0);

  await page.goto(`service.html#/progress?q=${id}`);
  const progress = page.getByTestId('progress-result');
  await expect(progress).toContainText('已通过');
  await expect(progress).toContainText('审批通过');
  await expect(progress.getByTestId('sms-notice')).toContainText('138****5678');
  await page.goto('service.html#/sms');
  await expect(page.getByRole('row', { name: new RegExp(id) })).toContainText('138****5678');
});

test('营业执照办理: an invalid credit code gets an inline error naming the check character', async ({
  page,
}) => {
  await login(page, 'zhangsan', 'service.html#/apply');
  await receiveWithAllMaterials(page);
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await page.getByLabel('法人姓名').click();
  await expect(
    page.getByText('统一社会信用代码校验位错误：第18位应为「3」，实际为「4」'),
  ).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('button', { name: '提交审批' })).toHaveCount(0);
});

function code(body: string): string {
  const first17 = `91620102${body}`;
  return first17 + (creditCodeCheckCharacter(first17) ?? '');
}

test('模板导入: a CSV with one bad row imports only the valid rows', async ({ page }) => {
  const good1 = code('MA74Q8X2R');
  const good2 = code('MA74Q8X3P');
  const csv = [
    '企业名称,法人姓名,统一社会信用代码,法人身份证号,联系电话,经营范围,所属地区',
    `南湖青禾农业开发有限公司,周春华,${good1},11010519491231002X,13912345678,蔬菜种植,南湖镇`,
    `北山安和物流有限公司,吴国庆,${good1.slice(0, 17)}0,11010519491231002X,13912345679,普通货物道路运输,北山乡`,
    `新区启明建材有限公司,徐雪梅,${good2},11010519491231002X,13912345670,建筑材料销售,新区街道`,
  ].join('\n');
  await login(page, 'zhangsan', 'service.html#/import');
  await expect(page.getByRole('link', { name: /下载 Excel 模板/ })).toHaveAttribute(
    'href',
    'templates/business-licence-import.xlsx',
  );
  await page.locator('input[type=file]').setInputFiles({
    name: '批量申请.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('共 3 行：校验通过 2 行，有错误 1 行');
  await expect(preview.getByRole('row', { name: /北山安和物流/ })).toContainText(
    '统一社会信用代码校验位错误',
  );
  await page.getByRole('button', { name: '导入 2 条有效数据' }).click();
  await expect(page.getByText('已导入 2 件申请，已提交李四审批')).toBeVisible();
  await page.goto(`service.html#/progress?q=${good2}`);
  await expect(page.getByTestId('progress-result')).toContainText('新区启明建材有限公司');
  await page.goto(`service.html#/progress?q=${good1.slice(0, 17)}0`);
  await expect(page.getByText(/未找到与/)).toBeVisible();
});

test('申请列表: 60 seeded applications page by 10 and filter by status', async ({ page }) => {
  await login(page, 'zhangsan', 'service.html#/list');
  await expect(page.getByText('共 60 条')).toBeVisible();
  await page.getByRole('listitem', { name: '2' }).click();
  await expect(page.locator('.ant-table-tbody tr')).toHaveCount(10);
  await chooseOption(page, '办理状态', '审批中');
  await expect(page.getByText('共 8 条')).toBeVisible();
});

test('审批驳回 needs a reason, which the SMS to the applicant carries', async ({ page }) => {
  await login(page, 'lisi', 'service.html#/review');
  const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
  const company = (await first.locator('td').nth(2).textContent()) ?? '';
  await first.getByRole('button', { name: '驳回' }).click();
  await page.getByRole('button', { name: '确认驳回' }).click();
  await expect(page.getByText('请填写驳回原因', { exact: true })).toBeVisible();
  await page.getByLabel('驳回原因').fill('住所使用证明与登记住所不一致');
  await page.getByRole('button', { name: '确认驳回' }).click();
  const sms = page.getByTestId('sms-notice');
  await expect(sms).toContainText(`您申请的“${company}”营业执照办理`);
  await expect(sms).toContainText('未通过审批，原因：住所使用证明与登记住所不一致。');
  await expect(page.getByText('待我审批（7）')).toBeVisible();
});
