/** The 数据上报 store bound to the sim (storage, clock, 我的待办, 消息中心). */
import { simNow } from '../../shared/clock';
import { postMessage } from '../../shared/messages';
import { registerSeed } from '../../shared/storage';
import { publishSearchEntries, publishTodos } from '../../shared/worklist';
import { simKv } from '../service/sim-kv';
import { currentPeriod, parsePeriod } from './periods';
import { createReportStore, REPORT_REVIEWER } from './store';
import type { Actor } from './store';
import { REPORT_TYPES, SUBMISSION_STATUS_LABELS, reportTitle, reportType } from './types';
import type { ReportValues } from './types';

const store = createReportStore(simKv, simNow);

function titleOf(typeId: string, periodId: string): string {
  const type = reportType(typeId);
  return reportTitle(parsePeriod(type.periodKind, periodId).label, type);
}

export function publishReportWork(): void {
  const now = simNow();
  const subs = store.list();
  const reviewTodos = subs
    .filter((s) => s.status === 'submitted')
    .map((s) => ({
      id: `report-review-${s.typeId}-${s.period}`,
      module: '数据上报',
      kind: '待审核',
      title: `${titleOf(s.typeId, s.period)}（${s.submittedByName}提交）`,
      href: 'report.html#/review',
      assignees: [s.reviewer],
      createdAt: s.submittedAt,
    }));
  // Every period open now that nobody submitted yet (or that came back) is a 待上报 for the filler.
  const fillTodos = REPORT_TYPES.flatMap((t) => {
    const p = currentPeriod(t.periodKind, now);
    const sub = subs.find((s) => s.typeId === t.id && s.period === p.id);
    if (sub && sub.status !== 'returned') return [];
    return [
      {
        id: `report-fill-${t.id}-${p.id}`,
        module: '数据上报',
        kind: sub ? '已退回待修改' : '待上报',
        title: reportTitle(p.label, t),
        href: `report.html#/fill?type=${t.id}&period=${p.id}`,
        assignees: ['zhangsan'],
        createdAt: now,
        deadline: p.deadline,
      },
    ];
  });
  publishTodos('report', [...reviewTodos, ...fillTodos]);
  publishSearchEntries(
    'report',
    subs.map((s) => ({
      id: `report-${s.typeId}-${s.period}`,
      kind: '报表',
      title: `${titleOf(s.typeId, s.period)}`,
      summary: `${SUBMISSION_STATUS_LABELS[s.status]} · ${s.submittedByName}提交`,
      href: `report.html#/fill?type=${s.typeId}&period=${s.period}`,
    })),
  );
}

registerSeed('report', () => {
  store.reseed();
  publishReportWork();
});

export const reportApi = {
  list: () => store.list(),
  get: (typeId: string, period: string) => store.get(typeId, period),
  previousFor: (typeId: string, period: string) => store.previousFor(typeId, period),
  check: (typeId: string, period: string, values: ReportValues) =>
    store.check(typeId, period, values),
  pendingFor: (account: string) => store.pendingFor(account),
  submit(typeId: string, period: string, values: ReportValues, actor: Actor) {
    const sub = store.submit(typeId, period, values, actor);
    postMessage({
      to: REPORT_REVIEWER.account,
      category: '数据上报',
      title: `${titleOf(typeId, period)}待审核`,
      body: `${actor.name}已提交，请在数据上报-上报审核中办理。`,
      href: 'report.html#/review',
    });
    publishReportWork();
    return sub;
  },
  approve(typeId: string, period: string, reviewer: Actor) {
    const sub = store.approve(typeId, period, reviewer);
    postMessage({
      to: sub.submittedBy,
      category: '数据上报',
      title: `${titleOf(typeId, period)}审核通过`,
      body: `${reviewer.name}已审核通过，可生成上报结果（PDF）。`,
      href: `report.html#/fill?type=${typeId}&period=${period}`,
    });
    publishReportWork();
    return sub;
  },
  returnForRevision(typeId: string, period: string, reviewer: Actor, reason: string) {
    const sub = store.returnForRevision(typeId, period, reviewer, reason);
    postMessage({
      to: sub.submittedBy,
      category: '数据上报',
      title: `${titleOf(typeId, period)}被退回`,
      body: `退回原因：${reason}。请在截止时间前修改后重新提交。`,
      href: `report.html#/fill?type=${typeId}&period=${period}`,
    });
    publishReportWork();
    return sub;
  },
};
