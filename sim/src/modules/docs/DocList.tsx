import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import type { DocStatus, OfficialDocument } from './store';
import { STATUS_COLOR, STATUS_LABEL, canEdit, currentRole, isReviewerOf, listDocs } from './store';

type Scope = 'mine' | 'review' | 'all';

export function DocStatusTag({ status }: { status: DocStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{STATUS_LABEL[status]}</Tag>;
}

export function stageText(doc: OfficialDocument): string {
  if (doc.status === 'reviewing') return `${currentRole(doc) ?? ''}审核`;
  if (doc.status === 'returned') return '拟稿人修改';
  if (doc.status === 'archived') return doc.archive?.path ?? '已归档';
  return '拟稿';
}

/** 公文列表 with scopes 我起草的 / 待我审核 / 全部公文. */
export function DocList({ session }: { session: Session }) {
  const { user } = session;
  const docs = useSimData(listDocs);
  const [scope, setScope] = useState<Scope>('mine');
  const [status, setStatus] = useState<DocStatus | 'any'>('any');
  const [keyword, setKeyword] = useState('');
  const inScope = (d: OfficialDocument) =>
    scope === 'all' ? true : scope === 'mine' ? d.drafter === user.account : isReviewerOf(d, user);
  const rows = docs
    .filter(inScope)
    .filter((d) => status === 'any' || d.status === status)
    .filter((d) => !keyword.trim() || d.title.includes(keyword.trim()));
  const reviewCount = docs.filter((d) => isReviewerOf(d, user)).length;
  return (
    <Card
      title="公文列表"
      extra={
        <Button type="primary" icon={<PlusOutlined />} href="index.html#/docs/new">
          新建公文
        </Button>
      }
    >
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as Scope)}
        items={[
          { key: 'mine', label: '我起草的' },
          { key: 'review', label: `待我审核（${reviewCount}）` },
          { key: 'all', label: '全部公文' },
        ]}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          aria-label="按标题搜索"
          placeholder="按标题搜索"
          allowClear
          style={{ width: 260 }}
          onSearch={setKeyword}
          onChange={(e) => setKeyword(e.target.value)}
        />
        <Select
          aria-label="状态筛选"
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'any', label: '全部状态' },
            ...(Object.keys(STATUS_LABEL) as DocStatus[]).map((s) => ({
              value: s,
              label: STATUS_LABEL[s],
            })),
          ]}
        />
      </Space>
      <Table<OfficialDocument>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无公文' }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (title: string, doc) => (
              <a href={`index.html#/docs/${encodeURIComponent(doc.id)}`}>{title}</a>
            ),
          },
          { title: '文种', dataIndex: 'docType', width: 70 },
          { title: '拟稿人', dataIndex: 'drafterName', width: 90 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: DocStatus) => <DocStatusTag status={s} />,
          },
          { title: '当前环节', key: 'stage', width: 170, render: (_, doc) => stageText(doc) },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 150,
            render: (t: number) => formatDateTime(t),
          },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, doc) => (
              <Space>
                {isReviewerOf(doc, user) ? (
                  <a href={`index.html#/docs/${encodeURIComponent(doc.id)}`}>审核</a>
                ) : (
                  <a href={`index.html#/docs/${encodeURIComponent(doc.id)}`}>查看</a>
                )}
                {canEdit(doc, user) && (
                  <a href={`index.html#/docs/${encodeURIComponent(doc.id)}/edit`}>修改</a>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
