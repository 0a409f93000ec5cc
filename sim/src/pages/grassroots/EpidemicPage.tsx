import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import {
  grassrootsApi,
  type EpidemicRegistration,
  type HealthStatus,
  type RegistrationInput,
} from '../../modules/grassroots/store';

const HEALTH: HealthStatus[] = ['正常', '发热', '其他症状'];

/** Saves text as a file without putting a link in the page. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const csv = (rows: (string | number)[][]) =>
  rows
    .map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(','))
    .join('\n');

/** The browser's network state, following online/offline events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * 疫情防控信息登记, usable offline (离线功能): while the network is down a registration is kept on
 * this computer and synchronised as soon as the network is back.
 */
export function EpidemicPage({ session }: { session: Session }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RegistrationInput>();
  const online = useOnline();
  const rows = useSimData(() => grassrootsApi.list());
  const pending = useSimData(() => grassrootsApi.pending());

  // Back online: synchronise what was kept offline.
  useEffect(() => {
    if (!online) return;
    const synced = grassrootsApi.sync();
    if (synced > 0) void message.success(`网络已恢复，已同步 ${synced} 条离线登记`);
  }, [online, message]);

  const submit = (values: RegistrationInput) => {
    const outcome = grassrootsApi.register(
      { ...values, idNumber: values.idNumber.trim().toUpperCase(), phone: values.phone.trim() },
      session.account,
      navigator.onLine,
    );
    void message.success(
      outcome === 'saved' ? '登记成功' : '当前离线：登记已暂存在本机，联网后自动同步',
    );
    form.resetFields();
  };

  const stats = HEALTH.map((health) => ({
    health,
    count: rows.filter((row) => row.health === health).length,
  }));

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        疫情防控信息登记
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {online ? (
          <Alert
            type="success"
            showIcon
            message="网络正常：登记信息直接提交到系统。"
            data-testid="network-state"
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="network-state"
            message="离线模式：网络已断开"
            description={`可以继续登记，登记信息暂存在本机（离线暂存 ${pending.length} 条），网络恢复后自动同步。暂存信息含个人信息，请勿在公共电脑上使用离线登记。`}
          />
        )}
        <Card title="登记信息">
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ health: '正常', travelled: false }}
            className="gr-form"
          >
            <div className="gr-grid">
              <Form.Item
                name="name"
                label="姓名"
                rules={[{ required: true, message: '请输入姓名' }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label="身份证号"
                rules={[
                  { required: true, message: '请输入身份证号' },
                  { len: 18, message: '身份证号应为18位' },
                ]}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="phone"
                label="手机号码"
                rules={[
                  { required: true, message: '请输入手机号码' },
                  { len: 11, message: '手机号码应为11位' },
                ]}
              >
                <Input maxLength={11} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="address"
                label="现住址"
                rules={[{ required: true, message: '请输入现住址' }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </div>
            <Form.Item name="health" label="健康状况">
              <Radio.Group options={HEALTH.map((value) => ({ label: value, value }))} />
            </Form.Item>
            <Form.Item name="travelled" label="近14天是否离开本市">
              <Radio.Group
                options={[
                  { label: '否', value: false },
                  { label: '是', value: true },
                ]}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              提交登记
            </Button>
          </Form>
        </Card>

        <Card
          title="登记记录"
          extra={
            <Button
              onClick={() =>
                download(
                  csv([
                    [
                      '登记编号',
                      '姓名',
                      '身份证号',
                      '手机号码',
                      '现住址',
                      '健康状况',
                      '离开本市',
                      '登记时间',
                    ],
                    ...rows.map((row) => [
                      row.id,
                      row.name,
                      row.idNumber,
                      row.phone,
                      row.address,
                      row.health,
                      row.travelled ? '是' : '否',
                      formatDateTime(row.registeredAt),
                    ]),
                  ]),
                  '疫情防控登记表.csv',
                )
              }
            >
              导出登记表
            </Button>
          }
        >
          <Table<EpidemicRegistration>
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={rows}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '身份证号', dataIndex: 'idNumber', width: 190 },
              { title: '手机号码', dataIndex: 'phone', width: 130 },
              { title: '现住址', dataIndex: 'address', ellipsis: true },
              {
                title: '健康状况',
                dataIndex: 'health',
                width: 100,
                render: (health: HealthStatus) => (
                  <Tag color={health === '正常' ? 'green' : 'red'}>{health}</Tag>
                ),
              },
              {
                title: '登记时间',
                dataIndex: 'registeredAt',
                width: 150,
                render: (at: number, row) => (
                  <>
                    {formatDateTime(at)} {row.offline && <Tag>离线补录</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Card>

        <Card
          title="登记统计"
          extra={
            <Button
              onClick={() =>
                download(
                  csv([['健康状况', '人数'], ...stats.map((row) => [row.health, row.count])]),
                  '疫情防控登记统计.csv',
                )
              }
            >
              导出统计
            </Button>
          }
        >
          <Table
            size="small"
            rowKey="health"
            pagination={false}
            dataSource={stats}
            columns={[
              { title: '健康状况', dataIndex: 'health' },
              { title: '人数', dataIndex: 'count' },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
