import type { OutboxStatus } from '../records';
import type { ReportCategory } from '../schema';
import { REPORT_CATEGORIES } from '../schema';
import {
  SCRUB_KIND_LABELS,
  SCRUB_KINDS,
  type ScrubCounts,
} from '../../../lib/privacy/personal-data';
import type { Language } from '../../../lib/settings/preferences';

const CATEGORY_EN: Record<ReportCategory, string> = {
  'login-failed': 'Cannot log in',
  'attachment-upload-failed': 'Attachment will not upload',
  'review-stuck': 'Review workflow stuck',
  'data-sync-error': 'Data out of sync',
  'system-slow': 'System slow',
  'feature-request': 'Missing feature / suggestion',
  other: 'Other',
};

const SCRUB_KIND_EN: Record<(typeof SCRUB_KINDS)[number], string> = {
  idCard: 'ID card number',
  bankCard: 'bank card number',
  mobile: 'mobile number',
  landline: 'phone number',
  email: 'e-mail',
  name: 'name',
  address: 'address',
  passport: 'passport number',
  licensePlate: 'licence plate',
  password: 'password',
  token: 'token',
};

const STATUS_EN: Record<OutboxStatus, string> = {
  local: 'On this computer only',
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

/** The report categories in form order, labelled in the language. */
export function categoryOptions(language: Language): { id: ReportCategory; label: string }[] {
  return REPORT_CATEGORIES.map((category) => ({
    id: category.id,
    label: language === 'en' ? CATEGORY_EN[category.id] : category.label,
  }));
}

/** "身份证号 1 处、手机号 1 处" / "1 ID card number, 1 mobile number". */
export function scrubKindsText(counts: ScrubCounts, language: Language): string {
  return SCRUB_KINDS.filter((kind) => counts[kind])
    .map((kind) =>
      language === 'en'
        ? `${counts[kind]} ${SCRUB_KIND_EN[kind]}`
        : `${SCRUB_KIND_LABELS[kind]} ${counts[kind]} 处`,
    )
    .join(language === 'en' ? ', ' : '、');
}

/** The status label in English; Chinese comes from the background (features/report/status-text.ts). */
export function statusLabelEn(status: OutboxStatus): string {
  return STATUS_EN[status];
}
