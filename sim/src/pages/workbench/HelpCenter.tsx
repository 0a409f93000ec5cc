import { Card, Col, Collapse, Row, Typography } from 'antd';
import { HELP_ARTICLES } from './help-data';

const CATEGORIES = ['常见问题', '操作规范', '账号安全', '文档管理'] as const;

/** 帮助中心: FAQ and norms from the training plan. */
export function HelpCenter() {
  const focus = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('id');
  return (
    <div>
      <Typography.Title level={4} className="sim-page-title">
        帮助中心
      </Typography.Title>
      <Row gutter={16}>
        <Col span={16}>
          {CATEGORIES.map((category) => (
            <Card key={category} title={category} size="small" style={{ marginBottom: 16 }}>
              <Collapse
                ghost
                defaultActiveKey={
                  focus
                    ? [focus]
                    : category === '常见问题'
                      ? []
                      : HELP_ARTICLES.filter((a) => a.category === category).map((a) => a.id)
                }
                items={HELP_ARTICLES.filter((a) => a.category === category).map((a) => ({
                  key: a.id,
                  label: a.title,
                  children: a.body.map((line, i) => (
                    <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
                      {line}
                    </Typography.Paragraph>
                  )),
                }))}
              />
            </Card>
          ))}
        </Col>
        <Col span={8}>
          <Card title="技术支持" size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph>培训期间现场值守：信息中心技术支持人员</Typography.Paragraph>
            <Typography.Paragraph>7×24小时技术支持电话：0000-12345（模拟）</Typography.Paragraph>
            <Typography.Paragraph>意见反馈：系统内“意见箱”、培训微信群</Typography.Paragraph>
          </Card>
          <Card title="系统异常上报" size="small">
            <Typography.Paragraph>
              请记录出现问题的时间、页面、操作步骤和提示信息，截图时注意遮挡个人信息，再联系技术支持。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
