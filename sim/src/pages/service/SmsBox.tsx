import { Typography } from 'antd';
import type { SmsRecord } from '../../modules/service/types';
import { formatDateTime } from '../../shared/format';

/** The 短信 sent to the applicant, exactly as sent. */
export function SmsBox({ sms }: { sms: SmsRecord }) {
  return (
    <div className="svc-sms" data-testid="sms-notice">
      <div>
        <Typography.Text strong>短信通知已发送至 {sms.maskedPhone}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {formatDateTime(sms.at)}
        </Typography.Text>
      </div>
      <div>{sms.text}</div>
    </div>
  );
}
