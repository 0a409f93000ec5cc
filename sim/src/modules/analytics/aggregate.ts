import { REGIONS } from '../service/types';
import { SOURCES, SS_CHANNELS, monthLabel } from './data';
import type { DimensionId, Fact, MeasureId, SourceId, SsChannel, Warehouse } from './data';

export interface SeriesPoint {
  key: string;
  label: string;
  value: number;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** 报表设计器: one measure of one source grouped by one dimension, in the dimension's natural order. */
export function aggregate(
  facts: readonly Fact[],
  source: SourceId,
  dimension: DimensionId,
  measure: MeasureId,
): SeriesPoint[] {
  const groups = new Map<string, { count: number; hours: number }>();
  for (const f of facts) {
    if (f.source !== source) continue;
    const key = dimension === 'time' ? f.month : dimension === 'region' ? f.region : f.itemType;
    const g = groups.get(key) ?? { count: 0, hours: 0 };
    g.count += f.count;
    g.hours += f.totalHours;
    groups.set(key, g);
  }
  const order: readonly string[] =
    dimension === 'region'
      ? REGIONS
      : dimension === 'itemType'
        ? SOURCES[source].itemTypes
        : [...groups.keys()].sort();
  return order
    .filter((key) => groups.has(key))
    .map((key) => {
      const g = groups.get(key) ?? { count: 0, hours: 0 };
      return {
        key,
        label: dimension === 'time' ? monthLabel(key) : key,
        // Average duration is weighted by volume: a month's mean over all its cases.
        value: measure === 'count' ? g.count : g.count === 0 ? 0 : round(g.hours / g.count),
      };
    });
}

/** 公文处理时效: mean hours from submission to archive, per month. */
export function documentTimeliness(w: Warehouse): SeriesPoint[] {
  return aggregate(w.facts, 'docs', 'time', 'avgHours');
}

export function serviceVolume(w: Warehouse): SeriesPoint[] {
  return aggregate(w.facts, 'service', 'time', 'count');
}

/** 群众满意度 (%): satisfied ratings over all ratings, per month. */
export function satisfactionRate(w: Warehouse): SeriesPoint[] {
  return w.months.map((month) => {
    const rows = w.satisfaction.filter((s) => s.month === month);
    const rated = rows.reduce((a, r) => a + r.rated, 0);
    const satisfied = rows.reduce((a, r) => a + r.satisfied, 0);
    return {
      key: month,
      label: monthLabel(month),
      value: rated === 0 ? 0 : round((satisfied / rated) * 100),
    };
  });
}

export interface RegionQueries {
  region: string;
  /** Queries in the last three months. */
  recent: number;
  /** Queries in the three months before. */
  before: number;
  /** Change in percent, one decimal. */
  changePct: number;
}

/** 社保查询量 by region: last quarter against the quarter before. */
export function ssQueriesByRegion(w: Warehouse): RegionQueries[] {
  const recentMonths = w.months.slice(-3);
  const beforeMonths = w.months.slice(-6, -3);
  return REGIONS.map((region) => {
    const sum = (months: string[]) =>
      w.ssQueries
        .filter((q) => q.region === region && months.includes(q.month))
        .reduce((a, q) => a + q.count, 0);
    const recent = sum(recentMonths);
    const before = sum(beforeMonths);
    return {
      region,
      recent,
      before,
      changePct: before === 0 ? 0 : round(((recent - before) / before) * 100),
    };
  });
}

export interface RegionMonthDetail {
  month: string;
  label: string;
  channels: Record<SsChannel, number>;
  total: number;
  /** Month-on-month change of the total in percent; undefined for the first month. */
  momPct?: number;
}

export interface RegionDrillDown {
  region: string;
  rows: RegionMonthDetail[];
  /** Findings computed from the data: where the change comes from. */
  findings: string[];
}

export function regionDrillDown(w: Warehouse, region: string): RegionDrillDown {
  const rows: RegionMonthDetail[] = w.months.map((month) => {
    const channels = Object.fromEntries(
      SS_CHANNELS.map((c) => [
        c,
        w.ssQueries.find((q) => q.region === region && q.month === month && q.channel === c)
          ?.count ?? 0,
      ]),
    ) as Record<SsChannel, number>;
    return {
      month,
      label: monthLabel(month),
      channels,
      total: SS_CHANNELS.reduce((a, c) => a + channels[c], 0),
    };
  });
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    if (prev && prev.total > 0) row.momPct = round(((row.total - prev.total) / prev.total) * 100);
  });
  const findings: string[] = [];
  const recent = rows.slice(-3);
  const before = rows.slice(-6, -3);
  const sum = (rs: RegionMonthDetail[], c: SsChannel) => rs.reduce((a, r) => a + r.channels[c], 0);
  const totalRecent = recent.reduce((a, r) => a + r.total, 0);
  const totalBefore = before.reduce((a, r) => a + r.total, 0);
  if (totalBefore > 0) {
    const pct = round(((totalRecent - totalBefore) / totalBefore) * 100);
    findings.push(
      `近3个月查询量 ${totalRecent} 次，较前3个月（${totalBefore} 次）${pct < 0 ? '下降' : '增长'} ${Math.abs(pct)}%。`,
    );
    const changes = SS_CHANNELS.map((c) => {
      const b = sum(before, c);
      const r = sum(recent, c);
      return { c, diff: r - b, pct: b === 0 ? 0 : round(((r - b) / b) * 100) };
    }).sort((a, b) => a.diff - b.diff);
    const worst = changes[0];
    if (worst && worst.diff < 0) {
      findings.push(
        `降幅主要来自「${worst.c}」：减少 ${Math.abs(worst.diff)} 次（${worst.pct}%）。`,
      );
    }
    const best = changes[changes.length - 1];
    if (best && best.diff > 0) {
      findings.push(`「${best.c}」增加 ${best.diff} 次（+${best.pct}%），部分需求已转向该渠道。`);
    }
    const first = recent[0];
    if (first?.momPct !== undefined && first.momPct < -15) {
      findings.push(`${first.label}起环比下降 ${Math.abs(first.momPct)}%，为变化起点。`);
    }
  }
  return { region, rows, findings };
}

/** The 情况说明 a township sent with its figures (part of the seeded test data). */
export const REGION_NOTES: Record<string, string> = {
  北山乡:
    '北山乡便民服务中心自助查询终端因硬件故障停机待修，群众改到窗口或线上查询；该乡老年人比例高，线上渠道使用率低，整体查询量下降。已报请信息中心尽快更换设备。',
};
