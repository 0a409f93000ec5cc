import { describe, expect, it } from 'vitest';
import type { MenuLink } from './menu';
import { SIM_MENU, openMenuKey, selectMenuKey, withMenuChildren } from './menu';

const serviceChildren: MenuLink[] = [
  { key: 'service-list', label: '申请列表', href: 'service.html#/list' },
  { key: 'service-import', label: '模板导入', href: 'service.html#/import' },
];
const adminChildren: Record<string, MenuLink[]> = {
  admin: [
    { key: 'admin-account', label: '我的权限与申请', href: 'admin.html#/account' },
    { key: 'admin-approvals', label: '权限审批', href: 'admin.html#/approvals' },
  ],
  system: [
    { key: 'system-users', label: '权限分配', href: 'admin.html#/system/users' },
    { key: 'system-flows', label: '流程配置', href: 'admin.html#/system/flows' },
  ],
};

describe('SIM_MENU permissions', () => {
  it('shows 账号与权限 to everyone and 系统管理 from 部门管理员 up', () => {
    expect(SIM_MENU.find((m) => m.key === 'admin')?.permission).toBeUndefined();
    expect(SIM_MENU.find((m) => m.key === 'system')?.permission).toBe('部门管理员');
  });
});

describe('menu location with a page’s own submenu', () => {
  const service = withMenuChildren(SIM_MENU, { service: serviceChildren });
  const admin = withMenuChildren(SIM_MENU, adminChildren);

  it('selects the hash route’s entry and opens its module', () => {
    expect(selectMenuKey(service, 'service.html', '#/import')).toBe('service-import');
    expect(openMenuKey(service, 'service.html', '#/import')).toBe('service');
    expect(selectMenuKey(admin, 'admin.html', '#/system/flows')).toBe('system-flows');
    expect(openMenuKey(admin, 'admin.html', '#/system/flows')).toBe('system');
  });

  it('selects the first entry on the module’s own link', () => {
    expect(selectMenuKey(service, 'service.html', '')).toBe('service-list');
    expect(selectMenuKey(admin, 'admin.html', '')).toBe('admin-account');
    expect(selectMenuKey(admin, 'admin.html', '#/system')).toBe('system-users');
    expect(openMenuKey(admin, 'admin.html', '#/system')).toBe('system');
  });

  it('opens the best matching module on a route no entry names', () => {
    expect(selectMenuKey(admin, 'admin.html', '#/system/other')).toBeUndefined();
    expect(openMenuKey(admin, 'admin.html', '#/system/other')).toBe('system');
    expect(openMenuKey(service, 'service.html', '#/other')).toBe('service');
  });

  it('without page entries a module is a plain link and the workbench still resolves', () => {
    expect(selectMenuKey(SIM_MENU, 'service.html', '#/import')).toBe('service');
    expect(openMenuKey(SIM_MENU, 'service.html', '#/import')).toBeUndefined();
    expect(selectMenuKey(SIM_MENU, 'index.html', '#/docs/abc')).toBe('docs-list');
    expect(openMenuKey(SIM_MENU, 'index.html', '#/docs/library')).toBe('docs');
  });
});
