export const LEVELS = ['普通用户', '部门管理员', '超级管理员'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** What each level may do, as 账号与权限说明 explains it. */
export const LEVEL_DESCRIPTIONS: Record<Level, { summary: string; can: string[] }> = {
  普通用户: {
    summary: '办理本岗位业务',
    can: ['公文起草与提交', '便民服务受理与进度查询', '数据填报与提交', '查看本人待办与消息'],
  },
  部门管理员: {
    summary: '审核本部门业务，管理本部门人员权限',
    can: ['本部门公文、报表、服务事项审核', '本部门人员权限申请的部门审核', '查看系统管理（只读）'],
  },
  超级管理员: {
    summary: '全系统配置，由信息部门技术支持人员担任',
    can: ['权限分配与系统配置', '审批流程配置（节点、时限）', '查看全部操作记录'],
  },
};

export type RequestStatus = 'dept-review' | 'sys-config' | 'done' | 'rejected';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  'dept-review': '待部门审核',
  'sys-config': '待系统配置',
  done: '已生效',
  rejected: '已驳回',
};

export interface RequestEvent {
  at: number;
  action: string;
  actor: string;
  note?: string;
}

export interface PermissionRequest {
  id: string;
  applicant: string;
  applicantName: string;
  department: string;
  fromLevel: Level;
  toLevel: Level;
  reason: string;
  status: RequestStatus;
  createdAt: number;
  history: RequestEvent[];
}

export interface AuditEntry {
  id: string;
  at: number;
  actor: string;
  actorName: string;
  action: string;
  target: string;
  detail: string;
}

export interface FlowNode {
  name: string;
  department: string;
  /** 办理时限, in working days. */
  limitDays: number;
}

export interface ApprovalFlow {
  id: string;
  name: string;
  description: string;
  nodes: FlowNode[];
  updatedAt: number;
  updatedBy: string;
}
