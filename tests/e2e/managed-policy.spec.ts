import { expect, test } from './fixtures';
import { launchManaged } from './support/managed-policy';

// The organisation's managed policy, as Chromium delivers it (storage.managed), reaches the
// extension and locks what it sets; a profile without it (the shared test build) is not affected.
test('a real managed policy locks the report endpoint on its profile only', async ({
  openExtensionPage,
}) => {
  const managed = await launchManaged({
    reportEndpoint: { url: 'https://reports.example.gov.cn/zhiyin/reports', token: 'policy-token' },
  });
  try {
    const options = await managed.openExtensionPage('options.html');
    await expect(options.getByTestId('admin-locked')).toHaveText(
      '此设置由单位的管理策略统一配置，不能在此修改。',
    );
    const url = options.getByLabel('报告接收地址（HTTPS）');
    await expect(url).toHaveValue('https://reports.example.gov.cn/zhiyin/reports');
    await expect(url).not.toBeEditable();
  } finally {
    await managed.close();
  }
  const own = await openExtensionPage('options.html');
  await expect(own.getByRole('heading', { name: '管理员设置' })).toBeVisible();
  await expect(own.getByTestId('admin-locked')).toHaveCount(0);
});
