import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { adminApi } from '../../modules/admin/sim-admin';
import { AdminError } from '../../modules/admin/store';
import { LEVEL_DESCRIPTIONS, LEVELS, levelRank } from '../../modules/admin/types';
import type { Level, PermissionRequest } from '../../modules/admin/types';
import { actorOf } from './actor';
import { RequestStatusTag, RequestTimeline } from './RequestTimeline';

interface ApplyValues {
  toLevel: Level;
  reason: string;
}

export function AccountPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const user = session.user;
  const mine = useSimData(() => adminApi.requests().filter((r) => r.applicant === session.account));
  const open = mine.find((r) => r.status === 'dept-review' || r.status === 'sys-config');
  const higher = LEVELS.filter((l) => levelRank(l) > levelRank(user.permission));
  const stepOf = (r: PermissionRequest | undefined) =>
    !r ? 0 : r.status === 'dept-review' ? 1 : r.status === 'sys-config' ? 2 : 3;

  const apply = (values: ApplyValues) => {
    try {
      const req = adminApi.apply(actorOf(session), values.toLevel, values.reason);
      form.resetFields();
      message.success(`权限申请已提交（${req.id}），等待部门审核`);
    } catch (error) {
      message.error(error instanceof AdminError ? error.message : '提交失败');
    }
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        账号与权限
      </Typography.Title>
      <Card title="我的账号" style={{ marginBottom: 16 }}>
        <Descriptions
          column={3}
          data-testid="my-permission"
          items={[
            { key: 'name', label: '姓名', children: user.name },
            { key: 'account', label: '账号', children: session.account },
            { key: 'dept', label: '所属部门', children: user.department },
            { key: 'title', label: '岗位', children: user.title },
            { key: 'type', label: '用户类型', children: user.userType },
            {
              key: 'level',
              label: '当前权限级别',
              children: <Tag color="blue">{user.permission}</Tag>,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          账号由单位统一开通。密码须为8-16位且包含字母、数字、符号，每3个月更换一次；连续5次登录失败将锁定30分钟。
        </Typography.Paragraph>
      </Card>
      <Card title="权限分级说明" style={{ marginBottom: 16 }}>
        <div className="adm-levels">
          {LEVELS.map((level) => (
            <Card
              key={level}
              size="small"
              className={`adm-level-card${level === user.permission ? ' adm-current' : ''}`}
              title={
                <span>
                  {level} {level === user.permission && <Tag color="blue">当前</Tag>}
                </span>
              }
            >
              <div>{LEVEL_DESCRIPTIONS[level].summary}</div>
              <ul>
                {LEVEL_DESCRIPTIONS[level].can.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      </Card>
      <Card title="权限申请" style={{ marginBottom: 16 }}>
        <Steps
          className="adm-flow-steps"
          current={stepOf(open)}
          items={[
            { title: '提交申请表', content: '本人填写' },
            { title: '部门审核', content: '部门管理员' },
            { title: '系统配置', content: '超级管理员' },
          ]}
        />
        {open ? (
          <Typography.Paragraph>
            您的申请 {open.id}（申请「{open.toLevel}」）正在办理：
            <RequestStatusTag status={open.status} />
          </Typography.Paragraph>
        ) : higher.length === 0 ? (
          <Typography.Paragraph>您已是最高权限级别，无需申请。</Typography.Paragraph>
        ) : (
          <Form<ApplyValues>
            form={form}
            layout="horizontal"
            labelCol={{ span: 4 }}
            wrapperCol={{ span: 14 }}
            onFinish={apply}
          >
            <Form.Item label="当前权限级别">
              <span>{user.permission}</span>
            </Form.Item>
            <Form.Item
              label="申请权限级别"
              name="toLevel"
              rules={[{ required: true, message: '请选择申请的权限级别' }]}
            >
              <Select placeholder="请选择" options={higher.map((l) => ({ label: l, value: l }))} />
            </Form.Item>
            <Form.Item
              label="申请事由"
              name="reason"
              rules={[
                { required: true, whitespace: true, message: '请填写申请事由' },
                { min: 10, message: '申请事由不少于10个字，请说明岗位职责与用途' },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={200}
                showCount
                placeholder="说明岗位职责、需要的功能与用途"
              />
            </Form.Item>
            <Form.Item wrapperCol={{ offset: 4 }}>
              <Button type="primary" htmlType="submit">
                提交申请
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
      <Card title="我的申请记录">
        <Table<PermissionRequest>
          rowKey="id"
          dataSource={mine}
          pagination={false}
          locale={{ emptyText: '暂无申请记录' }}
          expandable={{ expandedRowRender: (r) => <RequestTimeline req={r} /> }}
          columns={[
            { title: '申请编号', dataIndex: 'id' },
            { title: '申请级别', key: 'level', render: (_, r) => `${r.fromLevel} → ${r.toLevel}` },
            { title: '申请时间', dataIndex: 'createdAt', render: (v: number) => formatDateTime(v) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: PermissionRequest['status']) => <RequestStatusTag status={s} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
