import { Alert, App, Card, Select, Table, Tag, Typography } from 'antd';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { listUsers } from '../../shared/users';
import type { SimUser } from '../../shared/users';
import { adminApi } from '../../modules/admin/sim-admin';
import { AdminError } from '../../modules/admin/store';
import { LEVELS } from '../../modules/admin/types';
import type { Level } from '../../modules/admin/types';
import { actorOf } from './actor';

/** 权限分配: the 超级管理员 changes levels (confirmed, logged); 部门管理员 see the list read-only. */
export function UsersPage({ session }: { session: Session }) {
  const { message, modal } = App.useApp();
  const users = useSimData(listUsers);
  const canEdit = session.user.permission === '超级管理员';

  const change = (user: SimUser, level: Level) => {
    modal.confirm({
      title: '确认调整权限级别',
      content: `将 ${user.name}（${user.account}）的权限级别由「${user.permission}」调整为「${level}」。此操作将记入操作记录。`,
      okText: '确认调整',
      cancelText: '取消',
      onOk: () => {
        try {
          adminApi.setLevel(actorOf(session), user.account, level);
          message.success(`已将 ${user.name} 的权限级别调整为「${level}」`);
        } catch (error) {
          message.error(error instanceof AdminError ? error.message : '操作失败');
        }
      },
    });
  };

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        系统管理 · 权限分配
      </Typography.Title>
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="当前为只读视图：权限分配由超级管理员操作。本部门人员如需调整权限，请按“提交申请表-部门审核-系统配置”流程办理。"
        />
      )}
      <Card title="用户列表" extra={<a href="admin.html#/system/audit">查看操作记录</a>}>
        <Table<SimUser>
          rowKey="account"
          dataSource={users}
          pagination={false}
          columns={[
            { title: '账号', dataIndex: 'account' },
            { title: '姓名', dataIndex: 'name' },
            { title: '所属部门', dataIndex: 'department' },
            { title: '岗位', dataIndex: 'title' },
            { title: '用户类型', dataIndex: 'userType' },
            {
              title: '状态',
              dataIndex: 'enabled',
              render: (v: boolean) => (v ? <Tag color="success">正常</Tag> : <Tag>停用</Tag>),
            },
            {
              title: '权限级别',
              key: 'permission',
              width: 180,
              render: (_, u) =>
                canEdit && u.account !== session.account ? (
                  <Select<Level>
                    aria-label={`${u.name}的权限级别`}
                    value={u.permission}
                    style={{ width: 150 }}
                    onChange={(level) => change(u, level)}
                    options={LEVELS.map((l) => ({ label: l, value: l }))}
                  />
                ) : (
                  <Tag color="blue">{u.permission}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
