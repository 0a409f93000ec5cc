import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { findInsured, type Contribution, type InsuredPerson } from '../../modules/grassroots/store';

/** Shows 110105********002X: the full number is on the citizen's own card, not on screen. */
function maskId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** 社保查询: a citizen's insurance record, found by 身份证号 and 姓名 together. */
export function SocialSecurityPage() {
  const [form] = Form.useForm<{ idNumber: string; name: string }>();
  const [result, setResult] = useState<InsuredPerson | null | undefined>(undefined);

  const search = (values: { idNumber: string; name: string }) =>
    setResult(findInsured(values.idNumber, values.name) ?? null);

  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        社保查询
      </Typography.Title>
      <Card>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="查询前请核对群众的身份证件，身份证号与姓名须一致；查询结果仅用于为本人办理业务。"
        />
        {/* One field per row: hints beside a field never cover the next one. */}
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '80px' }}
          onFinish={search}
          requiredMark={false}
          className="gr-search"
        >
          <Form.Item
            name="idNumber"
            label="身份证号"
            rules={[
              { required: true, message: '请输入身份证号' },
              { len: 18, message: '身份证号应为18位' },
            ]}
          >
            <Input style={{ width: 220 }} maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input style={{ width: 140 }} autoComplete="off" />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>

      {result === null && (
        <Card style={{ marginTop: 16 }} data-testid="social-result">
          <Alert
            type="warning"
            showIcon
            message="未查到参保信息"
            description="请核对身份证号和姓名是否与证件一致；仍查不到的，请群众到社保经办窗口核实。"
          />
        </Card>
      )}
      {result && (
        <Card title="参保信息" style={{ marginTop: 16 }} data-testid="social-result">
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'name', label: '姓名', children: result.name },
              { key: 'id', label: '身份证号', children: maskId(result.idNumber) },
              { key: 'region', label: '所属社区/乡镇', children: result.region },
            ]}
          />
          <Table<Contribution>
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="insurance"
            dataSource={result.contributions}
            columns={[
              { title: '险种', dataIndex: 'insurance' },
              {
                title: '参保状态',
                dataIndex: 'status',
                render: (status: Contribution['status']) => (
                  <Tag color={status === '正常参保' ? 'green' : 'orange'}>{status}</Tag>
                ),
              },
              { title: '累计缴费月数', dataIndex: 'months' },
              { title: '最近缴费月份', dataIndex: 'lastPaid' },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
