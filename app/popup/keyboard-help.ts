/**
 * The popup's keyboard help (issue 16). Kept out of lib/i18n/messages.ts, which is in the first
 * step card's bundle (size budget) while this line is shown only in the popup.
 */
import { translator } from '../../lib/i18n/format';

const zh = {
  popupKeyboardHelp:
    '键盘操作：引导或考核进行时，按 Alt+Shift+G 在页面与指引卡片之间切换；在卡片中按 → 下一步、← 上一步、Esc 退出。',
} as const;

const en: Record<keyof typeof zh, string> = {
  popupKeyboardHelp:
    'Keyboard: during a guide or an assessment, Alt+Shift+G moves between the page and Zhiyin’s card; in the card, → next, ← back, Esc leaves.',
};

/** The popup's keyboard help in the given language. */
export const keyboardHelpText = translator<keyof typeof zh>({ zh_CN: zh, en });
