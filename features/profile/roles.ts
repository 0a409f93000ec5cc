/**
 * The four learner groups of the training plan (三、培训对象与分层设计). Stable ids: progress,
 * checklists and tour audiences refer to them.
 */
export const ROLES = ['管理人员', '业务操作人员', '技术支持人员', '基层用户'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What each group is trained on, from the plan's table; shown when a learner picks a role. */
export const ROLE_FOCUS: Record<Role, { zh: string; en: string }> = {
  管理人员: {
    zh: '系统管理功能（权限分配、流程配置）、数据 dashboard、系统价值认知',
    en: 'Administration (permissions, process configuration), dashboards, the value of the system',
  },
  业务操作人员: {
    zh: '公文流转、便民服务办理、快速录入与批量处理、常见问题解决',
    en: 'Document flow, citizen services, fast entry and batch processing, common problems',
  },
  技术支持人员: {
    zh: '系统架构、故障排查（登录失败、数据同步异常）、备份恢复与版本更新',
    en: 'Architecture, troubleshooting (login failures, sync errors), backup and updates',
  },
  基层用户: {
    zh: '账号登录、信息录入、高频业务（社保查询等）、离线功能使用',
    en: 'Signing in, data entry, frequent services (e.g. social security), offline use',
  },
};
