import { Card, Table, Tag } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { permissionRank } from '../../shared/users';
import type { TodoItem } from '../../shared/worklist';
import { todosFor } from '../../shared/worklist';

/** 我的待办: every module's published todos for the current user. */
export function TodoPage({ session }: { session: Session }) {
  const { user } = session;
  const todos = useSimData(() => todosFor(user.account, user.permission, permissionRank));
  return (
    <Card title={`我的待办（${todos.length}）`}>
      <Table<TodoItem>
        rowKey="id"
        dataSource={todos}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无待办事项' }}
        columns={[
          { title: '业务模块', dataIndex: 'module', width: 110 },
          {
            title: '事项类型',
            dataIndex: 'kind',
            width: 170,
            render: (kind: string) => (
              <Tag
                color={kind.includes('退回') ? 'red' : kind.includes('审核') ? 'blue' : 'default'}
              >
                {kind}
              </Tag>
            ),
          },
          {
            title: '标题',
            dataIndex: 'title',
            render: (title: string, t) => <a href={t.href}>{title}</a>,
          },
          {
            title: '到达时间',
            dataIndex: 'createdAt',
            width: 150,
            render: (at: number) => formatDateTime(at),
          },
          {
            title: '办理时限',
            dataIndex: 'deadline',
            width: 150,
            render: (at: number | undefined) => (at ? formatDateTime(at) : '—'),
          },
          {
            title: '操作',
            key: 'go',
            width: 80,
            render: (_, t) => <a href={t.href}>办理</a>,
          },
        ]}
      />
    </Card>
  );
}
