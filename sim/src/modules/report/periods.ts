import type { PeriodKind } from './types';

/**
 * Reporting periods and their deadlines, in the browser's local time (the sim runs in Asia/Shanghai):
 * a month is due on the 10th of the next month at 18:00, a quarter on the 15th of the month after it.
 */
export interface Period {
  id: string;
  label: string;
  year: number;
  /** 1-based month or quarter number. */
  index: number;
  deadline: number;
}

export function monthPeriod(year: number, month: number): Period {
  return {
    id: `${year}-${String(month).padStart(2, '0')}`,
    label: `${year}年${month}月`,
    year,
    index: month,
    deadline: new Date(year, month, 10, 18, 0, 0, 0).getTime(),
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return {
    id: `${year}-Q${quarter}`,
    label: `${year}年第${'一二三四'[quarter - 1] ?? quarter}季度`,
    year,
    index: quarter,
    deadline: new Date(year, quarter * 3, 15, 18, 0, 0, 0).getTime(),
  };
}

export function parsePeriod(kind: PeriodKind, id: string): Period {
  const m = kind === 'month' ? /^(\d{4})-(\d{2})$/.exec(id) : /^(\d{4})-Q([1-4])$/.exec(id);
  if (!m) throw new Error(`Invalid period ${id}`);
  const year = Number(m[1]);
  const index = Number(m[2]);
  return kind === 'month' ? monthPeriod(year, index) : quarterPeriod(year, index);
}

function shift(kind: PeriodKind, p: Period, by: number): Period {
  const per = kind === 'month' ? 12 : 4;
  const n = p.year * per + (p.index - 1) + by;
  const year = Math.floor(n / per);
  const index = (n % per) + 1;
  return kind === 'month' ? monthPeriod(year, index) : quarterPeriod(year, index);
}

/** The previous period of the same year (for 本年累计 checks), or undefined for the first one. */
export function previousInYear(kind: PeriodKind, p: Period): Period | undefined {
  return p.index === 1 ? undefined : shift(kind, p, -1);
}

/** The period being reported now: the earliest one whose deadline has not passed. */
export function currentPeriod(kind: PeriodKind, now: number): Period {
  const d = new Date(now);
  const containing =
    kind === 'month'
      ? monthPeriod(d.getFullYear(), d.getMonth() + 1)
      : quarterPeriod(d.getFullYear(), Math.floor(d.getMonth() / 3) + 1);
  const before = shift(kind, containing, -1);
  return now <= before.deadline ? before : containing;
}

/** The current period first, then the earlier ones (closed, view only). */
export function recentPeriods(kind: PeriodKind, now: number, count: number): Period[] {
  const current = currentPeriod(kind, now);
  return Array.from({ length: count }, (_, i) => shift(kind, current, -i));
}

export function isClosed(p: Period, now: number): boolean {
  return now > p.deadline;
}

export function formatDeadline(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 距截止还有 X天X小时X分X秒. */
export function formatCountdown(ms: number): string {
  if (ms <= 0) return '已截止';
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return `${days > 0 ? `${days}天` : ''}${hours}小时${minutes}分${seconds}秒`;
}
