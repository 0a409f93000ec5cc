import { mountPage } from '../../shared/mount';
import { AdminApp } from './AdminApp';
import './admin.css';

mountPage((session) => <AdminApp session={session} />, {
  menuChildren: {
    admin: [
      { key: 'admin-account', label: '我的权限与申请', href: 'admin.html#/account' },
      // 账号与权限 is open to everyone; approving stays with 部门管理员 and up (as the page does).
      {
        key: 'admin-approvals',
        label: '权限审批',
        href: 'admin.html#/approvals',
        permission: '部门管理员',
      },
    ],
    system: [
      { key: 'system-users', label: '权限分配', href: 'admin.html#/system/users' },
      { key: 'system-flows', label: '流程配置', href: 'admin.html#/system/flows' },
      { key: 'system-audit', label: '操作记录', href: 'admin.html#/system/audit' },
      { key: 'system-maintenance', label: '系统维护', href: 'admin.html#/system/maintenance' },
    ],
  },
});
