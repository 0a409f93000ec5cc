/**
 * Integrity of a progress file's rows, checked before anything is written (features/progress/io.ts).
 * The zod schema (format.ts) checks shapes; this checks that a row could have been written by
 * Zhiyin: scores that add up and agree with passed, times not after the export (or now), steps
 * within their tour. A row that fails is refused on its own, with a message naming the row; the
 * others can still be imported.
 *
 * This does not make a file trustworthy — anyone can write a consistent file by hand — which is
 * why every imported row is also marked imported and never counts as a result of this machine.
 */
import { PRACTICAL_PASS_SCORE, PRACTICAL_WEIGHTS } from '../exam/scoring';
import { WRITTEN_PASS_SCORE } from '../quiz/grading';
import type { ProgressFile } from './format';

/** Clocks of two computers differ: a row may be this much later than the export or now. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Rounding leeway when checking that a total is the sum of its rounded parts. */
const SUM_TOLERANCE = 0.05;

export type RowTable = Exclude<keyof ProgressFile['tables'], 'profile'>;

/** One refused row: which table, which row of the file (0-based), and why (Chinese). */
export interface RefusedRow {
  table: RowTable;
  index: number;
  message: string;
}

/** Chinese name of a table, for messages. */
export const TABLE_LABELS: Record<RowTable, string> = {
  tourProgress: '引导进度',
  tourEvents: '学习事件',
  assessments: '实操考核',
  quizResults: '知识测验',
  surveyAnswers: '满意度',
  tipAcknowledgements: '规范确认',
};

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/**
 * Every refused row of the file, in table order. `now` is this machine's clock: a time after
 * both the file's export time and now (plus {@link CLOCK_SKEW_MS}) is refused.
 */
export function checkProgressRows(file: ProgressFile, now: number): RefusedRow[] {
  const refused: RefusedRow[] = [];
  const exportedAt = Date.parse(file.exportedAt);
  const limit = Math.min(now, Number.isNaN(exportedAt) ? now : exportedAt) + CLOCK_SKEW_MS;
  const refuse = (table: RowTable, index: number, what: string, problem: string) =>
    refused.push({
      table,
      index,
      message: `${TABLE_LABELS[table]}第 ${index + 1} 条（${what}）：${problem}`,
    });
  /** The first problem with the row's times: in the future, or before the start. */
  const future = (times: (number | null)[]) => {
    const late = times.find((at): at is number => at !== null && at > limit);
    return late === undefined ? null : `时间 ${time(late)} 晚于文件导出时间或当前时间`;
  };

  file.tables.tourProgress.forEach((row, index) => {
    const problem =
      future([row.firstStartedAt, row.updatedAt, row.completedAt]) ??
      (row.stepCount > 0 && row.lastStepIndex >= row.stepCount
        ? `步骤序号 ${row.lastStepIndex} 超出步骤数 ${row.stepCount}`
        : row.completions > row.attempts
          ? `完成次数 ${row.completions} 多于开始次数 ${row.attempts}`
          : row.updatedAt < row.firstStartedAt
            ? '更新时间早于开始时间'
            : row.status === 'completed' && row.completedAt === null
              ? '状态为已完成，但没有完成时间'
              : row.completedAt !== null && row.completedAt < row.firstStartedAt
                ? '完成时间早于开始时间'
                : null);
    if (problem) refuse('tourProgress', index, row.tourId, problem);
  });

  file.tables.tourEvents.forEach((row, index) => {
    const stepKind = row.kind.startsWith('step-');
    const problem =
      future([row.at]) ??
      (stepKind && (row.stepId === null || row.stepIndex === null) ? '步骤事件缺少步骤编号' : null);
    if (problem) refuse('tourEvents', index, `${row.tourId} ${row.kind}`, problem);
  });

  file.tables.assessments.forEach((row, index) => {
    const problem = assessmentProblem(row, future);
    if (problem) refuse('assessments', index, row.tourId, problem);
  });

  file.tables.quizResults.forEach((row, index) => {
    const { score } = row;
    const parts = (score.choiceScore ?? 0) + (score.shortAnswerScore ?? 0);
    const problem =
      future([row.at]) ??
      (score.pending && (score.total !== null || score.passed !== null)
        ? '待评分的测验不能已有总分或结论'
        : score.total === null && score.passed !== null
          ? '没有总分却有通过结论'
          : score.total !== null && Math.abs(score.total - parts) > SUM_TOLERANCE
            ? `总分 ${score.total} 与各部分得分之和 ${round1(parts)} 不符`
            : score.total !== null &&
                score.passed !== null &&
                score.passed !== score.total >= WRITTEN_PASS_SCORE
              ? `总分 ${score.total}，及格线 ${WRITTEN_PASS_SCORE}，结论却为${score.passed ? '通过' : '未通过'}`
              : null);
    if (problem) refuse('quizResults', index, row.quizId, problem);
  });

  file.tables.surveyAnswers.forEach((row, index) => {
    const problem = future([row.at]);
    if (problem) refuse('surveyAnswers', index, row.subjectId, problem);
  });

  file.tables.tipAcknowledgements.forEach((row, index) => {
    const problem = future([row.at]);
    if (problem) refuse('tipAcknowledgements', index, row.tipId, problem);
  });

  return refused;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

type AssessmentRow = ProgressFile['tables']['assessments'][number];

/** Why an assessment row could not have been written by Zhiyin (features/exam/scoring.ts). */
function assessmentProblem(
  row: AssessmentRow,
  future: (times: (number | null)[]) => string | null,
): string | null {
  const late = future([row.startedAt, row.endedAt, row.remedialCompletedAt]);
  if (late) return late;
  if (row.status === 'running') return '进行中的考核不能导入';
  if (row.endedAt !== null && row.endedAt < row.startedAt) return '结束时间早于开始时间';
  const { score } = row;
  if (score === null)
    return row.status === 'abandoned' ? null : `状态为${statusName(row.status)}，却没有得分`;
  if (row.endedAt === null) return '有得分却没有结束时间';
  if (score.stepScore > PRACTICAL_WEIGHTS.steps)
    return `步骤分 ${score.stepScore} 超过满分 ${PRACTICAL_WEIGHTS.steps}`;
  if (score.timeScore > PRACTICAL_WEIGHTS.time)
    return `用时分 ${score.timeScore} 超过满分 ${PRACTICAL_WEIGHTS.time}`;
  if (score.accuracyScore > PRACTICAL_WEIGHTS.accuracy)
    return `准确分 ${score.accuracyScore} 超过满分 ${PRACTICAL_WEIGHTS.accuracy}`;
  const parts = score.stepScore + score.timeScore + score.accuracyScore;
  if (Math.abs(score.total - parts) > SUM_TOLERANCE)
    return `总分 ${score.total} 与各项得分之和 ${round1(parts)} 不符`;
  if (score.passed !== score.total >= PRACTICAL_PASS_SCORE)
    return `总分 ${score.total}，及格线 ${PRACTICAL_PASS_SCORE}，结论却为${score.passed ? '通过' : '未通过'}`;
  if (row.status === 'abandoned' && score.passed) return '已退出的考核不能为通过';
  if (row.status !== 'abandoned' && (row.status === 'passed') !== score.passed)
    return `状态为${statusName(row.status)}，与得分结论不符`;
  if (score.elapsedMs > row.endedAt - row.startedAt + CLOCK_SKEW_MS)
    return '考核用时长于开始到结束的时间';
  return null;
}

function statusName(status: AssessmentRow['status']): string {
  return { running: '进行中', passed: '通过', failed: '未通过', abandoned: '已退出' }[status];
}
