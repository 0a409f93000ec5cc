import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws: bars, lines, a pie; SVG so charts print sharply.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

const FONT =
  "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', system-ui, sans-serif";

/**
 * One ECharts chart. `label` is what a screen reader hears (the figures are also in the tables
 * next to each chart); no animation, so the chart is complete the moment it is drawn (and printed).
 * Charts are drawn when the browser is idle, one at a time, after the page's figures are on
 * screen: the tables are usable first (bench/dashboard measures both moments).
 */
export function EChart({
  option,
  label,
  height = 260,
  testId,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let instance: echarts.ECharts | null = null;
    let observer: ResizeObserver | null = null;
    const onPrint = () => instance?.resize();
    const draw = () => {
      instance = echarts.init(element, null, { renderer: 'svg' });
      chart.current = instance;
      instance.setOption(withDefaults(latest.current), true);
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(element);
      window.addEventListener('beforeprint', onPrint);
      performance.mark('zhiyin:chart-drawn');
    };
    const idle = requestIdleCallback(draw, { timeout: 1000 });
    return () => {
      cancelIdleCallback(idle);
      observer?.disconnect();
      window.removeEventListener('beforeprint', onPrint);
      instance?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(withDefaults(option), true);
  }, [option]);

  return (
    <div
      ref={ref}
      className="zy-chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height }}
    />
  );
}

function withDefaults(option: ChartOption): ChartOption {
  return { animation: false, textStyle: { fontFamily: FONT }, aria: { enabled: true }, ...option };
}
