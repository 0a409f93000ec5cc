import { useHashRoute } from '../../shared/hash-route';
import type { Session } from '../../shared/session';
import { PermissionGate } from '../../shared/SimShell';
import { AccountPage } from './AccountPage';
import { ApprovalsPage } from './ApprovalsPage';
import { AuditPage } from './AuditPage';
import { FlowsPage } from './FlowsPage';
import { MaintenancePage } from './MaintenancePage';
import { UsersPage } from './UsersPage';
import '../../modules/admin/sim-admin';

/**
 * 账号与权限 + 系统管理 (admin.html): #/account, #/approvals, #/system/users, #/system/flows,
 * #/system/audit, #/system/maintenance (系统维护 · 版本更新). 系统管理 is for administrators: 普通用户 get 无权限访问; 部门管理员 can look,
 * only the 超级管理员 can change anything (操作规范: 不准越权操作、不准修改系统配置).
 */
export function AdminApp({ session }: { session: Session }) {
  const route = useHashRoute();
  const [first, second] = route.segments;
  if (first === 'system') {
    return (
      <PermissionGate user={session.user} level="部门管理员">
        {second === 'flows' ? (
          <FlowsPage session={session} />
        ) : second === 'audit' ? (
          <AuditPage />
        ) : second === 'maintenance' ? (
          <MaintenancePage session={session} />
        ) : (
          <UsersPage session={session} />
        )}
      </PermissionGate>
    );
  }
  if (first === 'approvals') {
    return (
      <PermissionGate user={session.user} level="部门管理员">
        <ApprovalsPage session={session} />
      </PermissionGate>
    );
  }
  return <AccountPage session={session} />;
}
