/**
 * The 便民服务 store bound to the sim: shared storage, the simulated clock, 我的待办 / global search
 * publishing and 消息中心 notifications. Pages use this module, never the bare store.
 */
import { simNow } from '../../shared/clock';
import { postMessage } from '../../shared/messages';
import { registerSeed } from '../../shared/storage';
import { publishSearchEntries, publishTodos } from '../../shared/worklist';
import { simKv } from './sim-kv';
import { createServiceStore } from './store';
import type { Actor } from './store';
import { STATUS_LABELS } from './types';
import type { LicenceApplication, LicenceFields, Material } from './types';

const store = createServiceStore(simKv, simNow);

export function publishServiceWork(): void {
  const apps = store.list();
  publishTodos(
    'service',
    apps
      .filter((a) => a.status === 'pending')
      .map((a) => ({
        id: `service-${a.id}`,
        module: '便民服务',
        kind: '待审批',
        title: `营业执照办理：${a.companyName}（${a.id}）`,
        href: 'service.html#/review',
        assignees: [a.reviewer],
        createdAt: a.createdAt,
      })),
  );
  publishSearchEntries(
    'service',
    apps.map((a) => ({
      id: `service-${a.id}`,
      kind: '办件',
      title: `${a.companyName}（${a.id}）`,
      summary: `营业执照办理 · ${STATUS_LABELS[a.status]} · 法人 ${a.legalPerson}`,
      href: `service.html#/progress?q=${a.id}`,
      keywords: [a.id, a.creditCode, a.legalPerson],
    })),
  );
}

registerSeed('service', () => {
  store.reseed();
  publishServiceWork();
});

function notifyResult(app: LicenceApplication, smsText: string): void {
  postMessage({
    to: app.createdBy,
    category: '便民服务',
    title: `营业执照办理${app.status === 'approved' ? '已审批通过' : '未通过审批'}：${app.companyName}`,
    body: `受理编号 ${app.id}。已向申请人发送短信：${smsText}`,
    href: `service.html#/progress?q=${app.id}`,
  });
}

export const serviceApi = {
  list: () => store.list(),
  get: (id: string) => store.get(id),
  search: (q: string) => store.search(q),
  pendingFor: (account: string) => store.pendingFor(account),
  smsLog: () => store.smsLog(),
  submit(fields: LicenceFields, materials: readonly Material[], clerk: Actor) {
    const app = store.submit(fields, materials, clerk);
    postMessage({
      to: app.reviewer,
      category: '便民服务',
      title: `新的营业执照办理待审批：${app.companyName}`,
      body: `${clerk.name}于窗口受理，受理编号 ${app.id}，请在便民服务-审批待办中办理。`,
      href: 'service.html#/review',
    });
    publishServiceWork();
    return app;
  },
  importBatch(rows: readonly LicenceFields[], clerk: Actor) {
    const created = store.importBatch(rows, clerk);
    if (created[0]) {
      postMessage({
        to: created[0].reviewer,
        category: '便民服务',
        title: `模板导入 ${created.length} 件营业执照办理待审批`,
        body: `${clerk.name}通过模板导入批量提交，请在便民服务-审批待办中办理。`,
        href: 'service.html#/review',
      });
    }
    publishServiceWork();
    return created;
  },
  approve(id: string, reviewer: Actor) {
    const result = store.approve(id, reviewer);
    notifyResult(result.app, result.sms.text);
    publishServiceWork();
    return result;
  },
  reject(id: string, reviewer: Actor, reason: string) {
    const result = store.reject(id, reviewer, reason);
    notifyResult(result.app, result.sms.text);
    publishServiceWork();
    return result;
  },
};
