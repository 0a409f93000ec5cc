import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { DownloadOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { parseReportXlsx } from '../../modules/report/excel';
import {
  currentPeriod,
  formatCountdown,
  formatDeadline,
  isClosed,
  parsePeriod,
  recentPeriods,
} from '../../modules/report/periods';
import { reportApi } from '../../modules/report/sim-report';
import { closedMessage, ReportError } from '../../modules/report/store';
import {
  PERCENT_RANGE,
  REPORT_TYPES,
  SUBMISSION_STATUS_LABELS,
  reportTitle,
  reportType,
} from '../../modules/report/types';
import type { ReportValues, SubmissionStatus, ValidationIssue } from '../../modules/report/types';
import { downloadResultPdf } from './download';
import { useTicker } from './use-ticker';

const STATUS_COLORS: Record<SubmissionStatus, string> = {
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

function ruleText(kind: string, atMostLabel?: string, cumulative?: boolean): string {
  const parts = [
    kind === 'percent'
      ? `${PERCENT_RANGE.min} 至 ${PERCENT_RANGE.max}`
      : kind === 'count'
        ? '非负整数'
        : '不小于 0',
  ];
  if (atMostLabel) parts.push(`不大于「${atMostLabel}」`);
  if (cumulative) parts.push('本年累计，不小于上期累计');
  return parts.join('；');
}

export function FillPage({
  session,
  initialType,
  initialPeriod,
}: {
  session: Session;
  initialType?: string;
  initialPeriod?: string;
}) {
  const { message } = App.useApp();
  const now = useTicker();
  const [typeId, setTypeId] = useState(
    REPORT_TYPES.some((t) => t.id === initialType) ? (initialType as string) : 'monthly-economy',
  );
  const type = reportType(typeId);
  const periods = recentPeriods(type.periodKind, now, 6);
  const [periodId, setPeriodId] = useState(() => {
    try {
      return initialPeriod
        ? parsePeriod(type.periodKind, initialPeriod).id
        : currentPeriod(type.periodKind, now).id;
    } catch {
      return currentPeriod(type.periodKind, now).id;
    }
  });
  const period = parsePeriod(type.periodKind, periodId);
  const submission = useSimData(() => reportApi.get(typeId, periodId));
  const previous = useSimData(() => reportApi.previousFor(typeId, periodId));
  const [form] = Form.useForm<ReportValues>();
  const [issues, setIssues] = useState<ValidationIssue[] | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const closed = isClosed(period, now);
  const locked = submission !== undefined && submission.status !== 'returned';
  const editable = !closed && !locked;
  const remaining = period.deadline - now;

  const changeType = (id: string) => {
    const t = reportType(id);
    setTypeId(id);
    setPeriodId(currentPeriod(t.periodKind, now).id);
    setIssues(null);
    form.resetFields();
  };
  const changePeriod = (id: string) => {
    setPeriodId(id);
    setIssues(null);
    form.resetFields();
  };
  const currentValues = (): ReportValues => {
    const raw = form.getFieldsValue();
    return Object.fromEntries(type.indicators.map((i) => [i.key, raw[i.key] ?? null]));
  };
  const runCheck = (): ValidationIssue[] => {
    const found = reportApi.check(typeId, periodId, currentValues());
    setIssues(found);
    return found;
  };
  const submit = () => {
    if (runCheck().length > 0) {
      message.error('数据校验未通过，请根据错误清单修改后再提交');
      return;
    }
    try {
      reportApi.submit(typeId, periodId, currentValues(), {
        account: session.account,
        name: session.user.name,
      });
      setIssues(null);
      message.success(`${reportTitle(period.label, type)}已提交审核`);
    } catch (error) {
      if (error instanceof ReportError) {
        if (error.issues.length) setIssues(error.issues);
        message.error(error.message);
      } else {
        message.error('提交失败');
      }
    }
  };
  const importExcel = async (file: File) => {
    const parsed = await parseReportXlsx(type, await file.arrayBuffer());
    setImportErrors(parsed.errors);
    if (parsed.found.length > 0) {
      form.setFieldsValue(parsed.values);
      setIssues(null);
      message.success(`已从 ${file.name} 导入 ${parsed.found.length} 项指标，请核对后提交`);
    }
  };

  const issuesByField = new Map<string, ValidationIssue[]>();
  for (const issue of issues ?? [])
    issuesByField.set(issue.field, [...(issuesByField.get(issue.field) ?? []), issue]);
  const values = submission?.values;

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        数据上报 · 数据填报
      </Typography.Title>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="数据需真实准确，不得篡改；请在上报截止时间前完成提交，逾期系统自动关闭上报通道。"
      />
      <Card style={{ marginBottom: 16 }}>
        <div className="rpt-toolbar">
          <Space>
            <label htmlFor="rpt-type">报表类型</label>
            <Select
              id="rpt-type"
              aria-label="报表类型"
              style={{ width: 200 }}
              value={typeId}
              onChange={changeType}
              options={REPORT_TYPES.map((t) => ({ label: t.name, value: t.id }))}
            />
          </Space>
          <Space>
            <label htmlFor="rpt-period">报送期</label>
            <Select
              id="rpt-period"
              aria-label="报送期"
              style={{ width: 200 }}
              value={periodId}
              onChange={changePeriod}
              options={periods.map((p) => ({
                label: `${p.label}${isClosed(p, now) ? '（已截止）' : ''}`,
                value: p.id,
              }))}
            />
          </Space>
          {submission && (
            <Tag color={STATUS_COLORS[submission.status]}>
              {SUBMISSION_STATUS_LABELS[submission.status]}
            </Tag>
          )}
        </div>
        <div className="rpt-deadline" data-testid="report-deadline">
          <span>
            上报截止时间：<strong>{formatDeadline(period.deadline)}</strong>（{type.deadlineRule}）
          </span>
          <span>
            {closed ? (
              <Tag color="red">已截止</Tag>
            ) : (
              <>
                距截止还有{' '}
                <span
                  className={`rpt-countdown${remaining < 86_400_000 ? ' rpt-countdown-urgent' : ''}`}
                >
                  {formatCountdown(remaining)}
                </span>
              </>
            )}
          </span>
        </div>
        {closed && (!submission || submission.status === 'returned') && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            title="上报通道已关闭"
            description={closedMessage(period)}
          />
        )}
        {submission?.status === 'returned' && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="本期报表已被退回，请修改后重新提交"
            description={`退回原因：${submission.returnReason ?? ''}`}
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={reportTitle(period.label, type)}>
            {issues && issues.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="report-issues"
                title={`数据校验未通过（${issues.length}项），请修改后再提交`}
                description={
                  <ul className="rpt-issues">
                    {issues.map((i) => (
                      <li key={`${i.field}-${i.rule}-${i.message}`}>
                        【{i.rule}】{i.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {issues && issues.length === 0 && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                title="数据校验通过，可以提交审核"
              />
            )}
            {importErrors.map((e) => (
              <Alert key={e} type="warning" showIcon style={{ marginBottom: 8 }} title={e} />
            ))}
            <Form<ReportValues>
              key={`${typeId}-${periodId}-${submission?.submittedAt ?? 0}`}
              form={form}
              className="rpt-form"
              layout="horizontal"
              labelCol={{ span: 10 }}
              wrapperCol={{ span: 14 }}
              disabled={!editable}
              initialValues={values}
              onValuesChange={() => issues && setIssues(null)}
            >
              {type.indicators.map((ind) => {
                const fieldIssues = issuesByField.get(ind.key);
                const atMost = ind.atMost
                  ? type.indicators.find((i) => i.key === ind.atMost)?.label
                  : undefined;
                const prev = ind.cumulative ? previous?.values[ind.key] : undefined;
                return (
                  <Form.Item
                    key={ind.key}
                    label={ind.label}
                    name={ind.key}
                    required
                    validateStatus={fieldIssues ? 'error' : undefined}
                    help={fieldIssues ? fieldIssues.map((i) => i.message).join('；') : undefined}
                    extra={
                      fieldIssues
                        ? undefined
                        : `${ruleText(ind.kind, atMost, ind.cumulative)}${prev !== undefined && prev !== null ? `（${previous?.label}已上报：${prev}）` : ''}`
                    }
                  >
                    <InputNumber<number>
                      precision={ind.kind === 'count' ? 0 : ind.kind === 'percent' ? 1 : 2}
                      placeholder={ind.unit}
                    />
                  </Form.Item>
                );
              })}
            </Form>
            <div className="rpt-actions">
              <Button
                icon={<DownloadOutlined />}
                href={`templates/${type.id}.xlsx`}
                download={`${type.name}导入模板.xlsx`}
              >
                下载Excel模板
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                disabled={!editable}
                beforeUpload={(file) => {
                  void importExcel(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} disabled={!editable}>
                  导入Excel
                </Button>
              </Upload>
              <Button disabled={!editable} onClick={runCheck}>
                数据校验
              </Button>
              <Button type="primary" disabled={!editable} onClick={submit}>
                提交审核
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                disabled={!submission || submission.status === 'returned'}
                onClick={() => submission && downloadResultPdf(submission)}
              >
                生成上报结果
              </Button>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="办理记录" style={{ marginBottom: 16 }}>
            {submission ? (
              <Timeline
                items={submission.history.map((h, i) => ({
                  key: String(i),
                  color:
                    h.action === '退回修改' ? 'red' : h.action === '审核通过' ? 'green' : 'blue',
                  content: (
                    <div>
                      <strong>{h.action}</strong> · {h.actor}
                      <div style={{ color: '#8c8c8c' }}>{formatDateTime(h.at)}</div>
                      {h.note && <div>{h.note}</div>}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">本期尚未提交</Typography.Text>
            )}
          </Card>
          <Card title="自动校验规则">
            <ul className="rpt-issues">
              <li>必填：每项指标均须填写</li>
              <li>
                数值范围：增长率在 {PERCENT_RANGE.min}% 至 {PERCENT_RANGE.max}%
                之间；总量、金额不得为负
              </li>
              <li>逻辑关系：“其中”项不得大于总项；分项不得大于总量</li>
              <li>逻辑关系：本年累计数不得小于上期已上报的累计数</li>
            </ul>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
