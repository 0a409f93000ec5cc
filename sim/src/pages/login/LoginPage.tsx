import { useState } from 'react';
import { Alert, Button, Form, Input, Table, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { verifyLogin } from '../../shared/auth';
import type { LoginResult } from '../../shared/auth';
import { safeRedirectTarget, startSession } from '../../shared/session';
import { PLATFORM_NAME } from '../../shared/SimShell';
import { DEMO_PASSWORD, SEED_USERS } from '../../shared/users';

interface LoginValues {
  account: string;
  password: string;
}

type Failure = Extract<LoginResult, { ok: false }>;

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = (values: LoginValues) => {
    setSubmitting(true);
    const result = verifyLogin(values.account.trim(), values.password);
    if (result.ok) {
      startSession(result.account);
      const redirect = new URLSearchParams(window.location.search).get('redirect');
      window.location.href = safeRedirectTarget(redirect);
      return;
    }
    setSubmitting(false);
    setFailure(result);
    form.setFieldValue('password', '');
  };

  return (
    <div className="login-page">
      <header className="login-top">
        <span className="login-emblem" aria-hidden="true">
          政
        </span>
        <span className="login-platform">{PLATFORM_NAME}</span>
        <span className="login-env">模拟环境 · 测试数据</span>
      </header>
      <main className="login-main">
        <section className="login-intro">
          <h1>打通信息孤岛的核心枢纽</h1>
          <p>公文处理 · 便民服务 · 数据上报 · 数据共享</p>
          <p className="login-intro-sub">
            本环境为培训用模拟环境，与真实系统功能一致，数据均为测试数据，操作不会影响真实业务。
          </p>
        </section>
        <section className="login-card" aria-labelledby="login-title">
          <h2 id="login-title">用户登录</h2>
          {failure && (
            <Alert
              className="login-alert"
              type={failure.reason === 'locked' ? 'error' : 'warning'}
              showIcon
              title={failure.message}
              data-testid="login-error"
            />
          )}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => undefined}
          >
            <Form.Item
              label="账号"
              name="account"
              rules={[{ required: true, whitespace: true, message: '请输入账号' }]}
            >
              <Input
                size="large"
                prefix={<UserOutlined />}
                placeholder="请输入账号"
                autoComplete="username"
              />
            </Form.Item>
            <Form.Item
              label="密码"
              name="password"
              rules={[{ required: true, message: '请输入密码' }]}
            >
              <Input.Password
                size="large"
                prefix={<LockOutlined />}
                placeholder="请输入密码"
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              登录
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-hint">
            连续5次登录失败将锁定账号30分钟。忘记密码请联系本单位系统管理员重置。
          </Typography.Paragraph>
        </section>
      </main>
      <section className="login-demo" aria-label="测试用户一览">
        <Typography.Title level={5}>模拟环境测试账号（密码均为 {DEMO_PASSWORD}）</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="account"
          dataSource={SEED_USERS.map((u) => ({ ...u }))}
          columns={[
            { title: '账号', dataIndex: 'account' },
            { title: '姓名', dataIndex: 'name' },
            { title: '岗位', dataIndex: 'title' },
            { title: '用户类型', dataIndex: 'userType' },
            {
              title: '权限级别',
              dataIndex: 'permission',
              render: (p: string) => <Tag>{p}</Tag>,
            },
            { title: '部门', dataIndex: 'department' },
          ]}
        />
      </section>
      <footer className="login-footer">
        主办单位：XX市人民政府办公室 · 技术支持：XX市大数据中心 · 建议使用最新版浏览器
      </footer>
    </div>
  );
}
