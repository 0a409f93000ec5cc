import { useState } from 'react';
import { Breadcrumb, Card, Empty, Table, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { FolderOpenOutlined, FolderOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import { useHashRoute } from '../../shared/hash-route';
import { useSimData } from '../../shared/use-sim-data';
import type { OfficialDocument } from './store';
import { archivePath, listDocs } from './store';

interface Selection {
  year?: number;
  month?: number;
}

function keyOf(s: Selection): string {
  return s.year === undefined
    ? 'root'
    : s.month === undefined
      ? `${s.year}`
      : `${s.year}-${s.month}`;
}

function parseKey(key: string): Selection {
  if (key === 'root') return {};
  const [y, m] = key.split('-').map(Number);
  return { year: y, month: m };
}

/** 公文库: archived documents organised 公文库 › YYYY年 › M月. */
export function Library() {
  const route = useHashRoute();
  const archived = useSimData(() =>
    listDocs().filter(
      (d): d is OfficialDocument & { archive: NonNullable<OfficialDocument['archive']> } =>
        d.status === 'archived' && d.archive !== undefined,
    ),
  );
  const years = [...new Set(archived.map((d) => d.archive.year))].sort((a, b) => b - a);
  const latest = archived.reduce<Selection>(
    (best, d) =>
      best.year === undefined ||
      d.archive.year > best.year ||
      (d.archive.year === best.year && d.archive.month > (best.month ?? 0))
        ? { year: d.archive.year, month: d.archive.month }
        : best,
    {},
  );
  const fromUrl: Selection | null = route.query.get('y')
    ? {
        year: Number(route.query.get('y')),
        month: route.query.get('m') ? Number(route.query.get('m')) : undefined,
      }
    : null;
  const [picked, setPicked] = useState<Selection | null>(null);
  const selection = picked ?? fromUrl ?? latest;

  const treeData: TreeDataNode[] = [
    {
      key: 'root',
      title: `公文库（${archived.length}）`,
      icon: <FolderOpenOutlined />,
      children: years.map((year) => {
        const inYear = archived.filter((d) => d.archive.year === year);
        const months = [...new Set(inYear.map((d) => d.archive.month))].sort((a, b) => b - a);
        return {
          key: `${year}`,
          title: `${year}年（${inYear.length}）`,
          icon: <FolderOpenOutlined />,
          children: months.map((month) => ({
            key: `${year}-${month}`,
            title: `${month}月（${inYear.filter((d) => d.archive.month === month).length}）`,
            icon: <FolderOutlined />,
            isLeaf: true,
          })),
        };
      }),
    },
  ];

  const rows = archived
    .filter(
      (d) =>
        (selection.year === undefined || d.archive.year === selection.year) &&
        (selection.month === undefined || d.archive.month === selection.month),
    )
    .sort((a, b) => b.archive.archivedAt - a.archive.archivedAt);

  const crumbs = [
    { title: '公文库' },
    ...(selection.year !== undefined ? [{ title: `${selection.year}年` }] : []),
    ...(selection.month !== undefined ? [{ title: `${selection.month}月` }] : []),
  ];

  return (
    <Card title="公文库" className="doc-library">
      <div className="doc-library-body">
        <aside className="doc-library-tree" aria-label="归档目录">
          <Tree
            showIcon
            blockNode
            defaultExpandAll
            treeData={treeData}
            selectedKeys={[keyOf(selection)]}
            onSelect={(keys) => {
              const key = keys[0];
              if (key !== undefined) setPicked(parseKey(String(key)));
            }}
          />
        </aside>
        <section className="doc-library-list">
          <Breadcrumb
            separator="›"
            items={crumbs}
            style={{ marginBottom: 8 }}
            data-testid="library-breadcrumb"
          />
          {selection.year !== undefined && selection.month !== undefined && (
            <Typography.Paragraph type="secondary">
              存储路径：{archivePath(selection.year, selection.month)} · 命名规则：年份-部门-标题 ·
              归档要求：年度结束后3个月内完成归档
            </Typography.Paragraph>
          )}
          <Table<OfficialDocument & { archive: NonNullable<OfficialDocument['archive']> }>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="该目录下暂无归档公文" /> }}
            columns={[
              {
                title: '归档文件名',
                key: 'fileName',
                render: (_, d) => (
                  <a href={`index.html#/docs/${encodeURIComponent(d.id)}`}>{d.archive.fileName}</a>
                ),
              },
              { title: '文种', dataIndex: 'docType', width: 70 },
              { title: '拟稿单位', dataIndex: 'department', width: 120 },
              { title: '存储路径', key: 'path', width: 170, render: (_, d) => d.archive.path },
              {
                title: '归档时间',
                key: 'archivedAt',
                width: 150,
                render: (_, d) => formatDateTime(d.archive.archivedAt),
              },
            ]}
          />
        </section>
      </div>
    </Card>
  );
}
