import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { parsePeriod } from '../../modules/report/periods';
import { reportApi } from '../../modules/report/sim-report';
import { REPORT_REVIEWER, ReportError } from '../../modules/report/store';
import { reportTitle, reportType } from '../../modules/report/types';
import type { Submission } from '../../modules/report/types';

function title(s: Submission): string {
  const t = reportType(s.typeId);
  return reportTitle(parsePeriod(t.periodKind, s.period).label, t);
}

/** 上报审核: the department head approves or returns (with a reason) submitted reports. */
export function ReviewPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const pending = useSimData(() => reportApi.pendingFor(session.account));
  const [returning, setReturning] = useState<Submission | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const actor = { account: session.account, name: session.user.name };

  const approve = (s: Submission) => {
    try {
      reportApi.approve(s.typeId, s.period, actor);
      message.success(`${title(s)}已审核通过`);
    } catch (error) {
      message.error(error instanceof ReportError ? error.message : '操作失败');
    }
  };
  const confirmReturn = () => {
    if (!returning) return;
    if (!reason.trim()) {
      setReasonError('请填写退回原因');
      return;
    }
    try {
      reportApi.returnForRevision(returning.typeId, returning.period, actor, reason);
      message.success(`${title(returning)}已退回`);
      setReturning(null);
    } catch (error) {
      message.error(error instanceof ReportError ? error.message : '操作失败');
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        数据上报 · 上报审核
      </Typography.Title>
      {session.account !== REPORT_REVIEWER.account && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`上报数据由部门负责人${REPORT_REVIEWER.name}审核；当前账号没有待审核的报表。`}
        />
      )}
      <Card title={`待我审核（${pending.length}）`}>
        <Table<Submission>
          rowKey={(s) => `${s.typeId}-${s.period}`}
          dataSource={pending}
          locale={{ emptyText: '暂无待审核的报表' }}
          expandable={{
            expandedRowRender: (s) => (
              <Descriptions
                size="small"
                column={2}
                bordered
                items={reportType(s.typeId).indicators.map((i) => ({
                  key: i.key,
                  label: i.label,
                  children: String(s.values[i.key] ?? ''),
                }))}
              />
            ),
          }}
          columns={[
            { title: '报表', key: 'title', render: (_, s) => title(s) },
            { title: '填报人', dataIndex: 'submittedByName', width: 100 },
            {
              title: '提交时间',
              dataIndex: 'submittedAt',
              width: 160,
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '操作',
              key: 'action',
              width: 160,
              render: (_, s) => (
                <Space>
                  <Button type="primary" size="small" onClick={() => approve(s)}>
                    审核通过
                  </Button>
                  <Button
                    danger
                    size="small"
                    onClick={() => {
                      setReturning(s);
                      setReason('');
                      setReasonError(null);
                    }}
                  >
                    退回
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title={returning ? `退回：${title(returning)}` : '退回'}
        open={returning !== null}
        okText="确认退回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onOk={confirmReturn}
        onCancel={() => setReturning(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item
            label="退回原因"
            htmlFor="rpt-return-reason"
            required
            validateStatus={reasonError ? 'error' : undefined}
            help={reasonError ?? '填报人将在消息中心收到退回原因'}
          >
            <Input.TextArea
              id="rpt-return-reason"
              rows={3}
              maxLength={200}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
