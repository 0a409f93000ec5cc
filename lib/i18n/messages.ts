import type { Language } from '../settings/preferences';

/** UI strings, Simplified Chinese first. Keys are stable; English must cover every key. */
const zh = {
  brand: '指引',
  brandLong: '指引 · 政务系统培训助手',
  close: '关闭',
  welcomeTitle: '欢迎使用指引',
  welcomeIntro:
    '指引会在您日常使用的电子政务系统中，逐步带您完成公文处理、便民服务、数据上报等业务，并提醒操作规范与安全要求。',
  welcomeChooseRole: '请选择您的岗位类型，我们将为您推荐相应的培训内容：',
  welcomeLater: '稍后再说',
  welcomeChosen: '已设置为「{role}」。可随时在工具栏的指引图标中更改。',
  welcomeDone: '开始使用',
  popupThisPage: '当前页面',
  popupActiveHere: '指引已在本页运行',
  popupNotActive: '指引未在本页运行（本页不在管理员配置的系统地址内）',
  popupRole: '我的岗位',
  popupRoleNone: '尚未选择',
  popupChangeRole: '更改岗位',
  popupRecent: '最近活动',
  popupRecentEmpty: '暂无记录',
  popupOpenDashboard: '学习档案',
  popupOpenOptions: '设置',
  activityPageVisited: '访问页面',
  activityRoleChosen: '选择岗位：{role}',
  activityWelcomeDismissed: '关闭了欢迎提示',
  optionsTitle: '指引 · 设置',
  optionsLanguage: '界面语言',
  optionsLargeText: '大字号模式',
  optionsLargeTextHint: '放大提示卡片与按钮的文字，便于阅读。',
  optionsReducedMotion: '减少动画',
  optionsReducedMotionHint: '关闭提示卡片的淡入和移动动画。',
  optionsSaved: '已保存',
  dashboardTitle: '学习档案',
  dashboardProfile: '学员信息',
  dashboardActivity: '活动记录',
  dashboardPages: '访问最多的页面',
  dashboardVisits: '次',
  dashboardWhen: '时间',
  dashboardWhat: '事项',
  dashboardWhere: '页面',
  stepNext: '下一步',
  stepBack: '上一步',
  stepSkip: '跳过',
  stepDone: '完成',
  tourExit: '退出引导',
  stepProgressLabel: '第 {n} 步，共 {total} 步',
  targetMissingTitle: '找不到该元素',
  targetMissingBody:
    '本步骤要指向的页面元素没有出现。页面可能尚未加载完成、您没有相应权限，或系统界面已更新。您可以跳过本步，或一键报告问题，我们会通知培训管理员更新引导内容。',
  reportProblem: '报告问题',
  reportRecorded: '问题已记录，可在工具栏「我的报告」中查看。',
  hintClick: '请点击高亮的位置完成此步骤。',
  hintInput: '请在高亮的输入框中填写，符合要求后将自动进入下一步。',
  hintChange: '请在高亮处做出选择，选择后将自动进入下一步。',
  hintNavigation: '完成操作进入下一页面后，引导将自动继续。',
  hintAppear: '完成操作后，引导将自动继续。',
  stepAnnounce: '{tour}，第 {n} 步，共 {total} 步：{title}',
  resumeTitle: '继续未完成的引导？',
  resumeBody: '您上次在「{tour}」的第 {n} 步中断了。',
  resumeContinue: '继续',
  resumeRestart: '从头开始',
  resumeDiscard: '不用了',
  tourFinished: '引导已完成',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  brand: 'Zhiyin',
  brandLong: 'Zhiyin · e-government training assistant',
  close: 'Close',
  welcomeTitle: 'Welcome to Zhiyin',
  welcomeIntro:
    'Zhiyin guides you step by step through document handling, citizen services and data reporting in the e-government system you use every day, and reminds you of the rules and security duties.',
  welcomeChooseRole: 'Choose your job role so we can recommend the right training:',
  welcomeLater: 'Later',
  welcomeChosen: 'Set to “{role}”. You can change it any time from the Zhiyin toolbar icon.',
  welcomeDone: 'Get started',
  popupThisPage: 'This page',
  popupActiveHere: 'Zhiyin is running on this page',
  popupNotActive:
    'Zhiyin is not running here (this page is not a system your administrator configured)',
  popupRole: 'My role',
  popupRoleNone: 'Not chosen yet',
  popupChangeRole: 'Change role',
  popupRecent: 'Recent activity',
  popupRecentEmpty: 'Nothing yet',
  popupOpenDashboard: 'My training record',
  popupOpenOptions: 'Settings',
  activityPageVisited: 'Visited page',
  activityRoleChosen: 'Chose role: {role}',
  activityWelcomeDismissed: 'Closed the welcome card',
  optionsTitle: 'Zhiyin · Settings',
  optionsLanguage: 'Language',
  optionsLargeText: 'Large text',
  optionsLargeTextHint: 'Larger text and buttons in guidance cards.',
  optionsReducedMotion: 'Reduce motion',
  optionsReducedMotionHint: 'No fade or movement animations on guidance cards.',
  optionsSaved: 'Saved',
  dashboardTitle: 'My training record',
  dashboardProfile: 'Learner',
  dashboardActivity: 'Activity',
  dashboardPages: 'Most visited pages',
  dashboardVisits: 'visits',
  dashboardWhen: 'When',
  dashboardWhat: 'What',
  dashboardWhere: 'Page',
  stepNext: 'Next',
  stepBack: 'Back',
  stepSkip: 'Skip',
  stepDone: 'Done',
  tourExit: 'Exit guide',
  stepProgressLabel: 'Step {n} of {total}',
  targetMissingTitle: 'Element not found',
  targetMissingBody:
    'The page element this step points to did not appear. The page may still be loading, you may lack the permission, or the system has changed. Skip this step, or report the problem so the training administrator can update the guide.',
  reportProblem: 'Report problem',
  reportRecorded: 'Problem recorded. See “My reports” in the toolbar popup.',
  hintClick: 'Click the highlighted element to continue.',
  hintInput: 'Fill in the highlighted field; the guide continues once it is valid.',
  hintChange: 'Make a choice in the highlighted field; the guide continues after it.',
  hintNavigation: 'The guide continues on the next page.',
  hintAppear: 'The guide continues once you have done it.',
  stepAnnounce: '{tour}, step {n} of {total}: {title}',
  resumeTitle: 'Continue the unfinished guide?',
  resumeBody: 'You stopped at step {n} of “{tour}”.',
  resumeContinue: 'Continue',
  resumeRestart: 'Start over',
  resumeDiscard: 'No thanks',
  tourFinished: 'Guide finished',
};

const ROLE_NAMES_EN: Record<string, string> = {
  管理人员: 'Manager',
  业务操作人员: 'Business operator',
  技术支持人员: 'Technical support',
  基层用户: 'Grassroots user',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { zh_CN: zh, en };

/** A UI string in the given language, with `{name}` placeholders filled in. */
export function translate(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = MESSAGES[language][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** A role's display name: the Chinese name is the id; English gets a translation. */
export function roleName(language: Language, role: string): string {
  return language === 'en' ? (ROLE_NAMES_EN[role] ?? role) : role;
}
