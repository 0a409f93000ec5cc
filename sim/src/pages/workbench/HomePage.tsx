import { Card, Col, Row, Typography } from 'antd';
import type { Session } from '../../shared/session';

const QUICK_ENTRIES = [
  { label: '新建公文', href: 'index.html#/docs/new', note: '通知 / 请示 / 报告' },
  { label: '公文库', href: 'index.html#/docs/library', note: '按年 / 月归档' },
  { label: '便民服务', href: 'service.html', note: '受理群众申请' },
  { label: '数据上报', href: 'report.html', note: '月度报表上报' },
  { label: '报表与分析', href: 'analytics.html', note: '报表设计器 / 数据dashboard' },
  { label: '档案管理(旧版)', href: 'oa.html', note: '通知公告 / 档案借阅' },
];

export function HomePage({ session }: { session: Session }) {
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        欢迎，{session.user.name}（{session.user.department} · {session.user.title}）
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {QUICK_ENTRIES.map((entry) => (
          <Col key={entry.href} span={8}>
            <Card size="small">
              <a href={entry.href}>{entry.label}</a>
              <div>{entry.note}</div>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
