import type { KeyValueStore } from '../service/kv';
import { LEVELS, levelRank } from './types';
import type { ApprovalFlow, AuditEntry, FlowNode, Level, PermissionRequest } from './types';

export const ADMIN_KEYS = {
  requests: 'admin:requests',
  audit: 'admin:audit',
  flows: 'admin:flows',
} as const;

export interface Actor {
  account: string;
  name: string;
  level: Level;
  department?: string;
}

export class AdminError extends Error {}

/**
 * The user list is owned by the shared layer (`zhiyin-sim:users:list`); the admin module changes a
 * user's level through this port so the header, the menu and every page see the new level.
 */
export interface UserDirectory {
  get(account: string): { account: string; name: string; permission: Level } | undefined;
  setPermission(account: string, level: Level): void;
}

export function seedFlows(now: number): ApprovalFlow[] {
  return [
    {
      id: 'document-review',
      name: '公文审核',
      description: '公文提交后依次经部门负责人、办公室、分管领导审核，通过后自动归档至公文库。',
      nodes: [
        { name: '部门负责人审核', department: '本部门', limitDays: 1 },
        { name: '办公室审核', department: '办公室', limitDays: 1 },
        { name: '分管领导签发', department: '分管领导', limitDays: 2 },
      ],
      updatedAt: now - 30 * 86_400_000,
      updatedBy: '系统管理员',
    },
    {
      id: 'business-startup',
      name: '企业开办',
      description: '企业开办标准流程，每个节点明确责任部门与办理时限。',
      nodes: [
        { name: '名称预先核准', department: '市场监督管理局登记注册科', limitDays: 1 },
        { name: '材料提交', department: '政务服务中心综合受理窗口', limitDays: 1 },
        { name: '现场核查', department: '属地市场监督管理所', limitDays: 2 },
        { name: '领取执照', department: '政务服务中心综合受理窗口', limitDays: 1 },
      ],
      updatedAt: now - 30 * 86_400_000,
      updatedBy: '系统管理员',
    },
  ];
}

export function validateFlowNodes(nodes: readonly FlowNode[]): string[] {
  const problems: string[] = [];
  if (nodes.length === 0) problems.push('流程至少需要一个节点');
  nodes.forEach((n, i) => {
    const at = `第${i + 1}个节点`;
    if (!n.name.trim()) problems.push(`${at}：请填写节点名称`);
    if (!n.department.trim()) problems.push(`${at}：请填写责任部门`);
    if (!Number.isInteger(n.limitDays) || n.limitDays < 1 || n.limitDays > 30)
      problems.push(`${at}：办理时限应为 1-30 个工作日`);
  });
  return problems;
}

function describeNodes(nodes: readonly FlowNode[]): string {
  return nodes.map((n) => `${n.name}（${n.department}，${n.limitDays}个工作日）`).join(' → ');
}

