import { useState } from 'react';
import { Alert, Card, Descriptions, Empty, Input, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { useSimData } from '../../shared/use-sim-data';
import { serviceApi } from '../../modules/service/sim-service';
import type { LicenceApplication } from '../../modules/service/types';
import { SmsBox } from './SmsBox';
import { StatusTag } from './StatusTag';

function ApplicationProgress({ app }: { app: LicenceApplication }) {
  const sms = useSimData(() => serviceApi.smsLog().filter((s) => s.applicationId === app.id));
  return (
    <Card
      title={`${app.companyName}（${app.id}）`}
      extra={<StatusTag status={app.status} />}
      style={{ marginTop: 16 }}
      data-testid="progress-result"
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'item', label: '办理事项', children: app.itemType },
          { key: 'code', label: '统一社会信用代码', children: app.creditCode },
          { key: 'person', label: '法人姓名', children: app.legalPerson },
          { key: 'region', label: '所属地区', children: app.region },
          { key: 'at', label: '受理时间', children: formatDateTime(app.createdAt) },
          { key: 'by', label: '受理人', children: app.createdByName },
          ...(app.rejectReason
            ? [{ key: 'why', label: '驳回原因', children: app.rejectReason, span: 2 }]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        办理进度
      </Typography.Title>
      <Timeline
        items={[
          ...app.timeline.map((t, i) => ({
            key: String(i),
            color: t.action === '审批驳回' ? 'red' : t.action === '审批通过' ? 'green' : 'blue',
            content: (
              <div>
                <strong>{t.action}</strong>
                <span style={{ marginInlineStart: 12, color: '#8c8c8c' }}>
                  {formatDateTime(t.at)} · {t.actor}
                </span>
                {t.note && <div>{t.note}</div>}
              </div>
            ),
          })),
          ...(app.status === 'pending'
            ? [{ key: 'wait', color: 'gray', content: '等待部门审批…' }]
            : []),
        ]}
      />
      {sms.map((s) => (
        <SmsBox key={s.id} sms={s} />
      ))}
    </Card>
  );
}

/** 进度查询: by 受理编号 or 统一社会信用代码. */
export function ProgressPage({ initialQuery }: { initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const results = useSimData(() => serviceApi.search(query));
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        进度查询
      </Typography.Title>
      <Card>
        <Input.Search
          aria-label="受理编号或统一社会信用代码"
          placeholder="请输入受理编号或统一社会信用代码"
          enterButton="查询"
          defaultValue={initialQuery}
          style={{ maxWidth: 520 }}
          onSearch={(v) => setQuery(v)}
        />
        {query && results.length === 0 && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={`未找到与“${query}”匹配的申请`}
          />
        )}
        {!query && (
          <Empty
            style={{ marginTop: 24 }}
            description="输入受理编号或统一社会信用代码查询办理进度"
          />
        )}
      </Card>
      {results.map((app) => (
        <ApplicationProgress key={app.id} app={app} />
      ))}
    </div>
  );
}
