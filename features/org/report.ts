/**
 * 培训效果评估报告 as tables: the one layout shared by the 培训管理 page, its printout and the
 * Excel export (so the three always show the same figures). Pure.
 */
import {
  INDICATOR_IDS,
  INDICATOR_LABELS,
  type Evaluation,
  type GroupFigures,
  type OrgIndicator,
  type RemedialEntry,
} from './evaluate';

export type Lang = 'zh' | 'en';

export const TEXT = {
  title: { zh: '培训效果评估报告', en: 'Training evaluation report' },
  pageTitle: { zh: '培训管理', en: 'Training management' },
  overall: { zh: '总体指标', en: 'Indicators' },
  byDepartment: { zh: '按部门', en: 'By department' },
  byRole: { zh: '按培训对象', en: 'By learner group' },
  byModule: { zh: '按培训模块', en: 'By module' },
  remedial: { zh: '补训名单', en: 'Remedial training' },
  weekly: { zh: '每周趋势', en: 'Weekly trend' },
  department: { zh: '部门', en: 'Department' },
  role: { zh: '培训对象', en: 'Learner group' },
  module: { zh: '模块', en: 'Module' },
  learners: { zh: '人数', en: 'Learners' },
  indicator: { zh: '指标', en: 'Indicator' },
  value: { zh: '实际', en: 'Actual' },
  counts: { zh: '人次', en: 'Count' },
  target: { zh: '目标', en: 'Target' },
  met: { zh: '是否达标', en: 'Met' },
  yes: { zh: '达标', en: 'met' },
  no: { zh: '未达标', en: 'not met' },
  none: { zh: '—', en: '—' },
  noTarget: { zh: '（方案未设目标）', en: '(no target in the plan)' },
  account: { zh: '账号', en: 'Account' },
  name: { zh: '姓名', en: 'Name' },
  kind: { zh: '考核', en: 'Assessment' },
  written: { zh: '笔试', en: 'Written' },
  practical: { zh: '实操', en: 'Practical' },
  subject: { zh: '内容', en: 'Subject' },
  failedAt: { zh: '首次未通过', en: 'First failed' },
  score: { zh: '成绩', en: 'Score' },
  attempts: { zh: '考核次数', en: 'Attempts' },
  status: { zh: '补训情况', en: 'Remedial status' },
  statusPassed: { zh: '补训后已通过', en: 'passed after remedial training' },
  statusRetrained: { zh: '已补训，待重新考核', en: 'retrained, not passed yet' },
  statusPending: { zh: '尚未补训', en: 'not yet retrained' },
  remedialNeeded: { zh: '需补训', en: 'Needs remedial' },
  remedialPending: { zh: '尚未补训', en: 'Not yet retrained' },
  week: { zh: '周（周一）', en: 'Week (Monday)' },
  active: { zh: '活跃人数', en: 'Active learners' },
  weekChecklist: { zh: '清单完成率（累计）', en: 'Checklist completion (cumulative)' },
  weekFirstPass: { zh: '首次通过率（当周）', en: 'First-attempt pass (that week)' },
  weekSatisfaction: { zh: '满意度（当周）', en: 'Satisfaction (that week)' },
  notMeasured: {
    zh: '签到率、课堂互动率、问题发生率、每日登录人数占比发生在课堂或业务系统中，本报告不计算。',
    en: 'Sign-in, classroom participation, incident rate and daily log-in share happen in the classroom or the business system and are not computed here.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;

export const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

export function metText(indicator: OrgIndicator, lang: Lang): string {
  if (indicator.met === null) return TEXT.none[lang];
  return indicator.met ? TEXT.yes[lang] : TEXT.no[lang];
}

export function targetText(indicator: OrgIndicator, lang: Lang): string {
  return indicator.target === null ? TEXT.noTarget[lang] : `≥ ${percent(indicator.target)}`;
}

export function statusText(entry: RemedialEntry, lang: Lang): string {
  return entry.status === 'passed'
    ? TEXT.statusPassed[lang]
    : entry.status === 'retrained'
      ? TEXT.statusRetrained[lang]
      : TEXT.statusPending[lang];
}

/** Date and time in China Standard Time, YYYY-MM-DD HH:mm. */
export function cstTime(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Column headers of a group table: name, learners, then rate + count + met per indicator. */
export function groupHeaders(first: TextKey, lang: Lang): string[] {
  return [
    TEXT[first][lang],
    TEXT.learners[lang],
    ...INDICATOR_IDS.map((id) => INDICATOR_LABELS[id][lang]),
    TEXT.remedialNeeded[lang],
    TEXT.remedialPending[lang],
  ];
}

export function indicatorCell(indicator: OrgIndicator): string {
  if (indicator.rate === null) return '—';
  return `${percent(indicator.rate)} (${indicator.numerator}/${indicator.denominator})`;
}

export type { Evaluation, GroupFigures };
