import Papa from 'papaparse';
import type { KeyValueStore } from '../service/kv';
import { CHART_TYPES, DIMENSIONS, MEASURES, SOURCES } from './data';
import type { ChartType, DimensionId, MeasureId, SourceId } from './data';
import type { RegionQueries, SeriesPoint } from './aggregate';

export const ANALYTICS_KEYS = { reports: 'analytics:reports' } as const;

export interface ReportDesign {
  source: SourceId;
  dimension: DimensionId;
  measure: MeasureId;
  chartType: ChartType;
}

export interface SavedReport extends ReportDesign {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
}

export class AnalyticsError extends Error {}

export function describeDesign(d: ReportDesign): string {
  return `${SOURCES[d.source].name} · 按${DIMENSIONS[d.dimension]}统计${MEASURES[d.measure]} · ${CHART_TYPES[d.chartType]}`;
}

const SEED_REPORTS = (now: number): SavedReport[] => [
  {
    id: 'rpt-seed-1',
    name: '月度便民服务办理量统计',
    source: 'service',
    dimension: 'time',
    measure: 'count',
    chartType: 'bar',
    createdAt: now - 20 * 86_400_000,
    createdBy: '李四',
  },
];

export function createAnalyticsStore(kv: KeyValueStore, now: () => number) {
  function load(): SavedReport[] {
    let reports = kv.read<SavedReport[]>(ANALYTICS_KEYS.reports);
    if (!reports) {
      reports = SEED_REPORTS(now());
      kv.write(ANALYTICS_KEYS.reports, reports);
    }
    return reports;
  }
  return {
    list(): SavedReport[] {
      return [...load()].sort((a, b) => b.createdAt - a.createdAt);
    },
    save(name: string, design: ReportDesign, author: string): SavedReport {
      const trimmed = name.trim();
      if (!trimmed) throw new AnalyticsError('请输入报表名称');
      if (trimmed.length > 30) throw new AnalyticsError('报表名称不超过30个字');
      const reports = load();
      if (reports.some((r) => r.name === trimmed))
        throw new AnalyticsError(`已存在名为「${trimmed}」的报表`);
      const at = now();
      const report: SavedReport = {
        ...design,
        id: `rpt-${at}-${reports.length}`,
        name: trimmed,
        createdAt: at,
        createdBy: author,
      };
      kv.write(ANALYTICS_KEYS.reports, [report, ...reports]);
      return report;
    },
    remove(id: string): void {
      kv.write(
        ANALYTICS_KEYS.reports,
        load().filter((r) => r.id !== id),
      );
    },
    reseed(): void {
      kv.remove(ANALYTICS_KEYS.reports);
      load();
    },
  };
}

export type AnalyticsStore = ReturnType<typeof createAnalyticsStore>;

export function seriesCsv(
  title: string,
  dimensionLabel: string,
  valueLabel: string,
  points: SeriesPoint[],
): string {
  return (
    '\uFEFF' +
    Papa.unparse([[title], [dimensionLabel, valueLabel], ...points.map((p) => [p.label, p.value])])
  );
}

/** 数据分析报告 (CSV): every indicator of the dashboard, one section each. */
export function dashboardCsv(
  sections: { title: string; header: string[]; rows: (string | number)[][] }[],
): string {
  const lines: (string | number)[][] = [];
  for (const s of sections) {
    lines.push([s.title], s.header, ...s.rows, []);
  }
  return '\uFEFF' + Papa.unparse(lines);
}

export function regionRows(rows: RegionQueries[]): (string | number)[][] {
  return rows.map((r) => [r.region, r.before, r.recent, `${r.changePct}%`]);
}
