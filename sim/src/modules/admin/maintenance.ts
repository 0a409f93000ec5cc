/**
 * 系统维护 · 版本管理 seed data (培训方案 三、技术支持人员: 维护规范 — 备份恢复、版本更新). Static test
 * data: the version running, the one available, its release notes and the pre-update checklist in
 * the order technical staff follow it.
 */

export interface SystemVersion {
  version: string;
  released: string;
}

export interface ReleaseNote {
  kind: '新增' | '优化' | '修复' | '安全';
  text: string;
}

export interface UpdateCheckItem {
  id: 'backup' | 'notice' | 'window' | 'update' | 'verify' | 'rollback';
  /** Label of the checkbox (short: tours name it). */
  label: string;
  detail: string;
}

export const CURRENT_VERSION: SystemVersion = { version: 'V3.2.1', released: '2024-03-08' };
export const AVAILABLE_VERSION: SystemVersion = { version: 'V3.3.0', released: '2024-06-14' };
export const LAST_BACKUP = '每日 02:00 自动全量备份（最近一次：今日 02:00，成功）';
export const DOWNTIME = '预计停机 30 分钟';

export const RELEASE_NOTES: readonly ReleaseNote[] = [
  { kind: '新增', text: '数据上报：Excel 模板导入后可导出校验结果，便于逐条修改。' },
  { kind: '优化', text: '我的待办：公文审核列表加载更快，支持按紧急程度排序。' },
  { kind: '修复', text: '公文附件超过大小限制时提示不明确的问题。' },
  { kind: '安全', text: '账号锁定后在登录页显示剩余锁定时间；升级加密传输组件。' },
];

export const UPDATE_CHECKLIST: readonly UpdateCheckItem[] = [
  {
    id: 'backup',
    label: '数据备份',
    detail: '更新前做一次全量备份（数据库与附件），并抽查备份能否恢复；备份文件异地保存。',
  },
  {
    id: 'notice',
    label: '发布维护公告',
    detail: '提前在消息中心发布维护公告：维护时间、影响范围（停机期间无法办件）和联系人。',
  },
  {
    id: 'window',
    label: '进入维护窗口',
    detail: '只在公告的维护窗口（业务低峰，如周六 22:00–24:00）内操作，避开办件高峰。',
  },
  {
    id: 'update',
    label: '执行更新',
    detail: '按版本说明执行更新，每一步记入操作记录；不得顺带修改与本次更新无关的配置。',
  },
  {
    id: 'verify',
    label: '功能验证',
    detail: '更新后验证登录、公文处理、便民服务、数据上报等核心功能，核对数据完整、版本号正确。',
  },
  {
    id: 'rollback',
    label: '确认回退预案',
    detail:
      '验证不通过时按回退预案恢复到原版本和更新前的备份，并通知用户；验证通过后发布维护结束通知。',
  },
];
