/** UI strings of the quiz page (zh_CN + en), kept with the quiz code like lib/rules/messages.ts. */
import type { Language } from '../settings/preferences';

const zh = {
  pageTitle: '知识测验',
  intro:
    '按培训方案的笔试要求，每个模块一套选择题，提交后自动评分，80 分及格。答错的题目会给出正确答案和讲解它的引导或帮助文章。',
  modules: '选择模块',
  questions: '{n} 道题',
  start: '开始测验',
  again: '再测一次',
  never: '尚未测验',
  best: '最好成绩 {score} 分',
  passedBadge: '已通过',
  failedBadge: '未通过',
  back: '返回模块列表',
  single: '单选题',
  multiple: '多选题（选出所有正确答案）',
  questionNo: '第 {n} 题',
  submit: '提交答卷',
  unanswered: '还有 {n} 道题未作答：第 {list} 题。请作答后再提交。',
  submitting: '正在评分…',
  submitFailed: '提交失败：{reason}。您的作答仍保留在页面上，请稍后重试。',
  score: '得分',
  pass: '通过！得分 {score} 分（及格线 {pass} 分）。',
  fail: '未通过：得分 {score} 分，及格线 {pass} 分。请查看下面的讲解，学习相关引导后重新作答。',
  correct: '回答正确',
  partial: '部分正确（少选），得一半分',
  wrong: '回答错误',
  yourAnswer: '您的答案：',
  noAnswer: '未作答',
  rightAnswer: '正确答案：',
  learnMore: '学习：',
  tourLabel: '引导',
  articleLabel: '帮助文章',
  tourHint: '在政务系统页面点击工具栏的指引图标 →“本页可用的引导”即可开始。',
  retry: '重新作答',
  history: '作答记录',
  historyEmpty: '暂无记录',
  attemptAt: '时间',
  attemptScore: '得分',
  attemptResult: '结果',
  saved: '成绩已保存到本机学习档案。',
} as const;

export type QuizMessageKey = keyof typeof zh;

const en: Record<QuizMessageKey, string> = {
  pageTitle: 'Knowledge quizzes',
  intro:
    "The plan's written test: one set of choice questions per module, graded automatically, pass mark 80. Wrong answers show the right one and the tour or help article that teaches it.",
  modules: 'Choose a module',
  questions: '{n} questions',
  start: 'Start',
  again: 'Take it again',
  never: 'Not taken yet',
  best: 'Best score {score}',
  passedBadge: 'Passed',
  failedBadge: 'Not passed',
  back: 'Back to modules',
  single: 'Single choice',
  multiple: 'Multiple choice (pick every right answer)',
  questionNo: 'Question {n}',
  submit: 'Submit answers',
  unanswered: '{n} questions are not answered yet: {list}. Answer them, then submit.',
  submitting: 'Grading…',
  submitFailed: 'Could not submit: {reason}. Your answers are still here; try again later.',
  score: 'Score',
  pass: 'Passed! Score {score} (pass mark {pass}).',
  fail: 'Not passed: score {score}, pass mark {pass}. Read the explanations below, study the linked tours and try again.',
  correct: 'Correct',
  partial: 'Partly right (some missing): half the points',
  wrong: 'Wrong',
  yourAnswer: 'Your answer: ',
  noAnswer: 'not answered',
  rightAnswer: 'Right answer: ',
  learnMore: 'Learn: ',
  tourLabel: 'Tour',
  articleLabel: 'Help article',
  tourHint:
    'On a page of the system, click the Zhiyin toolbar icon → "Tours for this page" to start it.',
  retry: 'Try again',
  history: 'Attempts',
  historyEmpty: 'None yet',
  attemptAt: 'When',
  attemptScore: 'Score',
  attemptResult: 'Result',
  saved: 'Your result is saved in your local training record.',
};

export function quizText(
  language: Language,
  key: QuizMessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = (language === 'en' ? en : zh)[key];
  return template.replace(/\{(\w+)\}/gu, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}
