import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * One echarts instance per element. `onCategoryClick` fires with the x-axis category index when
 * the user clicks anywhere in a category's column (not only on the bar), so short bars stay easy
 * to hit.
 */
export function EChart({
  option,
  height = 300,
  label,
  onCategoryClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  label: string;
  onCategoryClick?: (index: number) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onCategoryClick);
  useEffect(() => {
    clickRef.current = onCategoryClick;
  }, [onCategoryClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.getZr().on('click', (event) => {
      const handler = clickRef.current;
      if (!handler) return;
      const point = [event.offsetX, event.offsetY];
      if (!chart.containPixel({ gridIndex: 0 }, point)) return;
      const value = chart.convertFromPixel({ seriesIndex: 0 }, point) as number[] | number;
      const index = Array.isArray(value) ? value[0] : value;
      if (typeof index === 'number' && Number.isFinite(index)) handler(Math.round(index));
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      className="ana-chart"
      style={{ height, cursor: onCategoryClick ? 'pointer' : undefined }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
