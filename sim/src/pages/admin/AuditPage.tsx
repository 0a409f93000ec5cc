import { Card, Table, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useSimData } from '../../shared/use-sim-data';
import { adminApi } from '../../modules/admin/sim-admin';
import type { AuditEntry } from '../../modules/admin/types';

/** 操作记录 (操作规范“四必须”: 必须留存操作记录). */
export function AuditPage() {
  const entries = useSimData(() => adminApi.audit());
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        系统管理 · 操作记录
      </Typography.Title>
      <Card>
        <Table<AuditEntry>
          rowKey="id"
          dataSource={entries}
          locale={{ emptyText: '暂无操作记录' }}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          columns={[
            {
              title: '操作时间',
              dataIndex: 'at',
              width: 160,
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '操作人',
              key: 'actor',
              width: 160,
              render: (_, e) => `${e.actorName}（${e.actor}）`,
            },
            { title: '操作类型', dataIndex: 'action', width: 130 },
            { title: '操作对象', dataIndex: 'target', width: 120 },
            { title: '内容', dataIndex: 'detail' },
          ]}
        />
      </Card>
    </div>
  );
}
