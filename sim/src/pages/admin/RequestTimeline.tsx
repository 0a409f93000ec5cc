import { Tag, Timeline } from 'antd';
import { formatDateTime } from '../../shared/format';
import { REQUEST_STATUS_LABELS } from '../../modules/admin/types';
import type { PermissionRequest, RequestStatus } from '../../modules/admin/types';

const COLORS: Record<RequestStatus, string> = {
  'dept-review': 'processing',
  'sys-config': 'processing',
  done: 'success',
  rejected: 'error',
};

export function RequestStatusTag({ status }: { status: RequestStatus }) {
  return <Tag color={COLORS[status]}>{REQUEST_STATUS_LABELS[status]}</Tag>;
}

export function RequestTimeline({ req }: { req: PermissionRequest }) {
  return (
    <Timeline
      items={req.history.map((h, i) => ({
        key: String(i),
        color: /驳回/.test(h.action) ? 'red' : /生效|通过/.test(h.action) ? 'green' : 'blue',
        content: (
          <span>
            <strong>{h.action}</strong> · {h.actor} · {formatDateTime(h.at)}
            {h.note ? `（${h.note}）` : ''}
          </span>
        ),
      }))}
    />
  );
}
