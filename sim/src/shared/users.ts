/**
 * Demo users of the simulated system. The list is stored (`zhiyin-sim:users:list`) so that the
 * 账号与权限 module can add, disable or change users; every seeded user has the password
 * {@link DEMO_PASSWORD}.
 */
import { createStore, registerSeed } from './storage';

/** The plan's permission levels, lowest first: 普通用户 - 部门管理员 - 超级管理员. */
export const PERMISSION_LEVELS = ['普通用户', '部门管理员', '超级管理员'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** The plan's four user types (培训对象与分层设计). */
export const USER_TYPES = ['管理人员', '业务操作人员', '技术支持人员', '基层用户'] as const;
export type UserType = (typeof USER_TYPES)[number];

/** The document review chain of the plan: 部门负责人 → 办公室 → 分管领导. */
export const REVIEW_ROLES = ['部门负责人', '办公室', '分管领导'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

export interface SimUser {
  account: string;
  name: string;
  /** Post shown next to the name, e.g. 窗口人员, 办公室主任. */
  title: string;
  userType: UserType;
  permission: PermissionLevel;
  department: string;
  /** Set for users who review documents at one node of the chain. */
  reviewRole?: ReviewRole;
  phone: string;
  enabled: boolean;
}

export const DEMO_PASSWORD = 'Zhiyin@2024';

export const SEED_USERS: readonly SimUser[] = [
  {
    account: 'zhangsan',
    name: '张三',
    title: '窗口人员',
    userType: '业务操作人员',
    permission: '普通用户',
    department: '综合受理科',
    phone: '138****0001',
    enabled: true,
  },
  {
    account: 'lisi',
    name: '李四',
    title: '部门负责人',
    userType: '管理人员',
    permission: '部门管理员',
    department: '综合受理科',
    reviewRole: '部门负责人',
    phone: '138****0002',
    enabled: true,
  },
  {
    account: 'wangwu',
    name: '王五',
    title: '办公室主任',
    userType: '管理人员',
    permission: '部门管理员',
    department: '办公室',
    reviewRole: '办公室',
    phone: '138****0003',
    enabled: true,
  },
  {
    account: 'zhaoliu',
    name: '赵六',
    title: '分管领导',
    userType: '管理人员',
    permission: '部门管理员',
    department: '局领导',
    reviewRole: '分管领导',
    phone: '138****0004',
    enabled: true,
  },
  {
    account: 'admin',
    name: '系统管理员',
    title: '系统管理员',
    userType: '技术支持人员',
    permission: '超级管理员',
    department: '信息中心',
    phone: '138****0005',
    enabled: true,
  },
  {
    account: 'xiangzhen',
    name: '刘芳',
    title: '乡镇工作人员',
    userType: '基层用户',
    permission: '普通用户',
    department: '青山镇人民政府',
    phone: '138****0006',
    enabled: true,
  },
];

const usersStore = createStore<SimUser[]>('users:list', () => SEED_USERS.map((u) => ({ ...u })));

registerSeed('users', () => usersStore.set(SEED_USERS.map((u) => ({ ...u }))));

export function listUsers(): SimUser[] {
  return usersStore.get();
}

export function getUser(account: string): SimUser | undefined {
  return usersStore.get().find((u) => u.account === account);
}

/** Adds or replaces a user (by account). */
export function saveUser(user: SimUser): void {
  usersStore.update((users) => {
    const index = users.findIndex((u) => u.account === user.account);
    if (index === -1) return [...users, user];
    const next = [...users];
    next[index] = user;
    return next;
  });
}

/** The user currently holding a review role (the first enabled one). */
export function reviewerFor(role: ReviewRole): SimUser | undefined {
  return usersStore.get().find((u) => u.reviewRole === role && u.enabled);
}

export function permissionRank(level: PermissionLevel): number {
  return PERMISSION_LEVELS.indexOf(level);
}

/** Whether `user` has at least `level`. */
export function hasPermission(user: SimUser, level: PermissionLevel): boolean {
  return permissionRank(user.permission) >= permissionRank(level);
}
