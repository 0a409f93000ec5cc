/** The 账号与权限 store bound to the sim: the shared user list, storage, clock, 待办 and 消息中心. */
import { simNow } from '../../shared/clock';
import { postMessage } from '../../shared/messages';
import { registerSeed } from '../../shared/storage';
import { getUser, listUsers, saveUser } from '../../shared/users';
import { publishTodos } from '../../shared/worklist';
import { simKv } from '../service/sim-kv';
import { createAdminStore } from './store';
import type { Actor, UserDirectory } from './store';
import type { FlowNode, Level } from './types';

const directory: UserDirectory = {
  get: (account) => getUser(account),
  setPermission(account, level) {
    const user = getUser(account);
    if (user) saveUser({ ...user, permission: level });
  },
};

const store = createAdminStore(simKv, simNow, directory);

function accountsWith(level: Level, except?: string): string[] {
  return listUsers()
    .filter((u) => u.enabled && u.permission === level && u.account !== except)
    .map((u) => u.account);
}

export function publishAdminWork(): void {
  publishTodos(
    'admin',
    store
      .requests()
      .filter((r) => r.status === 'dept-review' || r.status === 'sys-config')
      .map((r) => ({
        id: `admin-${r.id}`,
        module: '账号与权限',
        kind: r.status === 'dept-review' ? '待部门审核' : '待系统配置',
        title: `${r.applicantName}申请「${r.toLevel}」权限（${r.id}）`,
        href: 'admin.html#/approvals',
        assignees:
          r.status === 'dept-review'
            ? accountsWith('部门管理员', r.applicant)
            : accountsWith('超级管理员', r.applicant),
        createdAt: r.createdAt,
      })),
  );
}

registerSeed('admin', () => {
  store.reseed();
  publishAdminWork();
});

function notify(to: string[], title: string, body: string): void {
  for (const account of to) {
    postMessage({
      to: account,
      category: '账号与权限',
      title,
      body,
      href: 'admin.html#/approvals',
    });
  }
}

export const adminApi = {
  requests: () => store.requests(),
  audit: () => store.audit(),
  flows: () => store.flows(),
  apply(applicant: Actor, toLevel: Level, reason: string) {
    const req = store.apply(applicant, toLevel, reason);
    notify(
      accountsWith('部门管理员', applicant.account),
      `权限申请待部门审核：${req.applicantName}`,
      `${req.applicantName}（${req.department}）申请「${req.toLevel}」权限，事由：${req.reason}`,
    );
    publishAdminWork();
    return req;
  },
  deptReview(id: string, reviewer: Actor, approve: boolean, note: string) {
    const req = store.deptReview(id, reviewer, approve, note);
    if (approve) {
      notify(
        accountsWith('超级管理员'),
        `权限申请待系统配置：${req.applicantName}`,
        `${reviewer.name}已部门审核通过，请在权限审批-系统配置中办理。`,
      );
    }
    postMessage({
      to: req.applicant,
      category: '账号与权限',
      title: approve ? '权限申请已通过部门审核' : '权限申请被部门驳回',
      body: approve ? '等待超级管理员进行系统配置。' : `驳回原因：${note}`,
      href: 'admin.html#/account',
    });
    publishAdminWork();
    return req;
  },
  configure(id: string, admin: Actor, approve: boolean, note: string) {
    const req = store.configure(id, admin, approve, note);
    postMessage({
      to: req.applicant,
      category: '账号与权限',
      title: approve ? `权限已生效：${req.toLevel}` : '权限申请在系统配置环节被驳回',
      body: approve
        ? `您的权限级别已由「${req.fromLevel}」调整为「${req.toLevel}」，重新进入页面后生效。`
        : `驳回原因：${note}`,
      href: 'admin.html#/account',
    });
    publishAdminWork();
    return req;
  },
  setLevel(admin: Actor, account: string, level: Level) {
    store.setLevel(admin, account, level);
    postMessage({
      to: account,
      category: '账号与权限',
      title: `权限级别已调整为「${level}」`,
      body: `由${admin.name}在系统管理-权限分配中调整。`,
      href: 'admin.html#/account',
    });
  },
  updateFlow(admin: Actor, id: string, nodes: FlowNode[]) {
    return store.updateFlow(admin, id, nodes);
  },
};
