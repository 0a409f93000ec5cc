import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../service/kv';
import { createAdminStore } from './store';
import type { UserDirectory } from './store';
import type { Level } from './types';

function directory(): UserDirectory & { levels: Map<string, Level> } {
  const names: Record<string, string> = { zhangsan: '张三', lisi: '李四', admin: '系统管理员' };
  const levels = new Map<string, Level>([
    ['zhangsan', '普通用户'],
    ['lisi', '部门管理员'],
    ['admin', '超级管理员'],
  ]);
  return {
    levels,
    get: (account) => {
      const permission = levels.get(account);
      return permission ? { account, name: names[account] ?? account, permission } : undefined;
    },
    setPermission: (account, level) => void levels.set(account, level),
  };
}

const zhangsan = {
  account: 'zhangsan',
  name: '张三',
  level: '普通用户' as Level,
  department: '综合受理科',
};
const lisi = { account: 'lisi', name: '李四', level: '部门管理员' as Level };
const admin = { account: 'admin', name: '系统管理员', level: '超级管理员' as Level };

describe('权限申请: 提交申请表 → 部门审核 → 系统配置', () => {
  it('changes the level only after 系统配置', () => {
    const users = directory();
    const store = createAdminStore(createMemoryStore(), () => 1_700_000_000_000, users);
    const req = store.apply(zhangsan, '部门管理员', '负责本科室便民服务审核工作，需要审核权限');
    expect(req.status).toBe('dept-review');
    expect(() => store.configure(req.id, admin, true, '')).toThrow('该申请尚未通过部门审核');
    expect(() => store.deptReview(req.id, zhangsan, true, '')).toThrow(
      '部门审核须由部门管理员办理',
    );
    store.deptReview(req.id, lisi, true, '同意');
    expect(users.levels.get('zhangsan')).toBe('普通用户');
    expect(() => store.configure(req.id, lisi, true, '')).toThrow('系统配置须由超级管理员办理');
    const done = store.configure(req.id, admin, true, '');
    expect(done.status).toBe('done');
    expect(users.levels.get('zhangsan')).toBe('部门管理员');
    expect(store.audit()[0]).toMatchObject({
      actorName: '系统管理员',
      action: '权限变更',
      target: '张三',
      detail: '普通用户 → 部门管理员（权限申请 ' + req.id + '）',
    });
  });
  it('rejects bad applications', () => {
    const store = createAdminStore(createMemoryStore(), () => 1, directory());
    expect(() => store.apply(zhangsan, '普通用户', '这是一个足够长的申请事由说明')).toThrow(
      '须高于当前级别',
    );
    expect(() => store.apply(zhangsan, '部门管理员', '太短')).toThrow('不少于10个字');
    const req = store.apply(zhangsan, '部门管理员', '负责本科室便民服务审核工作');
    expect(() => store.apply(zhangsan, '超级管理员', '负责本科室便民服务审核工作')).toThrow(
      '办理中的权限申请',
    );
    expect(() => store.deptReview(req.id, lisi, false, '')).toThrow('请填写驳回原因');
    expect(store.deptReview(req.id, lisi, false, '岗位无需审核权限').status).toBe('rejected');
  });
});

describe('权限分配 and 流程配置', () => {
  it('lets only the 超级管理员 assign levels, and records who changed what', () => {
    const users = directory();
    const store = createAdminStore(createMemoryStore(), () => 5, users);
    expect(() => store.setLevel(lisi, 'zhangsan', '部门管理员')).toThrow('仅超级管理员');
    store.setLevel(admin, 'zhangsan', '部门管理员');
    expect(users.levels.get('zhangsan')).toBe('部门管理员');
    expect(store.audit()).toEqual([
      expect.objectContaining({
        at: 5,
        actor: 'admin',
        action: '权限变更',
        target: '张三',
        detail: '普通用户 → 部门管理员',
      }),
    ]);
  });
  it('seeds the two flows of the plan and validates edits', () => {
    const store = createAdminStore(createMemoryStore(), () => 5, directory());
    const [doc, startup] = store.flows();
    expect(doc?.nodes.map((n) => n.name)).toEqual(['部门负责人审核', '办公室审核', '分管领导签发']);
    expect(startup?.nodes.map((n) => n.name)).toEqual([
      '名称预先核准',
      '材料提交',
      '现场核查',
      '领取执照',
    ]);
    expect(() =>
      store.updateFlow(admin, 'document-review', [
        { name: '', department: '办公室', limitDays: 0 },
      ]),
    ).toThrow('第1个节点：请填写节点名称；第1个节点：办理时限应为 1-30 个工作日');
    const nodes = doc!.nodes.map((n, i) => (i === 1 ? { ...n, limitDays: 2 } : n));
    expect(() => store.updateFlow(lisi, 'document-review', nodes)).toThrow('仅超级管理员');
    store.updateFlow(admin, 'document-review', nodes);
    expect(store.flows()[0]?.nodes[1]?.limitDays).toBe(2);
    expect(store.audit()[0]?.action).toBe('流程配置');
  });
});

describe('demo data', () => {
  it('reseeds the flows and an earlier administration history', () => {
    const store = createAdminStore(createMemoryStore(), () => 100 * 86_400_000, directory());
    store.reseed();
    expect(store.flows()).toHaveLength(2);
    expect(store.audit().map((e) => e.action)).toEqual(['权限变更', '流程配置', '账号开通']);
    expect(store.requests()).toEqual([]);
  });
});
