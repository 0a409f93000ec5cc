import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { checkPassword } from '../../../../lib/validators/password';
import {
  PASSWORD_MAX_AGE_MONTHS,
  changePassword,
  getCredential,
  isPasswordChangeDue,
} from '../../shared/auth';
import { formatDateTime } from '../../shared/format';
import type { Session } from '../../shared/session';
import { useSimData } from '../../shared/use-sim-data';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 个人设置 · 修改密码: 8-16 位，包含字母、数字、符号; new ≠ old; change date recorded. */
export function PasswordPage({ session }: { session: Session }) {
  const { account } = session;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const credential = useSimData(() => getCredential(account));
  const due = useSimData(() => isPasswordChangeDue(account));
  const onFinish = (values: Values) => {
    const result = changePassword(account, values.oldPassword, values.newPassword);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    form.resetFields();
    message.success('密码修改成功，下次登录请使用新密码');
  };
  return (
    <Card title="修改密码" style={{ maxWidth: 760 }}>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="账号">{account}</Descriptions.Item>
        <Descriptions.Item label="上次修改密码">
          <span data-testid="password-changed-at">
            {credential ? formatDateTime(credential.passwordChangedAt) : '—'}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {due && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`距上次修改密码已超过${PASSWORD_MAX_AGE_MONTHS}个月，请及时修改（四必须：必须定期修改密码）。`}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error}
          data-testid="password-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '110px' }}
        style={{ maxWidth: 560 }}
        onFinish={onFinish}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          label="原密码"
          name="oldPassword"
          rules={[{ required: true, message: '请输入原密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          dependencies={['oldPassword']}
          extra="8-16位，须同时包含字母、数字和符号，不能与原密码相同"
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                if (!value) return Promise.resolve();
                const result = checkPassword(value ?? '');
                if (!result.ok) {
                  return Promise.reject(
                    new Error(result.problems.map((p) => p.message).join('；')),
                  );
                }
                if (value === getFieldValue('oldPassword')) {
                  return Promise.reject(new Error('新密码不能与原密码相同'));
                }
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator(_, value: string | undefined) {
                return !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit">
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
