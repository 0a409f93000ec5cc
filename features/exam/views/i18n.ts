/**
 * Keyboard strings of the exam's bar and result (issue 16), kept with the exam views like
 * features/quiz/i18n.ts: they load with the overlay's React views, not with the first step card
 * (lib/i18n/messages.ts is in that card's bundle, which has a size budget).
 */
import { translator } from '../../../lib/i18n/format';

const zh = {
  examShortcutHint: '按 Alt+Shift+G 在页面与考核栏之间切换。',
  examAnnounce: '考核结束：总分 {total} 分，{verdict}',
} as const;

export type ExamKeyboardKey = keyof typeof zh;

const en: Record<ExamKeyboardKey, string> = {
  examShortcutHint: 'Alt+Shift+G moves between the page and this bar.',
  examAnnounce: 'Assessment over: {total} points, {verdict}',
};

/** An exam keyboard string in the given language. */
export const examKeyboardText = translator<ExamKeyboardKey>({ zh_CN: zh, en });
