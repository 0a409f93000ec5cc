import type { EChartsOption } from 'echarts';
import type { SeriesPoint } from './aggregate';
import type { ChartType } from './data';

const FONT =
  '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif';
export const CHART_COLORS = ['#1558a8', '#2f9e72', '#e0a030', '#c8553d', '#7a5fb5', '#3aa1c9'];

/** Explicit grid so the plot area (and a click's category) is predictable. */
export const GRID = { left: 64, right: 24, top: 40, bottom: 48 };

export function seriesOption(
  points: SeriesPoint[],
  chartType: Exclude<ChartType, 'table'>,
  seriesName: string,
  unit: string,
): EChartsOption {
  const base: EChartsOption = {
    color: CHART_COLORS,
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: chartType === 'pie' ? 'item' : 'axis',
      valueFormatter: (v) => `${String(v)} ${unit}`,
    },
    animation: false,
  };
  if (chartType === 'pie') {
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: seriesName,
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{d}%' },
          data: points.map((p) => ({ name: p.label, value: p.value })),
        },
      ],
    };
  }
  return {
    ...base,
    grid: GRID,
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisLabel: { interval: 0, rotate: points.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'right' } },
    series: [
      {
        name: seriesName,
        type: chartType,
        data: points.map((p) => p.value),
        barMaxWidth: 40,
        smooth: chartType === 'line',
        label: { show: points.length <= 8, position: 'top' },
      },
    ],
  };
}

export function stackedOption(
  categories: string[],
  series: { name: string; data: number[] }[],
  unit: string,
): EChartsOption {
  return {
    color: CHART_COLORS,
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: GRID,
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'right' } },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      data: s.data,
      barMaxWidth: 36,
    })),
  };
}
