import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { adminApi } from '../../modules/admin/sim-admin';
import { AdminError } from '../../modules/admin/store';
import type { PermissionRequest } from '../../modules/admin/types';
import { actorOf } from './actor';
import { RequestStatusTag, RequestTimeline } from './RequestTimeline';

/**
 * 权限审批: 部门管理员 do 部门审核, the 超级管理员 does 系统配置 (the level changes only then).
 */
export function ApprovalsPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const level = session.user.permission;
  const stage = level === '超级管理员' ? 'sys-config' : 'dept-review';
  const stageName = stage === 'sys-config' ? '系统配置' : '部门审核';
  const all = useSimData(() => adminApi.requests());
  const pending = all.filter((r) => r.status === stage && r.applicant !== session.account);
  const [rejecting, setRejecting] = useState<PermissionRequest | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);

  const decide = (req: PermissionRequest, approve: boolean, why: string) => {
    try {
      if (stage === 'sys-config') adminApi.configure(req.id, actorOf(session), approve, why);
      else adminApi.deptReview(req.id, actorOf(session), approve, why);
      message.success(
        approve
          ? stage === 'sys-config'
            ? `已完成系统配置：${req.applicantName}的权限已调整为「${req.toLevel}」`
            : `部门审核通过，已转超级管理员系统配置`
          : '已驳回',
      );
      return true;
    } catch (error) {
      message.error(error instanceof AdminError ? error.message : '操作失败');
      return false;
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        权限审批 · {stageName}
      </Typography.Title>
      <Alert
        style={{ marginBottom: 16 }}
        type="info"
        showIcon
        title="权限申请流程：提交申请表 → 部门审核（部门管理员）→ 系统配置（超级管理员）。系统配置完成后权限才生效。"
      />
      <Card title={`待${stageName}（${pending.length}）`} style={{ marginBottom: 16 }}>
        <Table<PermissionRequest>
          rowKey="id"
          dataSource={pending}
          pagination={false}
          locale={{ emptyText: `暂无待${stageName}的申请` }}
          expandable={{ expandedRowRender: (r) => <RequestTimeline req={r} /> }}
          columns={[
            { title: '申请编号', dataIndex: 'id', width: 150 },
            { title: '申请人', dataIndex: 'applicantName', width: 90 },
            { title: '部门', dataIndex: 'department', width: 140 },
            {
              title: '申请级别',
              key: 'lv',
              width: 190,
              render: (_, r) => `${r.fromLevel} → ${r.toLevel}`,
            },
            { title: '申请事由', dataIndex: 'reason' },
            {
              title: '申请时间',
              dataIndex: 'createdAt',
              width: 150,
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '操作',
              key: 'op',
              width: 200,
              render: (_, r) => (
                <Space>
                  <Button type="primary" size="small" onClick={() => decide(r, true, '')}>
                    {stage === 'sys-config' ? '配置生效' : '审核通过'}
                  </Button>
                  <Button
                    danger
                    size="small"
                    onClick={() => {
                      setRejecting(r);
                      setNote('');
                      setNoteError(null);
                    }}
                  >
                    驳回
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="全部权限申请">
        <Table<PermissionRequest>
          rowKey="id"
          dataSource={all}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无权限申请' }}
          expandable={{ expandedRowRender: (r) => <RequestTimeline req={r} /> }}
          columns={[
            { title: '申请编号', dataIndex: 'id' },
            { title: '申请人', dataIndex: 'applicantName' },
            { title: '申请级别', key: 'lv', render: (_, r) => `${r.fromLevel} → ${r.toLevel}` },
            { title: '申请时间', dataIndex: 'createdAt', render: (v: number) => formatDateTime(v) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: PermissionRequest['status']) => <RequestStatusTag status={s} />,
            },
          ]}
        />
      </Card>
      <Modal
        title={rejecting ? `驳回${rejecting.applicantName}的权限申请` : '驳回'}
        open={rejecting !== null}
        okText="确认驳回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        destroyOnHidden
        onCancel={() => setRejecting(null)}
        onOk={() => {
          if (!rejecting) return;
          if (!note.trim()) {
            setNoteError('请填写驳回原因');
            return;
          }
          if (decide(rejecting, false, note)) setRejecting(null);
        }}
      >
        <Form layout="vertical">
          <Form.Item
            label="驳回原因"
            htmlFor="adm-reject-reason"
            required
            validateStatus={noteError ? 'error' : undefined}
            help={noteError ?? undefined}
          >
            <Input.TextArea
              id="adm-reject-reason"
              rows={3}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setNoteError(null);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
