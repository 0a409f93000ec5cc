import { Card, Table, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useSimData } from '../../shared/use-sim-data';
import { serviceApi } from '../../modules/service/sim-service';
import type { SmsRecord } from '../../modules/service/types';

export function SmsPage() {
  const sms = useSimData(() => serviceApi.smsLog());
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        短信发送记录
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          审批办结后系统自动向申请人发送结果短信（模拟环境不实际发送）。手机号码已脱敏显示。
        </Typography.Paragraph>
        <Table<SmsRecord>
          rowKey="id"
          size="middle"
          dataSource={sms}
          pagination={{ pageSize: 10, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            {
              title: '发送时间',
              dataIndex: 'at',
              width: 150,
              render: (v: number) => formatDateTime(v),
            },
            {
              title: '受理编号',
              dataIndex: 'applicationId',
              width: 150,
              render: (id: string) => <a href={`service.html#/progress?q=${id}`}>{id}</a>,
            },
            { title: '接收号码', dataIndex: 'maskedPhone', width: 120 },
            { title: '短信内容', dataIndex: 'text' },
            { title: '状态', key: 'state', width: 80, render: () => '已发送' },
          ]}
        />
      </Card>
    </div>
  );
}
