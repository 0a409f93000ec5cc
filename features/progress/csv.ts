/**
 * 学习记录.csv: one sheet a trainer opens in Excel or WPS — every learning event of the progress
 * file (tour events, practical assessments, quizzes, survey answers, tip acknowledgements), one row
 * each, in time order, with the learner's role and staff id on every row so files from several
 * learners can be pasted together. UTF-8 with BOM (Excel then reads Chinese correctly), CRLF line
 * ends, cells starting with = + - @ escaped so a comment can never run as a formula.
 *
 * The JSON file stays the complete backup (and the only one that can be imported); the CSV is for
 * reading. See docs/progress-format.md.
 */
import Papa from 'papaparse';
import type { ProgressFile } from './format';

export const CSV_COLUMNS = [
  '时间',
  '岗位',
  '工号',
  '类别',
  '对象编号',
  '对象名称',
  '事件',
  '步骤',
  '得分',
  '是否通过',
  '用时（秒）',
  '满意度',
  '备注',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

const TOUR_EVENT: Record<string, string> = {
  started: '开始引导',
  'step-shown': '显示步骤',
  'step-completed': '完成步骤',
  'step-skipped': '跳过步骤',
  'step-failed': '步骤未找到',
  finished: '完成引导',
  abandoned: '中途退出',
};
const ASSESSMENT_STATUS: Record<string, string> = {
  running: '进行中',
  passed: '通过',
  failed: '未通过',
  abandoned: '已放弃',
};
const TIP_RESPONSE: Record<string, string> = {
  acknowledge: '我已知晓',
  snooze: '稍后提醒',
  dismiss: '不再显示',
};
const SUBJECT: Record<string, string> = { tour: '引导', assessment: '实操考核', quiz: '知识测验' };

const seconds = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '' : Math.round(ms / 100) / 10;
const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? '' : value ? '是' : '否';

export interface CsvOptions {
  /** Display titles of tours, quizzes and tips by id (ids are shown when unknown). */
  titles?: (id: string) => string | undefined;
  /** IANA time zone for the 时间 column; default the computer's. */
  timeZone?: string;
}

/** The CSV text, starting with a BOM. */
export function progressCsv(file: ProgressFile, options: CsvOptions = {}): string {
  const formatter = new Intl.DateTimeFormat('sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const title = (id: string) => options.titles?.(id) ?? '';
  const profile = file.tables.profile[0];
  const who = { 岗位: profile?.role ?? '', 工号: profile?.staffId ?? '' };
  const rows: { at: number; order: number; row: Row }[] = [];
  const add = (at: number, row: Omit<Row, '时间' | '岗位' | '工号'>) =>
    rows.push({ at, order: rows.length, row: { 时间: formatter.format(at), ...who, ...row } });
  const blank = { 步骤: '', 得分: '', 是否通过: '', '用时（秒）': '', 满意度: '', 备注: '' };
  // A row that came from a progress file says so first in 备注: a trainer reading the sheet must
  // not take an imported (possibly hand-made) result for one done on this computer.
  const note = (row: { imported?: unknown }, text: string) =>
    row.imported ? `【本机导入】${text}` : text;

  for (const event of file.tables.tourEvents) {
    add(event.at, {
      ...blank,
      类别: '引导',
      对象编号: event.tourId,
      对象名称: title(event.tourId),
      事件: TOUR_EVENT[event.kind] ?? event.kind,
      步骤:
        event.stepId === null
          ? ''
          : `${event.stepIndex === null ? '' : `${event.stepIndex + 1}. `}${event.stepId}`,
      '用时（秒）': seconds(event.ms),
      备注: note(event, event.reason ?? ''),
    });
  }
  for (const attempt of file.tables.assessments) {
    const remedial = attempt.remedialStepIds.length
      ? `需补训：${attempt.remedialStepIds.join('、')}${attempt.remedialCompletedAt ? '（已补训）' : ''}`
      : '';
    add(attempt.endedAt ?? attempt.startedAt, {
      ...blank,
      类别: '实操考核',
      对象编号: attempt.tourId,
      对象名称: title(attempt.tourId),
      事件: ASSESSMENT_STATUS[attempt.status] ?? attempt.status,
      得分: attempt.score?.total ?? '',
      是否通过: yesNo(attempt.score?.passed),
      '用时（秒）': seconds(attempt.score?.elapsedMs),
      备注: note(attempt, remedial),
    });
  }
  for (const result of file.tables.quizResults) {
    add(result.at, {
      ...blank,
      类别: '知识测验',
      对象编号: result.quizId,
      对象名称: title(result.quizId),
      事件: result.score.pending ? '已提交（简答待阅卷）' : '已提交',
      得分: result.score.total ?? '',
      是否通过: yesNo(result.score.passed),
      '用时（秒）': seconds(result.ms),
      备注: note(result, result.module),
    });
  }
  for (const answer of file.tables.surveyAnswers) {
    add(answer.at, {
      ...blank,
      类别: '满意度调查',
      对象编号: answer.subjectId,
      对象名称: `${SUBJECT[answer.subjectKind] ?? answer.subjectKind}：${title(answer.subjectId) || answer.subjectId}`,
      事件: '作答',
      满意度: answer.rating,
      备注: note(answer, answer.comment),
    });
  }
  for (const ack of file.tables.tipAcknowledgements) {
    add(ack.at, {
      ...blank,
      类别: '规范提示',
      对象编号: ack.tipId,
      对象名称: title(ack.tipId),
      事件: TIP_RESPONSE[ack.response] ?? ack.response,
      备注: note(ack, ack.url),
    });
  }

  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map(({ row }) => CSV_COLUMNS.map((c) => row[c])) },
    { newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${csv}\r\n`;
}

/** File names with the export date, e.g. 指引学习进度-2026-03-01.json / 指引学习记录-2026-03-01.csv. */
export function progressFileNames(now: number): { json: string; csv: string } {
  const day = new Date(now).toISOString().slice(0, 10);
  return { json: `指引学习进度-${day}.json`, csv: `指引学习记录-${day}.csv` };
}
