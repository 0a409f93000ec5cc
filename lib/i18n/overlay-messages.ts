import type { Language } from '../settings/preferences';
import { translator } from './format';

/**
 * The UI strings the page overlay draws (step card, tour layer, its notices), Simplified Chinese
 * first. Written here once: `messages.ts` composes them into the full table, so the popup, the
 * pages and the overlay read the same text. Kept apart because overlay.js is evaluated on the
 * first tour card: the full table (every feature's strings, two languages) was a quarter of that
 * bundle (bench/README.md, tour engine). A string the overlay needs goes here, not in messages.ts.
 */
const zh = {
  // Keyboard (issue 16): the shortcut between the page and the card, one line under its buttons.
  cardShortcutHint: 'Alt+Shift+G：在页面与本卡片之间切换',
  examRemedialDone: '补训已完成：{title}',
  hintAppear: '完成操作后，引导将自动继续。',
  hintChange: '请在高亮处做出选择，选择后将自动进入下一步。',
  hintClick: '请点击高亮的位置完成此步骤。',
  hintInput: '请在高亮的输入框中填写，符合要求后将自动进入下一步。',
  hintNavigation: '完成操作进入下一页面后，引导将自动继续。',
  rejectEmpty: '内容不能为空。',
  rejectNotConfirmed: '页面还没有显示操作成功。请查看页面上的提示，处理后再点一次。',
  rejectPattern: '填写的格式不符合要求，请检查后重新输入。',
  rejectValidator: '校验未通过，请检查后重新输入。',
  rejectValue: '请选择本步骤说明中指定的选项。',
  reportFailed: '问题报告未能保存，请稍后重试或通过工具栏报告。',
  reportProblem: '报告问题',
  reportRecorded: '问题已记录，可在工具栏「我的报告」中查看。',
  stepAnnounce: '{tour}，第 {n} 步，共 {total} 步：{title}',
  stepBack: '上一步',
  stepDone: '完成',
  stepNext: '下一步',
  stepProgressLabel: '第 {n} 步，共 {total} 步',
  stepSkip: '跳过',
  targetAmbiguousBody:
    '页面上有多个符合本步骤说明的位置，指引无法确定是哪一个。这是引导内容需要更新，不是您的操作问题。您可以跳过本步，或一键报告问题，我们会通知培训管理员。',
  targetAmbiguousTitle: '无法确定要指向哪一个',
  targetAway: '该元素暂时不见了（例如下拉框已收起），重新打开后指引会回到它旁边。',
  targetMissingBody:
    '本步骤要指向的页面元素没有出现。页面可能尚未加载完成、您没有相应权限，或系统界面已更新。您可以跳过本步，或一键报告问题，我们会通知培训管理员更新引导内容。',
  targetMissingFrameGone: '该元素所在的内嵌页面已跳转或被关闭。',
  targetMissingTitle: '找不到该元素',
  tourAbandoned: '已退出引导：{title}。可随时在工具栏的指引图标中重新开始。',
  tourExit: '退出引导',
  tourFinished: '引导已完成：{title}',
} as const;

export type OverlayMessageKey = keyof typeof zh;

const en: Record<OverlayMessageKey, string> = {
  cardShortcutHint: 'Alt+Shift+G: switch between page and card',
  examRemedialDone: 'Remedial training finished: {title}',
  hintAppear: 'The guide continues once you have done it.',
  hintChange: 'Make a choice in the highlighted field; the guide continues after it.',
  hintClick: 'Click the highlighted element to continue.',
  hintInput: 'Fill in the highlighted field; the guide continues once it is valid.',
  hintNavigation: 'The guide continues on the next page.',
  rejectEmpty: 'This must not be empty.',
  rejectNotConfirmed:
    'The page has not confirmed success yet. Check the message on the page, fix it and click again.',
  rejectPattern: 'The format is not right; please check and try again.',
  rejectValidator: 'The check did not pass; please check and try again.',
  rejectValue: 'Please choose the option this step names.',
  reportFailed: 'The report could not be saved. Try again, or report from the toolbar.',
  reportProblem: 'Report problem',
  reportRecorded: 'Problem recorded. See “My reports” in the toolbar popup.',
  stepAnnounce: '{tour}, step {n} of {total}: {title}',
  stepBack: 'Back',
  stepDone: 'Done',
  stepNext: 'Next',
  stepProgressLabel: 'Step {n} of {total}',
  stepSkip: 'Skip',
  targetAmbiguousBody:
    'Several places on the page fit this step, so the guide cannot tell which one is meant. The tour needs updating; nothing is wrong with what you did. You can skip this step, or report it in one click and we will tell the training administrator.',
  targetAmbiguousTitle: 'Cannot tell which one',
  targetAway:
    'The element is out of sight for now (a dropdown closed, for instance); reopen it and the guide comes back to it.',
  targetMissingBody:
    'The page element this step points to did not appear. The page may still be loading, you may lack the permission, or the system has changed. Skip this step, or report the problem so the training administrator can update the guide.',
  targetMissingFrameGone: 'The embedded page that held this element navigated away or was closed.',
  targetMissingTitle: 'Element not found',
  tourAbandoned: 'Left the guide: {title}. Restart it any time from the Zhiyin toolbar icon.',
  tourExit: 'Exit guide',
  tourFinished: 'Guide finished: {title}',
};

export const OVERLAY_MESSAGES: Record<Language, Record<OverlayMessageKey, string>> = {
  zh_CN: zh,
  en,
};

/** An overlay string in the given language, with `{name}` placeholders filled in. */
export const translateOverlay = translator(OVERLAY_MESSAGES);
