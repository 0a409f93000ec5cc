import { expect, test, type Page } from '@playwright/test';
import { logIn as login } from '../support/sim';

/** Picks an option in an antd Select found by its form label. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function switchTo(page: Page, display: string) {
  await choose(page, '演示身份切换', display);
  await expect(page.locator('.sim-header')).toContainText(display.split('（')[0] ?? display);
}

async function fillNewDocument(page: Page, title: string) {
  await page.goto('index.html#/docs/new');
  await choose(page, '文种', '通知');
  await page.getByLabel('标题').fill(title);
  await choose(page, '主送机关', '市直各部门');
  await page.keyboard.press('Escape');
  await page.getByLabel('正文').fill('请各单位按时参加，并提前报送材料。');
}

async function openFromTodo(page: Page, title: string) {
  await page.goto('index.html#/todo');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByTestId('doc-detail')).toContainText(title);
}

test('a document goes through 部门负责人 → 办公室 → 分管领导 and is archived in 公文库', async ({
  page,
}) => {
  await page.goto('login.html');
  await page.evaluate(() => window.simClock.set('2026-11-16T09:30:00+08:00'));
  await login(page, 'zhangsan');
  const title = '关于召开冬季安全生产工作会议的通知';
  await fillNewDocument(page, title);
  await page.locator('input[type=file]').setInputFiles({
    name: '会议议程.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 test'),
  });
  await expect(page.getByText('会议议程.pdf')).toBeVisible();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('doc-detail')).toContainText('审核中');

  await switchTo(page, '李四（部门负责人）');
  await openFromTodo(page, title);
  await page.getByRole('button', { name: '同意' }).click();
  await expect(page.getByText('已同意，流转至办公室')).toBeVisible();

  await switchTo(page, '王五（办公室主任）');
  await openFromTodo(page, title);
  await page.getByLabel('审核意见').fill('同意，请分管领导审定');
  await page.getByRole('button', { name: '同意' }).click();
  await expect(page.getByText('已同意，流转至分管领导')).toBeVisible();

  await switchTo(page, '赵六（分管领导）');
  await openFromTodo(page, title);
  await page.getByRole('button', { name: '同意' }).click();
  const archive = page.getByTestId('archive-info');
  await expect(archive).toContainText(`归档文件名：2026-综合受理科-${title}`);
  await expect(archive).toContainText('存储路径：公文库-2026年-11月');
  // The reviewer has nothing left to do.
  await page.goto('index.html#/todo');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);

  await switchTo(page, '张三（窗口人员）');
  await page.goto('index.html#/docs/library');
  await page.getByRole('treeitem', { name: /11月/ }).first().click();
  await expect(page.getByTestId('library-breadcrumb')).toContainText('公文库');
  await expect(page.getByTestId('library-breadcrumb')).toContainText('2026年');
  await expect(page.getByTestId('library-breadcrumb')).toContainText('11月');
  await expect(page.getByRole('link', { name: `2026-综合受理科-${title}` })).toBeVisible();
  await page.goto('index.html#/messages');
  await expect(page.getByText(`已归档：${title}`)).toBeVisible();
});

test('a returned document goes back to the drafter, who edits and resubmits', async ({ page }) => {
  await login(page, 'zhangsan');
  const title = '关于开展窗口服务满意度回访的通知';
  await fillNewDocument(page, title);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('doc-detail')).toContainText('审核中');

  await switchTo(page, '李四（部门负责人）');
  await openFromTodo(page, title);
  await page.getByRole('button', { name: '退回' }).click();
  await expect(page.getByText('退回时必须填写审核意见')).toBeVisible();
  await page.getByLabel('审核意见').fill('请补充回访时间安排');
  await page.getByRole('button', { name: '退回' }).click();
  await expect(page.getByTestId('doc-detail')).toContainText('已退回');

  await switchTo(page, '张三（窗口人员）');
  await page.goto('index.html#/messages');
  await expect(page.getByText(`公文被退回：${title}`)).toBeVisible();
  await openFromTodo(page, title);
  await expect(page.getByText('退回意见：请补充回访时间安排')).toBeVisible();
  await page.getByRole('link', { name: '修改后重新提交' }).click();
  await page.getByLabel('正文').fill('回访时间为下月1日至15日，请各单位配合。');
  await page.getByRole('button', { name: '重新提交审核' }).click();
  await expect(page.getByTestId('doc-detail')).toContainText('审核中');
  await expect(page.getByTestId('doc-detail')).toContainText('修改后重新提交');

  await switchTo(page, '李四（部门负责人）');
  await openFromTodo(page, title);
  await expect(page.getByRole('button', { name: '同意' })).toBeVisible();
});

test('attachments other than PDF/Word, or over 10 MB, are refused when chosen', async ({
  page,
}) => {
  await login(page, 'zhangsan');
  await page.goto('index.html#/docs/new');
  const input = page.locator('input[type=file]');
  await input.setInputFiles({
    name: '现场照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not really a jpeg'),
  });
  const errors = page.getByTestId('upload-errors');
  await expect(errors).toContainText('“现场照片.jpg”上传失败：文件格式不支持');
  await input.setInputFiles({
    name: '年度汇编.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(11 * 1024 * 1024, 1),
  });
  await expect(errors).toContainText(
    '“年度汇编.pdf”上传失败：文件大小为 11.0 MB，超过单个文件 10 MB 的限制',
  );
  await input.setInputFiles({
    name: '工作方案.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('docx'),
  });
  const list = page.locator('.ant-upload-list');
  await expect(list).toContainText('工作方案.docx');
  await expect(list).not.toContainText('现场照片.jpg');
  await expect(list).not.toContainText('年度汇编.pdf');
});

test('the title must end with the document type', async ({ page }) => {
  await login(page, 'zhangsan');
  await page.goto('index.html#/docs/new');
  await choose(page, '文种', '请示');
  await page.getByLabel('标题').fill('关于购置办公设备的通知');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('标题应以文种结尾，如“关于……的请示”')).toBeVisible();
  await expect(page).toHaveURL(/#\/docs\/new/);
});
