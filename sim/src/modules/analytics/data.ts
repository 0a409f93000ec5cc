import { seededRandom } from '../service/kv';
import { REGIONS } from '../service/types';

/**
 * The analytics warehouse of the sim: monthly aggregates per region and item type for the last 12
 * complete months, as the business modules would roll them up overnight. Test data, generated
 * deterministically from the month so every reset shows the same figures.
 */
export const SOURCES = {
  service: {
    name: '便民服务模块',
    itemTypes: ['营业执照办理', '社保查询', '户籍证明', '不动产登记', '医保报销'],
  },
  docs: { name: '公文管理', itemTypes: ['通知', '请示', '报告'] },
  report: { name: '数据上报', itemTypes: ['月度经济运行数据', '季度社保经办数据'] },
} as const;
export type SourceId = keyof typeof SOURCES;
export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

export const DIMENSIONS = { time: '时间', region: '地区', itemType: '事项类型' } as const;
export type DimensionId = keyof typeof DIMENSIONS;

export const MEASURES = { count: '办理量', avgHours: '平均办理时长' } as const;
export type MeasureId = keyof typeof MEASURES;
export const MEASURE_UNITS: Record<MeasureId, string> = { count: '件', avgHours: '小时' };

export const CHART_TYPES = { bar: '柱状图', line: '折线图', pie: '饼图', table: '表格' } as const;
export type ChartType = keyof typeof CHART_TYPES;

export interface Fact {
  source: SourceId;
  /** YYYY-MM */
  month: string;
  region: string;
  itemType: string;
  count: number;
  totalHours: number;
}

export const SS_CHANNELS = ['窗口查询', '自助终端查询', '线上查询'] as const;
export type SsChannel = (typeof SS_CHANNELS)[number];

export interface SsQueryFact {
  month: string;
  region: string;
  channel: SsChannel;
  count: number;
}

export interface SatisfactionFact {
  month: string;
  region: string;
  rated: number;
  satisfied: number;
}

/** The region whose 社保查询量 falls in the last three months (the drill-down case of the plan). */
export const DECLINING_REGION = '北山乡';

/** The last `count` complete months before `now`, oldest first (YYYY-MM). */
export function lastMonths(now: number, count = 12): string[] {
  const d = new Date(now);
  const out: string[] = [];
  for (let i = count; i >= 1; i--) {
    const m = new Date(d.getFullYear(), d.getMonth() - i, 1);
    out.push(`${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

const REGION_SCALE: Record<string, number> = {
  城关镇: 1.6,
  河西街道: 1.3,
  东城街道: 1.2,
  南湖镇: 0.9,
  北山乡: 0.7,
  新区街道: 1.1,
};

const BASE: Record<string, { count: number; hours: number }> = {
  营业执照办理: { count: 46, hours: 20 },
  社保查询: { count: 310, hours: 0.4 },
  户籍证明: { count: 88, hours: 2.5 },
  不动产登记: { count: 52, hours: 62 },
  医保报销: { count: 120, hours: 26 },
  通知: { count: 24, hours: 18 },
  请示: { count: 9, hours: 46 },
  报告: { count: 12, hours: 32 },
  月度经济运行数据: { count: 1, hours: 30 },
  季度社保经办数据: { count: 1, hours: 40 },
};

export interface Warehouse {
  months: string[];
  facts: Fact[];
  ssQueries: SsQueryFact[];
  satisfaction: SatisfactionFact[];
}

export function buildWarehouse(now: number): Warehouse {
  const months = lastMonths(now);
  const facts: Fact[] = [];
  const ssQueries: SsQueryFact[] = [];
  const satisfaction: SatisfactionFact[] = [];
  months.forEach((month, mi) => {
    const monthNo = Number(month.slice(5));
    // Fewer applications around 春节 (Jan/Feb), a little growth over the year.
    const season = (monthNo === 1 || monthNo === 2 ? 0.78 : 1) * (1 + mi * 0.012);
    REGIONS.forEach((region, ri) => {
      const rand = seededRandom(Number(month.replace('-', '')) * 31 + ri);
      const scale = REGION_SCALE[region] ?? 1;
      for (const source of SOURCE_IDS) {
        for (const itemType of SOURCES[source].itemTypes) {
          const base = BASE[itemType] ?? { count: 10, hours: 10 };
          const count =
            source === 'report'
              ? itemType === '季度社保经办数据' && monthNo % 3 !== 1
                ? 0
                : 1
              : Math.max(1, Math.round(base.count * scale * season * (0.85 + rand() * 0.3)));
          // 公文 handling gets faster over the year (the plan's 缩短审批时限).
          const speedUp = source === 'docs' ? 1 - mi * 0.025 : 1;
          const hours = base.hours * speedUp * (0.85 + rand() * 0.3);
          if (count > 0) {
            facts.push({
              source,
              month,
              region,
              itemType,
              count,
              totalHours: Math.round(hours * count * 10) / 10,
            });
          }
        }
      }
      const declining = region === DECLINING_REGION && mi >= months.length - 3;
      const window = Math.round(180 * scale * (0.9 + rand() * 0.2) * (declining ? 0.55 : 1));
      const kiosk = Math.round(95 * scale * (0.9 + rand() * 0.2) * (declining ? 0.08 : 1));
      const online = Math.round((60 + mi * 6) * scale * (0.9 + rand() * 0.2));
      ssQueries.push(
        { month, region, channel: '窗口查询', count: window },
        { month, region, channel: '自助终端查询', count: kiosk },
        { month, region, channel: '线上查询', count: online },
      );
      const rated = Math.round(220 * scale);
      const rate = 0.955 + rand() * 0.03 + mi * 0.0008;
      satisfaction.push({
        month,
        region,
        rated,
        satisfied: Math.min(rated, Math.round(rated * rate)),
      });
    });
  });
  return { months, facts, ssQueries, satisfaction };
}