export function createAdminStore(kv: KeyValueStore, now: () => number, users: UserDirectory) {
  const requests = () => kv.read<PermissionRequest[]>(ADMIN_KEYS.requests) ?? [];
  const audit = () => kv.read<AuditEntry[]>(ADMIN_KEYS.audit) ?? [];

  function log(actor: Actor, action: string, target: string, detail: string): void {
    const at = now();
    const entries = audit();
    kv.write(ADMIN_KEYS.audit, [
      {
        id: `LOG${at}${entries.length}`,
        at,
        actor: actor.account,
        actorName: actor.name,
        action,
        target,
        detail,
      },
      ...entries,
    ]);
  }
  function applyLevel(account: string, level: Level): void {
    if (!users.get(account)) throw new AdminError(`账号 ${account} 不存在`);
    users.setPermission(account, level);
  }
  function updateRequest(
    id: string,
    change: (r: PermissionRequest, at: number) => void,
  ): PermissionRequest {
    const all = requests();
    const req = all.find((r) => r.id === id);
    if (!req) throw new AdminError('未找到该权限申请');
    change(req, now());
    kv.write(ADMIN_KEYS.requests, all);
    return req;
  }

  const store = {
    requests(): PermissionRequest[] {
      return [...requests()].sort((a, b) => b.createdAt - a.createdAt);
    },
    /** 提交申请表. */
    apply(applicant: Actor, toLevel: Level, reason: string): PermissionRequest {
      if (!LEVELS.includes(toLevel)) throw new AdminError('请选择申请的权限级别');
      if (levelRank(toLevel) <= levelRank(applicant.level)) {
        throw new AdminError(`您当前已是「${applicant.level}」，申请的级别须高于当前级别`);
      }
      if (reason.trim().length < 10)
        throw new AdminError('申请事由不少于10个字，请说明岗位职责与用途');
      const open = requests().find(
        (r) =>
          r.applicant === applicant.account &&
          (r.status === 'dept-review' || r.status === 'sys-config'),
      );
      if (open) throw new AdminError(`您已有一份办理中的权限申请（${open.id}），请等待办结`);
      const at = now();
      const d = new Date(at);
      const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
      const req: PermissionRequest = {
        id: `QX${stamp}${String(requests().length + 1).padStart(3, '0')}`,
        applicant: applicant.account,
        applicantName: applicant.name,
        department: applicant.department ?? '',
        fromLevel: applicant.level,
        toLevel,
        reason: reason.trim(),
        status: 'dept-review',
        createdAt: at,
        history: [{ at, action: '提交申请表', actor: applicant.name }],
      };
      kv.write(ADMIN_KEYS.requests, [req, ...requests()]);
      return req;
    },
    /** 部门审核 by a 部门管理员 (not by the applicant). */
    deptReview(id: string, reviewer: Actor, approve: boolean, note: string): PermissionRequest {
      if (reviewer.level !== '部门管理员') throw new AdminError('部门审核须由部门管理员办理');
      const req = updateRequest(id, (r, at) => {
        if (r.status !== 'dept-review') throw new AdminError('该申请不在部门审核环节');
        if (r.applicant === reviewer.account) throw new AdminError('不能审核本人的权限申请');
        if (!approve && !note.trim()) throw new AdminError('请填写驳回原因');
        r.status = approve ? 'sys-config' : 'rejected';
        r.history.push({
          at,
          action: approve ? '部门审核通过' : '部门审核驳回',
          actor: reviewer.name,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      });
      log(
        reviewer,
        approve ? '部门审核通过' : '部门审核驳回',
        req.applicantName,
        `${req.id}：申请「${req.toLevel}」`,
      );
      return req;
    },
    /** 系统配置 by a 超级管理员: only now the applicant's level changes. */
    configure(id: string, admin: Actor, approve: boolean, note: string): PermissionRequest {
      if (admin.level !== '超级管理员') throw new AdminError('系统配置须由超级管理员办理');
      const req = updateRequest(id, (r, at) => {
        if (r.status !== 'sys-config') throw new AdminError('该申请尚未通过部门审核');
        if (!approve && !note.trim()) throw new AdminError('请填写驳回原因');
        r.status = approve ? 'done' : 'rejected';
        r.history.push({
          at,
          action: approve ? '系统配置完成，权限已生效' : '系统配置驳回',
          actor: admin.name,
          ...(note.trim() ? { note: note.trim() } : {}),
        });
      });
      if (approve) {
        applyLevel(req.applicant, req.toLevel);
        // Stored requests remember the level at application time; the audit log records the change.
        log(
          admin,
          '权限变更',
          req.applicantName,
          `${req.fromLevel} → ${req.toLevel}（权限申请 ${req.id}）`,
        );
      } else {
        log(admin, '系统配置驳回', req.applicantName, `${req.id}：申请「${req.toLevel}」`);
      }
      return req;
    },
    /** 权限分配: a 超级管理员 sets a level directly; every change is recorded. */
    setLevel(admin: Actor, account: string, level: Level): void {
      if (admin.level !== '超级管理员') throw new AdminError('仅超级管理员可以分配权限');
      if (account === admin.account) throw new AdminError('不能修改本人的权限级别');
      const target = users.get(account);
      if (!target) throw new AdminError(`账号 ${account} 不存在`);
      if (target.permission === level) return;
      applyLevel(account, level);
      log(admin, '权限变更', target.name, `${target.permission} → ${level}`);
    },
    audit(): AuditEntry[] {
      return audit();
    },
    flows(): ApprovalFlow[] {
      let flows = kv.read<ApprovalFlow[]>(ADMIN_KEYS.flows);
      if (!flows) {
        flows = seedFlows(now());
        kv.write(ADMIN_KEYS.flows, flows);
      }
      return flows;
    },
    updateFlow(admin: Actor, id: string, nodes: FlowNode[]): ApprovalFlow {
      if (admin.level !== '超级管理员') throw new AdminError('仅超级管理员可以修改流程配置');
      const problems = validateFlowNodes(nodes);
      if (problems.length > 0) throw new AdminError(problems.join('；'));
      const flows = store.flows();
      const flow = flows.find((f) => f.id === id);
      if (!flow) throw new AdminError('未找到该流程');
      const before = describeNodes(flow.nodes);
      flow.nodes = nodes.map((n) => ({
        ...n,
        name: n.name.trim(),
        department: n.department.trim(),
      }));
      flow.updatedAt = now();
      flow.updatedBy = admin.name;
      kv.write(ADMIN_KEYS.flows, flows);
      log(admin, '流程配置', flow.name, `${before} ⇒ ${describeNodes(flow.nodes)}`);
      return flow;
    },
    /** Fresh demo data: the two flows and a short history of earlier administration. */
    reseed(): void {
      for (const key of Object.values(ADMIN_KEYS)) kv.remove(key);
      const at = now();
      const day = 86_400_000;
      kv.write(ADMIN_KEYS.flows, seedFlows(at));
      const history: AuditEntry[] = [
        {
          id: 'LOG-seed-3',
          at: at - 12 * day,
          actor: 'admin',
          actorName: '系统管理员',
          action: '权限变更',
          target: '王五',
          detail: '普通用户 → 部门管理员（任办公室主任）',
        },
        {
          id: 'LOG-seed-2',
          at: at - 30 * day,
          actor: 'admin',
          actorName: '系统管理员',
          action: '流程配置',
          target: '企业开办',
          detail: '现场核查时限由 3 个工作日调整为 2 个工作日',
        },
        {
          id: 'LOG-seed-1',
          at: at - 45 * day,
          actor: 'admin',
          actorName: '系统管理员',
          action: '账号开通',
          target: '刘芳',
          detail: '单位统一开通账号，权限级别：普通用户',
        },
      ];
      kv.write(ADMIN_KEYS.audit, history);
    },
  };
  return store;
}

export type AdminStore = ReturnType<typeof createAdminStore>;
