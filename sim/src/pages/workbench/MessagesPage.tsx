import { useState } from 'react';
import { Button, Card, List, Segmented, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { listMessages, markAllRead, markRead } from '../../shared/messages';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';

/** 消息中心: messages sent by flows (退回, 审核通过, 归档, 办件结果...). */
export function MessagesPage({ session }: { session: Session }) {
  const { account } = session;
  const messages = useSimData(() => listMessages(account));
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const shown = filter === 'unread' ? messages.filter((m) => !m.read) : messages;
  const unread = messages.filter((m) => !m.read).length;
  return (
    <Card
      title={`消息中心（未读 ${unread}）`}
      extra={
        <Button size="small" disabled={unread === 0} onClick={() => markAllRead(account)}>
          全部标为已读
        </Button>
      }
    >
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        options={[
          { value: 'all', label: '全部消息' },
          { value: 'unread', label: '未读消息' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <List
        itemLayout="vertical"
        dataSource={shown}
        locale={{ emptyText: '暂无消息' }}
        pagination={shown.length > 10 ? { pageSize: 10 } : false}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            className={m.read ? 'msg-read' : 'msg-unread'}
            extra={
              <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
            }
            actions={[
              m.href ? (
                <a key="open" href={m.href} onClick={() => markRead(m.id)}>
                  查看详情
                </a>
              ) : null,
              !m.read ? (
                <a key="read" onClick={() => markRead(m.id)}>
                  标为已读
                </a>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <span>
                  <Tag>{m.category}</Tag>
                  {!m.read && <Tag color="red">未读</Tag>}
                  {m.title}
                </span>
              }
              description={m.body}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
