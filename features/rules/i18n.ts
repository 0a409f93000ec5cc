/**
 * UI strings of tips and field guards (kept apart from lib/i18n/messages.ts, which another
 * engineer owns; merge later if wanted). Simplified Chinese first; English covers every key.
 */
import { bilingualTranslator, type TextKey } from '../../lib/i18n/format';

/** The string for `key`, with `{name}` placeholders filled from `params`. */
export const rulesText = bilingualTranslator(
  // 简体中文
  {
    tipAcknowledge: '我已知晓',
    tipSnooze: '稍后提醒',
    tipDismiss: '不再显示',
    tipClose: '关闭',
    severityInfo: '提示',
    severityWarning: '注意',
    severityCritical: '重要',
    tipAckNote: '确认后将记录本次操作（必须留存操作记录）。',
    guardLabel: '指引提示',
    guardOk: '格式正确',
    guardAttachmentOk: '“{name}”（{size}）符合要求',
    guardDeadlineUnknown: '未能读取截止时间',
    guardReportOk: '数据范围与逻辑关系校验通过',
    guardDeadlineOverdue: '上报截止时间已过，逾期系统自动关闭上报通道',
  },
  // English
  {
    tipAcknowledge: 'I understand',
    tipSnooze: 'Remind me later',
    tipDismiss: "Don't show again",
    tipClose: 'Close',
    severityInfo: 'Tip',
    severityWarning: 'Caution',
    severityCritical: 'Important',
    tipAckNote: 'Your confirmation is recorded (operation records must be kept).',
    guardLabel: 'Zhiyin hint',
    guardOk: 'Looks valid',
    guardAttachmentOk: '"{name}" ({size}) meets the requirements',
    guardDeadlineUnknown: 'Could not read the deadline',
    guardReportOk: 'Ranges and relations check out',
    guardDeadlineOverdue:
      'The reporting deadline has passed; the system closes submission after it',
  },
);

export type RulesMessageKey = TextKey<typeof rulesText>;
