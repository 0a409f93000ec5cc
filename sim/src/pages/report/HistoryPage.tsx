import { Button, Card, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { formatDeadline, parsePeriod } from '../../modules/report/periods';
import { reportApi } from '../../modules/report/sim-report';
import { SUBMISSION_STATUS_LABELS, reportType } from '../../modules/report/types';
import type { Submission } from '../../modules/report/types';
import { downloadResultPdf } from './download';

export function HistoryPage(_: { session: Session }) {
  const subs = useSimData(() => reportApi.list());
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        数据上报 · 上报记录
      </Typography.Title>
      <Card>
        <Table<Submission>
          rowKey={(s) => `${s.typeId}-${s.period}`}
          dataSource={subs}
          pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            {
              title: '报表类型',
              key: 'type',
              render: (_, s) => reportType(s.typeId).name,
            },
            {
              title: '报送期',
              key: 'period',
              render: (_, s) => (
                <a href={`report.html#/fill?type=${s.typeId}&period=${s.period}`}>
                  {parsePeriod(reportType(s.typeId).periodKind, s.period).label}
                </a>
              ),
            },
            {
              title: '截止时间',
              key: 'deadline',
              render: (_, s) =>
                formatDeadline(parsePeriod(reportType(s.typeId).periodKind, s.period).deadline),
            },
            { title: '填报人', dataIndex: 'submittedByName', width: 90 },
            {
              title: '提交时间',
              dataIndex: 'submittedAt',
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (v: Submission['status']) => (
                <Tag
                  color={v === 'approved' ? 'success' : v === 'returned' ? 'warning' : 'processing'}
                >
                  {SUBMISSION_STATUS_LABELS[v]}
                </Tag>
              ),
            },
            {
              title: '操作',
              key: 'pdf',
              render: (_, s) =>
                s.status === 'returned' ? null : (
                  <Button size="small" onClick={() => downloadResultPdf(s)}>
                    生成上报结果
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
