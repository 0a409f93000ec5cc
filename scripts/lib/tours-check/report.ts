/** Readable (Chinese + English) and JSON output of `npm run tours:check`. */
import type { CheckReport, StepReport, TourReport } from './types';

const MARK: Record<StepReport['status'], string> = { pass: '✓', fail: '✗', warn: '⚠' };

const OUTCOME_TEXT: Record<StepReport['outcome'], string> = {
  found: '找到 found',
  centred: '居中步骤（无目标）/ centred step, no target',
  'page-not-reached': '未到达页面 / page not reached',
  'not-found': '未找到 / not found',
  ambiguous: '不唯一 / ambiguous',
  hidden: '不可见 / hidden',
  'invalid-locator': '选择器无效 / invalid locator',
  'cross-origin-frame': '跨域 iframe / cross-origin frame',
  error: '检查出错 / check error',
};

/** Summary counts and the overall verdict: any failed required step (or load error) fails. */
export function summarize(baseUrl: string, tours: TourReport[], loadErrors: string[]): CheckReport {
  const steps = tours.flatMap((tour) => tour.steps);
  const count = (status: StepReport['status']) => steps.filter((s) => s.status === status).length;
  const summary = {
    tours: tours.length,
    steps: steps.length,
    passed: count('pass'),
    failed: count('fail'),
    warnings: count('warn'),
  };
  return {
    version: 1,
    baseUrl,
    tours,
    loadErrors,
    summary,
    ok: summary.failed === 0 && loadErrors.length === 0,
  };
}

function stepLine(step: StepReport): string[] {
  let head = `  ${MARK[step.status]} ${step.index + 1}. ${step.stepId}`;
  if (step.target) head += `  ${step.target}`;
  head += `  — ${OUTCOME_TEXT[step.outcome]}`;
  const detail = step.detail;
  if (detail?.kind === 'found') {
    head += ` ${detail.element}`;
    if (detail.alternative > 0 || detail.css) {
      head += `（备选 alternative ${detail.alternative + 1}: ${detail.locator}${detail.css ? `, css[${detail.css.index}] ${detail.css.selector}` : ''}）`;
    }
  }
  if (detail?.kind === 'ambiguous') head += ` (${detail.count})`;
  if (step.action) head += ` · ${step.action}`;
  if (step.optional) head += ' [可选 optional]';
  const lines = [head];
  for (const message of step.messages) lines.push(`      ${message}`);
  if (step.status !== 'pass') lines.push(`      页面 page: ${step.url}`);
  if (step.screenshot) lines.push(`      截图 screenshot: ${step.screenshot}`);
  return lines;
}

export function formatText(report: CheckReport): string {
  const lines: string[] = [`指引 引导检查 / Zhiyin tours check — ${report.baseUrl}`, ''];
  if (report.loadErrors.length > 0) {
    lines.push(`✗ 引导文件无效 / invalid tour files (${report.loadErrors.length}):`);
    for (const error of report.loadErrors) lines.push(`  ${error}`);
    lines.push('');
  }
  for (const tour of report.tours) {
    const failed = tour.steps.filter((step) => step.status === 'fail').length;
    lines.push(
      `${failed > 0 ? '✗' : '✓'} ${tour.tourId}  ${tour.title}`,
      `  起始页 start: ${tour.startUrl}（${tour.loggedIn ? '已登录 logged in' : '未登录 logged out'}）`,
    );
    for (const step of tour.steps) lines.push(...stepLine(step));
    lines.push('');
  }
  const { summary } = report;
  lines.push(
    `汇总 / summary: ${summary.tours} 个引导 tours, ${summary.steps} 个步骤 steps — ` +
      `${summary.passed} 通过 passed, ${summary.failed} 失败 failed, ${summary.warnings} 警告 warnings`,
    report.ok
      ? '结果 / result: 通过 OK'
      : '结果 / result: 失败 FAILED — 请修正上面标 ✗ 的步骤 / fix the steps marked ✗',
  );
  return lines.join('\n');
}
