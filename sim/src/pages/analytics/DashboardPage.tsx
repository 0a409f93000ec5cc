import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Card, Col, Dropdown, Row, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { navigate } from '../../shared/hash-route';
import { simNow } from '../../shared/clock';
import type { Session } from '../../shared/session';
import {
  documentTimeliness,
  regionDrillDown,
  REGION_NOTES,
  satisfactionRate,
  serviceVolume,
  ssQueriesByRegion,
} from '../../modules/analytics/aggregate';
import type {
  RegionMonthDetail,
  RegionQueries,
  SeriesPoint,
} from '../../modules/analytics/aggregate';
import { seriesOption, stackedOption } from '../../modules/analytics/charts';
import { monthLabel, SS_CHANNELS } from '../../modules/analytics/data';
import type { Warehouse } from '../../modules/analytics/data';
import { currentWarehouse } from '../../modules/analytics/sim-analytics';
import { dashboardCsv, regionRows } from '../../modules/analytics/store';
import { savePdf } from '../../modules/report/pdf';
import type { PdfSection } from '../../modules/report/pdf';
import { EChart } from './EChart';
import { downloadText } from './download';

function last(points: SeriesPoint[]): SeriesPoint | undefined {
  return points[points.length - 1];
}

function change(points: SeriesPoint[]): number | undefined {
  const a = points[points.length - 2];
  const b = points[points.length - 1];
  if (!a || !b || a.value === 0) return undefined;
  return Math.round(((b.value - a.value) / a.value) * 1000) / 10;
}

function ChangeNote({ pct, goodWhenDown }: { pct?: number; goodWhenDown?: boolean }) {
  if (pct === undefined) return null;
  const good = goodWhenDown ? pct <= 0 : pct >= 0;
  return (
    <div className="ana-kpi-note">
      较上月{' '}
      <span style={{ color: good ? '#389e0d' : '#cf1322' }}>
        {pct >= 0 ? '↑' : '↓'} {Math.abs(pct)}%
      </span>
    </div>
  );
}

interface Analysis {
  timeliness: SeriesPoint[];
  satisfaction: SeriesPoint[];
  volume: SeriesPoint[];
  regions: RegionQueries[];
}

function analyse(w: Warehouse): Analysis {
  return {
    timeliness: documentTimeliness(w),
    satisfaction: satisfactionRate(w),
    volume: serviceVolume(w),
    regions: ssQueriesByRegion(w),
  };
}

function exportSections(a: Analysis, w: Warehouse, region?: string) {
  const monthly = w.months.map((m, i) => [
    monthLabel(m),
    a.timeliness[i]?.value ?? '',
    a.satisfaction[i]?.value ?? '',
    a.volume[i]?.value ?? '',
  ]);
  const sections = [
    {
      title: '月度关键指标',
      header: ['月份', '公文处理时效（小时）', '群众满意度（%）', '便民服务办理量（件）'],
      rows: monthly,
    },
    {
      title: '各地区社保查询量（近3个月与前3个月对比）',
      header: ['地区', '前3个月（次）', '近3个月（次）', '变化'],
      rows: regionRows(a.regions),
    },
  ];
  if (region) {
    const d = regionDrillDown(w, region);
    sections.push({
      title: `${region}社保查询量月度明细`,
      header: ['月份', ...SS_CHANNELS, '合计', '环比'],
      rows: d.rows.map((r) => [
        r.label,
        ...SS_CHANNELS.map((c) => r.channels[c]),
        r.total,
        r.momPct === undefined ? '' : `${r.momPct}%`,
      ]),
    });
    sections.push({
      title: '原因分析',
      header: ['结论'],
      rows: [...d.findings, REGION_NOTES[region] ?? ''].filter(Boolean).map((f) => [f]),
    });
  }
  return sections;
}

