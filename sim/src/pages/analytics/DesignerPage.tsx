import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { Session } from '../../shared/session';
import { aggregate } from '../../modules/analytics/aggregate';
import { seriesOption } from '../../modules/analytics/charts';
import {
  CHART_TYPES,
  DIMENSIONS,
  MEASURE_UNITS,
  MEASURES,
  SOURCE_IDS,
  SOURCES,
} from '../../modules/analytics/data';
import type { ChartType, DimensionId, MeasureId, SourceId } from '../../modules/analytics/data';
import { analyticsStore, currentWarehouse } from '../../modules/analytics/sim-analytics';
import { AnalyticsError, describeDesign, seriesCsv } from '../../modules/analytics/store';
import type { ReportDesign } from '../../modules/analytics/store';
import { EChart } from './EChart';
import { downloadText } from './download';

const DEFAULT_DESIGN: ReportDesign = {
  source: 'service',
  dimension: 'time',
  measure: 'count',
  chartType: 'bar',
};

/** 报表设计器: data source, dimension, measure and chart type; preview, save under a name. */
export function DesignerPage({ session, reportId }: { session: Session; reportId?: string }) {
  const { message } = App.useApp();
  const opened = reportId ? analyticsStore.list().find((r) => r.id === reportId) : undefined;
  const [design, setDesign] = useState<ReportDesign>(
    opened
      ? {
          source: opened.source,
          dimension: opened.dimension,
          measure: opened.measure,
          chartType: opened.chartType,
        }
      : DEFAULT_DESIGN,
  );
  const [name, setName] = useState(opened?.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const warehouse = useMemo(() => currentWarehouse(), []);
  const points = useMemo(
    () => aggregate(warehouse.facts, design.source, design.dimension, design.measure),
    [warehouse, design.source, design.dimension, design.measure],
  );
  const unit = MEASURE_UNITS[design.measure];
  const seriesName = MEASURES[design.measure];
  const title =
    name.trim() ||
    `${SOURCES[design.source].name}${DIMENSIONS[design.dimension]}分布 · ${seriesName}`;
  const option = useMemo(
    () =>
      design.chartType === 'table'
        ? null
        : seriesOption(points, design.chartType, seriesName, unit),
    [points, design.chartType, seriesName, unit],
  );
  const set = <K extends keyof ReportDesign>(key: K, value: ReportDesign[K]) =>
    setDesign((d) => ({ ...d, [key]: value }));

  const save = () => {
    try {
      const saved = analyticsStore.save(name, design, session.user.name);
      setNameError(null);
      message.success(`报表「${saved.name}」已保存`);
    } catch (error) {
      if (error instanceof AnalyticsError) setNameError(error.message);
      else message.error('保存失败');
    }
  };

  return (
    <div className="ana-designer">
      <Typography.Title level={4} className="sim-page-title">
        报表设计器
      </Typography.Title>
      {opened && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`已打开报表「${opened.name}」：${describeDesign(opened)}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card title="报表设置">
            <Form layout="vertical">
              <Form.Item label="数据来源" htmlFor="ana-source">
                <Select<SourceId>
                  id="ana-source"
                  value={design.source}
                  onChange={(v) => set('source', v)}
                  options={SOURCE_IDS.map((id) => ({ label: SOURCES[id].name, value: id }))}
                />
              </Form.Item>
              <Form.Item label="统计维度">
                <Radio.Group
                  value={design.dimension}
                  onChange={(e) => set('dimension', e.target.value as DimensionId)}
                  options={(Object.keys(DIMENSIONS) as DimensionId[]).map((d) => ({
                    label: DIMENSIONS[d],
                    value: d,
                  }))}
                  optionType="button"
                />
              </Form.Item>
              <Form.Item label="统计指标">
                <Radio.Group
                  value={design.measure}
                  onChange={(e) => set('measure', e.target.value as MeasureId)}
                  options={(Object.keys(MEASURES) as MeasureId[]).map((m) => ({
                    label: MEASURES[m],
                    value: m,
                  }))}
                  optionType="button"
                />
              </Form.Item>
              <Form.Item label="图表类型">
                <Radio.Group
                  value={design.chartType}
                  onChange={(e) => set('chartType', e.target.value as ChartType)}
                  options={(Object.keys(CHART_TYPES) as ChartType[]).map((c) => ({
                    label: CHART_TYPES[c],
                    value: c,
                  }))}
                  optionType="button"
                />
              </Form.Item>
              <Form.Item
                label="报表名称"
                htmlFor="ana-report-name"
                required
                validateStatus={nameError ? 'error' : undefined}
                help={nameError ?? undefined}
              >
                <Input
                  id="ana-report-name"
                  value={name}
                  maxLength={30}
                  placeholder="如：月度便民服务办理量统计"
                  onChange={(e) => {
                    setName(e.target.value);
                    setNameError(null);
                  }}
                />
              </Form.Item>
              <Space>
                <Button type="primary" icon={<SaveOutlined />} onClick={save}>
                  保存报表
                </Button>
                <Button href="analytics.html#/reports">我的报表</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title={`预览：${title}`}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadText(
                    seriesCsv(
                      title,
                      DIMENSIONS[design.dimension],
                      `${seriesName}（${unit}）`,
                      points,
                    ),
                    `${title}.csv`,
                  )
                }
              >
                导出数据
              </Button>
            }
          >
            <Typography.Paragraph type="secondary">
              统计范围：{warehouse.months[0]} 至 {warehouse.months[warehouse.months.length - 1]}
              （近12个月，测试数据）
            </Typography.Paragraph>
            {option ? (
              <EChart
                option={option}
                height={380}
                label={`${title}${CHART_TYPES[design.chartType]}`}
                testId="designer-chart"
              />
            ) : (
              <Table
                data-testid="designer-table"
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={points}
                columns={[
                  { title: DIMENSIONS[design.dimension], dataIndex: 'label' },
                  { title: `${seriesName}（${unit}）`, dataIndex: 'value', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
