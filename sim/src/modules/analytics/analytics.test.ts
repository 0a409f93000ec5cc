import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../service/kv';
import { aggregate, regionDrillDown, satisfactionRate, ssQueriesByRegion } from './aggregate';
import { buildWarehouse, DECLINING_REGION, lastMonths } from './data';
import { createAnalyticsStore } from './store';

const now = new Date(2026, 10, 20).getTime();
const w = buildWarehouse(now);

describe('warehouse and aggregation', () => {
  it('covers the 12 complete months before now', () => {
    expect(lastMonths(now)).toHaveLength(12);
    expect(w.months[0]).toBe('2025-11');
    expect(w.months[11]).toBe('2026-10');
  });
  it('groups by dimension and weights average durations by volume', () => {
    const byRegion = aggregate(w.facts, 'service', 'region', 'count');
    expect(byRegion.map((p) => p.key)).toEqual([
      '城关镇',
      '河西街道',
      '东城街道',
      '南湖镇',
      '北山乡',
      '新区街道',
    ]);
    const total = w.facts.filter((f) => f.source === 'service').reduce((a, f) => a + f.count, 0);
    expect(byRegion.reduce((a, p) => a + p.value, 0)).toBe(total);
    const docs = w.facts.filter((f) => f.source === 'docs');
    const mean = docs.reduce((a, f) => a + f.totalHours, 0) / docs.reduce((a, f) => a + f.count, 0);
    const byType = aggregate(w.facts, 'docs', 'itemType', 'avgHours');
    expect(byType.map((p) => p.key)).toEqual(['通知', '请示', '报告']);
    expect(Math.min(...byType.map((p) => p.value))).toBeLessThan(mean);
    expect(Math.max(...byType.map((p) => p.value))).toBeGreaterThan(mean);
  });
  it('keeps satisfaction a percentage', () => {
    for (const p of satisfactionRate(w)) {
      expect(p.value).toBeGreaterThan(90);
      expect(p.value).toBeLessThanOrEqual(100);
    }
  });
});

describe('社保查询量 drill-down', () => {
  it('shows the declining region and explains the drop by channel', () => {
    const regions = ssQueriesByRegion(w);
    const worst = [...regions].sort((a, b) => a.changePct - b.changePct)[0];
    expect(worst?.region).toBe(DECLINING_REGION);
    expect(worst!.changePct).toBeLessThan(-20);
    const detail = regionDrillDown(w, DECLINING_REGION);
    expect(detail.rows).toHaveLength(12);
    expect(detail.findings.join('')).toContain('降幅主要来自「自助终端查询」');
  });
});

describe('saved reports', () => {
  it('saves a design under a unique name', () => {
    const store = createAnalyticsStore(createMemoryStore(), () => now);
    const design = {
      source: 'docs',
      dimension: 'region',
      measure: 'avgHours',
      chartType: 'line',
    } as const;
    store.save('各地区公文处理时效', design, '李四');
    expect(store.list().map((r) => r.name)).toEqual([
      '各地区公文处理时效',
      '月度便民服务办理量统计',
    ]);
    expect(() => store.save('各地区公文处理时效', design, '李四')).toThrow('已存在');
    expect(() => store.save('  ', design, '李四')).toThrow('请输入报表名称');
  });
});