function RegionDetail({ w, region }: { w: Warehouse; region: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // The detail opens below the overview: bring it into view after a click on a bar.
  useEffect(() => {
    // Braces matter: Chromium's scrollIntoView now returns a promise, which React would take for
    // a cleanup function and call on unmount ("is not a function").
    void ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [region]);
  const detail = useMemo(() => regionDrillDown(w, region), [w, region]);
  const option = useMemo(
    () =>
      stackedOption(
        detail.rows.map((r) => r.label.replace(/^\d{4}年/, '')),
        SS_CHANNELS.map((c) => ({ name: c, data: detail.rows.map((r) => r.channels[c]) })),
        '次',
      ),
    [detail],
  );
  return (
    <div ref={ref}>
      <Card
        title={`${region}社保查询量明细`}
        data-testid="region-detail"
        style={{ marginTop: 16 }}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/dashboard')}>
            返回总览
          </Button>
        }
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <EChart option={option} height={320} label={`${region}各月社保查询量（按渠道）`} />
          </Col>
          <Col xs={24} xl={10}>
            <Typography.Title level={5}>原因分析</Typography.Title>
            <ul className="ana-findings">
              {detail.findings.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            {REGION_NOTES[region] && (
              <Alert
                style={{ marginTop: 12 }}
                type="info"
                showIcon
                title="属地情况说明"
                description={REGION_NOTES[region]}
              />
            )}
          </Col>
        </Row>
        <Table<RegionMonthDetail>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={detail.rows}
          columns={[
            { title: '月份', dataIndex: 'label' },
            ...SS_CHANNELS.map((c) => ({
              title: `${c}（次）`,
              key: c,
              align: 'right' as const,
              render: (_: unknown, r: RegionMonthDetail) => r.channels[c],
            })),
            { title: '合计（次）', dataIndex: 'total', align: 'right' },
            {
              title: '环比',
              dataIndex: 'momPct',
              align: 'right',
              render: (v?: number) =>
                v === undefined ? (
                  '—'
                ) : (
                  <span
                    style={{ color: v < -15 ? '#cf1322' : undefined }}
                  >{`${v > 0 ? '+' : ''}${v}%`}</span>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}

/** 数据dashboard: key indicators, one chart each, drill-down by region, analysis report export. */
export function DashboardPage({ session, region }: { session: Session; region?: string }) {
  const w = useMemo(() => currentWarehouse(), []);
  const a = useMemo(() => analyse(w), [w]);
  const regionNames = a.regions.map((r) => r.region);
  const selected = region && regionNames.includes(region) ? region : undefined;
  const recentTotal = a.regions.reduce((s, r) => s + r.recent, 0);
  const beforeTotal = a.regions.reduce((s, r) => s + r.before, 0);
  const period = `${monthLabel(w.months[0] ?? '')}至${monthLabel(w.months[w.months.length - 1] ?? '')}`;

  const options = useMemo(
    () => ({
      timeliness: seriesOption(
        a.timeliness.map((p) => ({ ...p, label: p.label.replace(/^\d{4}年/, '') })),
        'line',
        '公文处理时效',
        '小时',
      ),
      satisfaction: {
        ...seriesOption(
          a.satisfaction.map((p) => ({ ...p, label: p.label.replace(/^\d{4}年/, '') })),
          'line',
          '群众满意度',
          '%',
        ),
        yAxis: { type: 'value' as const, name: '%', min: 90, max: 100 },
      },
      volume: seriesOption(
        a.volume.map((p) => ({ ...p, label: p.label.replace(/^\d{4}年/, '') })),
        'bar',
        '便民服务办理量',
        '件',
      ),
      regions: seriesOption(
        a.regions.map((r) => ({ key: r.region, label: r.region, value: r.recent })),
        'bar',
        '近3个月社保查询量',
        '次',
      ),
    }),
    [a],
  );

  const exportCsv = () =>
    downloadText(
      dashboardCsv(exportSections(a, w, selected)),
      `数据分析报告${selected ? `-${selected}` : ''}.csv`,
    );
  const exportPdf = () => {
    const sections: PdfSection[] = exportSections(a, w, selected).map((s) => ({
      heading: s.title,
      columns: s.header,
      rows: s.rows.map((r) => r.map(String)),
    }));
    savePdf(
      {
        title: `数据分析报告${selected ? `（${selected}社保查询量）` : ''}`,
        meta: [`统计范围：${period}    生成人：${session.user.name}（${session.user.department}）`],
        sections,
        footer: [
          `本报告由系统生成（XX市数字政府统一协同平台 · 模拟环境 · 测试数据），生成时间 ${new Date(simNow()).toLocaleString('zh-CN')}。`,
        ],
      },
      `数据分析报告${selected ? `-${selected}` : ''}.pdf`,
    );
  };

  const timelinessLast = last(a.timeliness);
  const satisfactionLast = last(a.satisfaction);
  const volumeLast = last(a.volume);
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={4} className="sim-page-title">
          数据dashboard
        </Typography.Title>
        <Dropdown
          menu={{
            items: [
              { key: 'csv', label: '导出 CSV', onClick: exportCsv },
              { key: 'pdf', label: '导出 PDF', onClick: exportPdf },
            ],
          }}
        >
          <Button type="primary" icon={<DownloadOutlined />}>
            导出分析报告
          </Button>
        </Dropdown>
      </div>
      <Typography.Paragraph type="secondary">
        统计范围：{period}（各业务模块月度汇总，测试数据）
      </Typography.Paragraph>
      <Row gutter={[16, 16]} className="ana-kpis">
        <Col xs={12} xl={6}>
          <Card>
            <Statistic
              title={`公文处理时效（${timelinessLast?.label ?? ''}）`}
              value={timelinessLast?.value}
              suffix="小时"
            />
            <ChangeNote pct={change(a.timeliness)} goodWhenDown />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card>
            <Statistic
              title={`群众满意度（${satisfactionLast?.label ?? ''}）`}
              value={satisfactionLast?.value}
              suffix="%"
            />
            <ChangeNote pct={change(a.satisfaction)} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card>
            <Statistic
              title={`便民服务办理量（${volumeLast?.label ?? ''}）`}
              value={volumeLast?.value}
              suffix="件"
            />
            <ChangeNote pct={change(a.volume)} />
          </Card>
        </Col>
        <Col xs={12} xl={6}>
          <Card>
            <Statistic title="社保查询量（近3个月）" value={recentTotal} suffix="次" />
            <div className="ana-kpi-note">
              较前3个月{' '}
              {beforeTotal === 0
                ? '—'
                : `${Math.round(((recentTotal - beforeTotal) / beforeTotal) * 1000) / 10}%`}
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title="公文处理时效（平均办理时长，小时）">
            <EChart option={options.timeliness} height={260} label="公文处理时效折线图" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="群众满意度（%）">
            <EChart option={options.satisfaction} height={260} label="群众满意度折线图" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="便民服务办理量（件）">
            <EChart option={options.volume} height={260} label="便民服务办理量柱状图" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="各地区社保查询量（近3个月，点击柱形查看明细）">
            <EChart
              option={options.regions}
              height={260}
              label="各地区社保查询量柱状图"
              testId="region-chart"
              onCategoryClick={(i) => {
                const r = regionNames[i];
                if (r) navigate(`/dashboard?region=${encodeURIComponent(r)}`);
              }}
            />
            <Table<RegionQueries>
              size="small"
              rowKey="region"
              pagination={false}
              dataSource={a.regions}
              columns={[
                { title: '地区', dataIndex: 'region' },
                { title: '前3个月', dataIndex: 'before', align: 'right' },
                { title: '近3个月', dataIndex: 'recent', align: 'right' },
                {
                  title: '变化',
                  dataIndex: 'changePct',
                  align: 'right',
                  render: (v: number) => (
                    <Tag
                      color={v < -10 ? 'red' : v > 0 ? 'green' : 'default'}
                    >{`${v > 0 ? '+' : ''}${v}%`}</Tag>
                  ),
                },
                {
                  title: '明细',
                  key: 'drill',
                  render: (_, r) => (
                    <a href={`analytics.html#/dashboard?region=${encodeURIComponent(r.region)}`}>
                      查看明细
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {selected && <RegionDetail w={w} region={selected} />}
    </div>
  );
}
