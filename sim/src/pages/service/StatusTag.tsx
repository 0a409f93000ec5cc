import { Tag } from 'antd';
import { STATUS_LABELS } from '../../modules/service/types';
import type { ApplicationStatus } from '../../modules/service/types';

const COLORS: Record<ApplicationStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}
