/**
 * Keyboard strings of the exam's bar and result (issue 16), kept with the exam views like
 * features/quiz/i18n.ts: they load with the overlay's React views, not with the first step card
 * (lib/i18n/messages.ts is in that card's bundle, which has a size budget).
 */
import { bilingualTranslator, type TextKey } from '../../../lib/i18n/format';

/** An exam keyboard string in the given language. */
export const examKeyboardText = bilingualTranslator(
  // 简体中文
  {
    examShortcutHint: '按 Alt+Shift+G 在页面与考核栏之间切换。',
    examAnnounce: '考核结束：总分 {total} 分，{verdict}',
  },
  // English
  {
    examShortcutHint: 'Alt+Shift+G moves between the page and this bar.',
    examAnnounce: 'Assessment over: {total} points, {verdict}',
  },
);

export type ExamKeyboardKey = TextKey<typeof examKeyboardText>;
