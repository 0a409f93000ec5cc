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
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { serviceApi } from '../../modules/service/sim-service';
import { LICENCE_REVIEWER, ServiceError } from '../../modules/service/store';
import type { LicenceApplication, SmsRecord } from '../../modules/service/types';
import { SmsBox } from './SmsBox';

/** 审批待办: the department reviewer approves or rejects (with a reason); the applicant gets an SMS. */
export function ReviewPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const pending = useSimData(() => serviceApi.pendingFor(session.account));
  const [rejecting, setRejecting] = useState<LicenceApplication | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [lastSms, setLastSms] = useState<{ app: LicenceApplication; sms: SmsRecord } | null>(null);
  const actor = { account: session.account, name: session.user.name };

  const approve = (app: LicenceApplication) => {
    try {
      const result = serviceApi.approve(app.id, actor);
      setLastSms(result);
      message.success(`已审批通过：${app.companyName}`);
    } catch (error) {
      message.error(error instanceof ServiceError ? error.message : '操作失败');
    }
  };
  const confirmReject = () => {
    if (!rejecting) return;
    if (!reason.trim()) {
      setReasonError('请填写驳回原因');
      return;
    }
    try {
      const result = serviceApi.reject(rejecting.id, actor, reason);
      setLastSms(result);
      setRejecting(null);
      message.success(`已驳回：${rejecting.companyName}`);
    } catch (error) {
      message.error(error instanceof ServiceError ? error.message : '操作失败');
    }
  };

  const columns: TableColumnsType<LicenceApplication> = [
    { title: '受理编号', dataIndex: 'id', width: 150 },
    { title: '企业名称', dataIndex: 'companyName' },
    { title: '法人姓名', dataIndex: 'legalPerson', width: 90 },
    { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
    { title: '受理人', dataIndex: 'createdByName', width: 80 },
    {
      title: '受理时间',
      dataIndex: 'createdAt',
      width: 150,
      render: (v: number) => formatDateTime(v),
    },
    {
      title: '操作',
      key: 'action',
      width: 150,
      render: (_, app) => (
        <Space>
          <Button type="primary" size="small" onClick={() => approve(app)}>
            通过
          </Button>
          <Button
            danger
            size="small"
            onClick={() => {
              setRejecting(app);
              setReason('');
              setReasonError(null);
            }}
          >
            驳回
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        营业执照办理 · 审批待办
      </Typography.Title>
      {session.account !== LICENCE_REVIEWER.account && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`营业执照办理由部门负责人${LICENCE_REVIEWER.name}审批；当前账号没有需要审批的申请。`}
          description="演示时可在页面顶部“演示身份切换”中切换为 李四（部门负责人）。"
        />
      )}
      {lastSms && (
        <Card
          size="small"
          title={`审批结果已反馈：${lastSms.app.companyName}（${lastSms.app.id}）`}
          style={{ marginBottom: 16 }}
        >
          <SmsBox sms={lastSms.sms} />
        </Card>
      )}
      <Card title={`待我审批（${pending.length}）`}>
        <Table<LicenceApplication>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pending}
          expandable={{
            expandedRowRender: (app) => (
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'id', label: '法人身份证号', children: app.idNumber },
                  { key: 'phone', label: '联系电话', children: app.phone },
                  { key: 'region', label: '所属地区', children: app.region },
                  { key: 'materials', label: '已收材料', children: app.materials.join('、') },
                  { key: 'scope', label: '经营范围', children: app.scope, span: 2 },
                ]}
              />
            ),
          }}
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: '暂无待审批的申请' }}
        />
      </Card>
      <Modal
        title={rejecting ? `驳回申请：${rejecting.companyName}` : '驳回申请'}
        open={rejecting !== null}
        okText="确认驳回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onOk={confirmReject}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item
            label="驳回原因"
            htmlFor="svc-reject-reason"
            required
            validateStatus={reasonError ? 'error' : undefined}
            help={reasonError ?? '驳回原因将通过短信告知申请人'}
          >
            <Input.TextArea
              id="svc-reject-reason"
              rows={3}
              maxLength={100}
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
