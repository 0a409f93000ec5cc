import type { KeyValueStore } from '../service/kv';
import { seededRandom } from '../service/kv';
import { currentPeriod, formatDeadline, isClosed, parsePeriod, previousInYear } from './periods';
import type { Period } from './periods';
import { REPORT_TYPES, reportType } from './types';
import type { ReportType, ReportValues, Submission, ValidationIssue } from './types';
import { validateReport } from './validate';

export const REPORT_KEYS = { submissions: 'report:submissions' } as const;

export interface Actor {
  account: string;
  name: string;
}

/** Submitted reports are reviewed by the department head (部门负责人). */
export const REPORT_REVIEWER: Actor = { account: 'lisi', name: '李四' };

export class ReportError extends Error {
  constructor(
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
  }
}

export function closedMessage(p: Period): string {
  return `已超过本期上报截止时间（${formatDeadline(p.deadline)}），系统已自动关闭${p.label}的上报通道，不能再提交。如确需补报，请联系上级统计部门。`;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Plausible, internally consistent figures for a small city (test data). */
function seedValues(type: ReportType, p: Period, rand: () => number): ReportValues {
  const r = (spread: number) => (rand() - 0.5) * spread;
  if (type.id === 'monthly-economy') {
    const gdp = round(86 + r(8));
    const retail = round(41 + r(5));
    return {
      gdp,
      industry: round(gdp * (0.3 + r(0.04))),
      industryGrowth: round(5.6 + r(3), 1),
      fai: round(p.index * 38.5 + r(6)),
      retail,
      online: round(retail * (0.21 + r(0.04))),
      retailGrowth: round(4.8 + r(3), 1),
    };
  }
  const insured = Math.round(186_000 + p.index * 1_250 + r(600));
  return {
    insured,
    newInsured: Math.round(2_100 + r(500)),
    insuredGrowth: round(2.7 + r(1.2), 1),
    fundIncome: round(p.index * 12_480 + r(300)),
    fundExpense: round(p.index * 11_020 + r(300)),
    queries: Math.round(42_000 + r(6_000)),
  };
}

export function seedSubmissions(now: number): Submission[] {
  const rand = seededRandom(20240710);
  const out: Submission[] = [];
  for (const type of REPORT_TYPES) {
    const current = currentPeriod(type.periodKind, now);
    // Earlier periods of the current year, all approved, so 本年累计 has something to compare with.
    for (let index = 1; index < current.index; index++) {
      const p = parsePeriod(
        type.periodKind,
        type.periodKind === 'month'
          ? `${current.year}-${String(index).padStart(2, '0')}`
          : `${current.year}-Q${index}`,
      );
      const submittedAt = p.deadline - 3 * 86_400_000 - 2.5 * 3_600_000;
      out.push({
        typeId: type.id,
        period: p.id,
        values: seedValues(type, p, rand),
        status: 'approved',
        submittedAt,
        submittedBy: 'zhangsan',
        submittedByName: '张三',
        reviewer: REPORT_REVIEWER.account,
        reviewedAt: submittedAt + 20 * 3_600_000,
        history: [
          { at: submittedAt, action: '提交审核', actor: '张三' },
          { at: submittedAt + 20 * 3_600_000, action: '审核通过', actor: REPORT_REVIEWER.name },
        ],
      });
    }
  }
  return out;
}

export function createReportStore(kv: KeyValueStore, now: () => number) {
  function load(): Submission[] {
    let subs = kv.read<Submission[]>(REPORT_KEYS.submissions);
    if (!subs) {
      subs = seedSubmissions(now());
      kv.write(REPORT_KEYS.submissions, subs);
    }
    return subs;
  }
  function save(subs: Submission[]): void {
    kv.write(REPORT_KEYS.submissions, subs);
  }
  function find(subs: Submission[], typeId: string, period: string): Submission | undefined {
    return subs.find((s) => s.typeId === typeId && s.period === period);
  }

  const store = {
    list(): Submission[] {
      return [...load()].sort((a, b) => b.submittedAt - a.submittedAt);
    },
    get(typeId: string, period: string): Submission | undefined {
      return find(load(), typeId, period);
    },
    /** The previous period of the same year that was submitted, for the 本年累计 check. */
    previousFor(
      typeId: string,
      periodId: string,
    ): { label: string; values: ReportValues } | undefined {
      const type = reportType(typeId);
      const prev = previousInYear(type.periodKind, parsePeriod(type.periodKind, periodId));
      if (!prev) return undefined;
      const sub = find(load(), typeId, prev.id);
      return sub ? { label: prev.label, values: sub.values } : undefined;
    },
    check(typeId: string, periodId: string, values: ReportValues): ValidationIssue[] {
      return validateReport(reportType(typeId), values, store.previousFor(typeId, periodId));
    },
    submit(typeId: string, periodId: string, values: ReportValues, actor: Actor): Submission {
      const type = reportType(typeId);
      const period = parsePeriod(type.periodKind, periodId);
      const at = now();
      if (isClosed(period, at)) throw new ReportError(closedMessage(period));
      const issues = store.check(typeId, periodId, values);
      if (issues.length > 0) {
        throw new ReportError(`数据校验未通过（${issues.length}项），请修改后再提交`, issues);
      }
      const subs = load();
      const existing = find(subs, typeId, periodId);
      if (existing && existing.status !== 'returned') {
        throw new ReportError(`${period.label}的${type.name}已提交，不能重复提交`);
      }
      const event = { at, action: existing ? '修改后重新提交' : '提交审核', actor: actor.name };
      const sub: Submission = {
        typeId,
        period: periodId,
        values: { ...values },
        status: 'submitted',
        submittedAt: at,
        submittedBy: actor.account,
        submittedByName: actor.name,
        reviewer: REPORT_REVIEWER.account,
        history: [...(existing?.history ?? []), event],
      };
      save([sub, ...subs.filter((s) => s !== existing)]);
      return sub;
    },
    pendingFor(account: string): Submission[] {
      return store.list().filter((s) => s.status === 'submitted' && s.reviewer === account);
    },
    approve(typeId: string, periodId: string, reviewer: Actor): Submission {
      return review(typeId, periodId, reviewer, (s, at) => {
        s.status = 'approved';
        s.history.push({ at, action: '审核通过', actor: reviewer.name });
      });
    },
    returnForRevision(
      typeId: string,
      periodId: string,
      reviewer: Actor,
      reason: string,
    ): Submission {
      const why = reason.trim();
      if (!why) throw new ReportError('请填写退回原因');
      return review(typeId, periodId, reviewer, (s, at) => {
        s.status = 'returned';
        s.returnReason = why;
        s.history.push({ at, action: '退回修改', actor: reviewer.name, note: why });
      });
    },
    reseed(): void {
      kv.remove(REPORT_KEYS.submissions);
      load();
    },
  };

  function review(
    typeId: string,
    periodId: string,
    reviewer: Actor,
    change: (s: Submission, at: number) => void,
  ): Submission {
    const subs = load();
    const sub = find(subs, typeId, periodId);
    if (!sub) throw new ReportError('未找到该上报记录');
    if (sub.reviewer !== reviewer.account) throw new ReportError('您不是该报表的审核人');
    if (sub.status !== 'submitted') throw new ReportError('该报表不在待审核状态');
    const at = now();
    sub.reviewedAt = at;
    change(sub, at);
    save(subs);
    return sub;
  }

  return store;
}

export type ReportStore = ReturnType<typeof createReportStore>;
