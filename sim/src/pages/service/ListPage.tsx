import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useSimData } from '../../shared/use-sim-data';
import { serviceApi } from '../../modules/service/sim-service';
import { REGIONS, STATUS_LABELS } from '../../modules/service/types';
import type { ApplicationStatus, LicenceApplication } from '../../modules/service/types';
import { StatusTag } from './StatusTag';

const columns: TableColumnsType<LicenceApplication> = [
  { title: '受理编号', dataIndex: 'id', width: 150 },
  { title: '企业名称', dataIndex: 'companyName', ellipsis: true },
  { title: '法人姓名', dataIndex: 'legalPerson', width: 90 },
  { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
  { title: '所属地区', dataIndex: 'region', width: 100 },
  { title: '来源', dataIndex: 'source', width: 90 },
  {
    title: '受理时间',
    dataIndex: 'createdAt',
    width: 150,
    render: (v: number) => formatDateTime(v),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: ApplicationStatus) => <StatusTag status={s} />,
  },
  {
    title: '操作',
    key: 'action',
    width: 90,
    render: (_, app) => <a href={`service.html#/progress?q=${app.id}`}>查看进度</a>,
  },
];

export function ListPage() {
  const apps = useSimData(() => serviceApi.list());
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [region, setRegion] = useState<string>('all');
  const [keyword, setKeyword] = useState('');
  const rows = useMemo(() => {
    const q = keyword.trim().toUpperCase();
    return apps.filter(
      (a) =>
        (status === 'all' || a.status === status) &&
        (region === 'all' || a.region === region) &&
        (!q ||
          a.companyName.toUpperCase().includes(q) ||
          a.id.includes(q) ||
          a.creditCode.includes(q) ||
          a.legalPerson.includes(q)),
    );
  }, [apps, status, region, keyword]);

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        营业执照办理 · 申请列表
      </Typography.Title>
      <Card>
        <div className="svc-toolbar">
          <span>办理状态</span>
          <Select
            aria-label="办理状态"
            style={{ width: 120 }}
            value={status}
            onChange={setStatus}
            options={[
              { label: '全部', value: 'all' },
              ...(Object.keys(STATUS_LABELS) as ApplicationStatus[]).map((s) => ({
                label: STATUS_LABELS[s],
                value: s,
              })),
            ]}
          />
          <span>所属地区</span>
          <Select
            aria-label="所属地区"
            style={{ width: 120 }}
            value={region}
            onChange={setRegion}
            options={[
              { label: '全部', value: 'all' },
              ...REGIONS.map((r) => ({ label: r, value: r })),
            ]}
          />
          <Input.Search
            aria-label="关键字"
            placeholder="企业名称 / 受理编号 / 信用代码 / 法人"
            allowClear
            style={{ width: 300 }}
            onSearch={setKeyword}
          />
          <span style={{ flex: 1 }} />
          <Button href="service.html#/import">模板导入</Button>
          <Button type="primary" href="service.html#/apply">
            受理新申请
          </Button>
        </div>
        <Table<LicenceApplication>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={{
            defaultPageSize: 10,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
          }}
        />
      </Card>
    </div>
  );
}
