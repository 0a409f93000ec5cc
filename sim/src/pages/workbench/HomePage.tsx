import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../shared/format';
import { listMessages } from '../../shared/messages';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';
import { permissionRank } from '../../shared/users';
import { todosFor } from '../../shared/worklist';
import { isReviewerOf, listDocs } from '../../modules/docs/store';

interface Entry {
  label: string;
  href: string;
  note: string;
  icon: ReactNode;
}

const QUICK_ENTRIES: Entry[] = [
  {
    label: '新建公文',
    href: 'index.html#/docs/new',
    note: '通知 / 请示 / 报告',
    icon: <FileAddOutlined />,
  },
  {
    label: '公文库',
    href: 'index.html#/docs/library',
    note: '按年 / 月归档查阅',
    icon: <FolderOpenOutlined />,
  },
  { label: '便民服务', href: 'service.html', note: '受理群众申请', icon: <SolutionOutlined /> },
  { label: '数据上报', href: 'report.html', note: '报表填报与上报', icon: <CloudUploadOutlined /> },
  {
    label: '报表与分析',
    href: 'analytics.html',
    note: '报表设计器 / 数据dashboard',
    icon: <BarChartOutlined />,
  },
  {
    label: '档案管理(旧版)',
    href: 'oa.html',
    note: '通知公告 / 档案借阅',
    icon: <AuditOutlined />,
  },
];

const NOTICES = [
  { title: '关于开展电子政务系统用户培训的通知', date: '培训周期 1-2 周' },
  { title: '系统账号密码须每3个月更换一次', date: '账号安全' },
  { title: '公文附件仅支持 PDF / Word，单个不超过 10 MB', date: '操作提示' },
  { title: '数据上报须在截止时间前完成，逾期系统自动关闭', date: '数据上报' },
];

/** 首页: positioning, quick entries, my todo counts, recent messages and notices. */
export function HomePage({ session }: { session: Session }) {
  const { user } = session;
  const todos = useSimData(() => todosFor(user.account, user.permission, permissionRank));
  const messages = useSimData(() => listMessages(user.account).slice(0, 5));
  const docs = useSimData(listDocs);
  const reviewing = docs.filter((d) => isReviewerOf(d, user)).length;
  const returned = docs.filter((d) => d.drafter === user.account && d.status === 'returned').length;
  const drafts = docs.filter((d) => d.drafter === user.account && d.status === 'draft').length;
  const otherTodos = todos.filter((t) => t.module !== '公文管理').length;
  return (
    <div>
      <Card className="home-banner" variant="borderless">
        <Row align="middle" gutter={24} wrap={false}>
          <Col flex="auto">
            <Typography.Title level={4} style={{ margin: 0 }}>
              您好，{user.name}（{user.department} · {user.title}）
            </Typography.Title>
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              <strong>数字政府统一协同平台</strong>
              是打通信息孤岛的核心枢纽：减少纸质流转、实现数据共享，支撑公文处理、便民服务、数据上报等业务协同办理。
            </Typography.Paragraph>
          </Col>
          <Col>
            <div className="home-arch" aria-label="系统架构">
              <div className="home-arch-layer">用户访问层 · PC端 / 移动端 / 统一门户</div>
              <div className="home-arch-layer">
                业务应用层 · 公文管理 / 便民服务 / 数据上报 / 报表分析
              </div>
              <div className="home-arch-layer">
                基础支撑层 · 统一身份认证 / 数据共享交换 / 电子印章
              </div>
            </div>
          </Col>
        </Row>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={6}>
          <Card size="small">
            <a href="index.html#/todo">
              <Statistic title="待我审核的公文" value={reviewing} />
            </a>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <a href="index.html#/todo">
              <Statistic
                title="被退回待修改"
                value={returned}
                styles={{ content: { color: returned ? '#cf1322' : undefined } }}
              />
            </a>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <a href="index.html#/docs">
              <Statistic title="草稿待提交" value={drafts} />
            </a>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <a href="index.html#/todo">
              <Statistic title="其他业务待办" value={otherTodos} />
            </a>
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card title="常用功能" size="small">
            <Row gutter={[12, 12]}>
              {QUICK_ENTRIES.map((entry) => (
                <Col key={entry.href} span={8}>
                  <a className="home-entry" href={entry.href}>
                    <span className="home-entry-icon">{entry.icon}</span>
                    <span>
                      <span className="home-entry-label">{entry.label}</span>
                      <span className="home-entry-note">{entry.note}</span>
                    </span>
                  </a>
                </Col>
              ))}
            </Row>
          </Card>
          <Card title="通知公告" size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={NOTICES}
              renderItem={(n) => (
                <List.Item>
                  <span>
                    <TeamOutlined style={{ marginRight: 8, color: '#1558a8' }} />
                    {n.title}
                  </span>
                  <Typography.Text type="secondary">{n.date}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title="最新消息" size="small" extra={<a href="index.html#/messages">更多</a>}>
            <List
              size="small"
              dataSource={messages}
              locale={{ emptyText: '暂无消息' }}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        {!m.read && <Tag color="red">未读</Tag>}
                        {m.href ? <a href={m.href}>{m.title}</a> : m.title}
                      </span>
                    }
                    description={formatDateTime(m.createdAt)}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
