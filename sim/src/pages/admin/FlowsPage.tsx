import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Steps,
  Table,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { adminApi } from '../../modules/admin/sim-admin';
import { AdminError, validateFlowNodes } from '../../modules/admin/store';
import type { ApprovalFlow, FlowNode } from '../../modules/admin/types';
import { actorOf } from './actor';

/** 流程配置: nodes, responsible departments and time limits; editable by the 超级管理员 only. */
export function FlowsPage({ session }: { session: Session }) {
  const { message, modal } = App.useApp();
  const flows = useSimData(() => adminApi.flows());
  const canEdit = session.user.permission === '超级管理员';
  const [editing, setEditing] = useState<ApprovalFlow | null>(null);
  const [form] = Form.useForm<{ nodes: FlowNode[] }>();

  const save = (values: { nodes: FlowNode[] }) => {
    if (!editing) return;
    const problems = validateFlowNodes(values.nodes);
    if (problems.length) {
      message.error(problems.join('；'));
      return;
    }
    modal.confirm({
      title: `确认修改「${editing.name}」流程配置？`,
      content: '修改后新发起的事项按新流程办理，已在办事项不受影响。此操作将记入操作记录。',
      okText: '确认修改',
      cancelText: '取消',
      onOk: () => {
        try {
          adminApi.updateFlow(actorOf(session), editing.id, values.nodes);
          message.success(`「${editing.name}」流程配置已保存`);
          setEditing(null);
        } catch (error) {
          message.error(error instanceof AdminError ? error.message : '保存失败');
        }
      },
    });
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        系统管理 · 流程配置
      </Typography.Title>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="当前为只读视图：审批流程由超级管理员配置（操作规范：不准修改系统配置）。"
        />
      )}
      {flows.map((flow) => (
        <Card
          key={flow.id}
          title={`${flow.name}流程`}
          style={{ marginBottom: 16 }}
          data-testid={`flow-${flow.id}`}
          extra={
            canEdit && (
              <Button
                onClick={() => {
                  setEditing(flow);
                  form.setFieldsValue({ nodes: flow.nodes.map((n) => ({ ...n })) });
                }}
              >
                编辑流程
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">{flow.description}</Typography.Paragraph>
          <Steps
            className="adm-flow-steps"
            current={-1}
            items={flow.nodes.map((n) => ({
              title: n.name,
              content: `${n.department} · ${n.limitDays}个工作日`,
            }))}
          />
          <Table<FlowNode & { index: number }>
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={flow.nodes.map((n, index) => ({ ...n, index }))}
            columns={[
              { title: '序号', dataIndex: 'index', width: 60, render: (i: number) => i + 1 },
              { title: '节点名称', dataIndex: 'name' },
              { title: '责任部门', dataIndex: 'department' },
              { title: '办理时限', dataIndex: 'limitDays', render: (d: number) => `${d}个工作日` },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  合计时限
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3}>
                  {flow.nodes.reduce((a, n) => a + n.limitDays, 0)}个工作日
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Text type="secondary">
            最近修改：{flow.updatedBy} · {formatDateTime(flow.updatedAt)}
          </Typography.Text>
        </Card>
      ))}
      <Modal
        title={editing ? `编辑「${editing.name}」流程` : '编辑流程'}
        open={editing !== null}
        width={760}
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} onFinish={save} layout="vertical">
          <Form.List name="nodes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      label={`第${i + 1}个节点名称`}
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}
                    >
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item
                      label={`第${i + 1}个节点责任部门`}
                      name={[field.name, 'department']}
                      rules={[{ required: true, whitespace: true, message: '请填写责任部门' }]}
                    >
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item
                      label={`第${i + 1}个节点时限（工作日）`}
                      name={[field.name, 'limitDays']}
                      rules={[
                        {
                          required: true,
                          type: 'integer',
                          min: 1,
                          max: 30,
                          message: '1-30 个工作日',
                        },
                      ]}
                    >
                      <InputNumber<number> min={1} max={30} precision={0} style={{ width: 150 }} />
                    </Form.Item>
                    <Button
                      aria-label={`删除第${i + 1}个节点`}
                      icon={<DeleteOutlined />}
                      style={{ marginTop: 30 }}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', department: '', limitDays: 1 })}
                >
                  添加节点
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
