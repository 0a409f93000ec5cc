import { App, Button, Card, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import { useSimData } from '../../shared/use-sim-data';
import { analyticsStore } from '../../modules/analytics/sim-analytics';
import { describeDesign } from '../../modules/analytics/store';
import type { SavedReport } from '../../modules/analytics/store';

export function ReportsPage() {
  const { modal, message } = App.useApp();
  const reports = useSimData(() => analyticsStore.list());
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        我的报表
      </Typography.Title>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} href="analytics.html#/designer">
            新建报表
          </Button>
        }
      >
        <Table<SavedReport>
          rowKey="id"
          dataSource={reports}
          pagination={false}
          locale={{ emptyText: '暂无报表，请在报表设计器中创建' }}
          columns={[
            {
              title: '报表名称',
              dataIndex: 'name',
              render: (n: string, r) => <a href={`analytics.html#/designer?id=${r.id}`}>{n}</a>,
            },
            { title: '设置', key: 'design', render: (_, r) => describeDesign(r) },
            { title: '创建人', dataIndex: 'createdBy', width: 100 },
            {
              title: '创建时间',
              dataIndex: 'createdAt',
              width: 160,
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '操作',
              key: 'op',
              width: 140,
              render: (_, r) => (
                <Space>
                  <a href={`analytics.html#/designer?id=${r.id}`}>查看</a>
                  <a
                    onClick={() =>
                      modal.confirm({
                        title: `删除报表「${r.name}」？`,
                        okText: '删除',
                        okButtonProps: { danger: true },
                        cancelText: '取消',
                        onOk: () => {
                          analyticsStore.remove(r.id);
                          message.success('已删除');
                        },
                      })
                    }
                  >
                    删除
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
