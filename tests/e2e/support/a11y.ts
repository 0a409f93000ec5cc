import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The display modes every surface is audited in (options page: 界面语言, 大字号模式). */
export interface DisplayMode {
  language: 'zh_CN' | 'en';
  largeText: boolean;
}

export const DISPLAY_MODES: readonly DisplayMode[] = [
  { language: 'zh_CN', largeText: false },
  { language: 'zh_CN', largeText: true },
  { language: 'en', largeText: false },
  { language: 'en', largeText: true },
];

export const modeName = (mode: DisplayMode) => `${mode.language}${mode.largeText ? ' large' : ''}`;

/** WCAG 2.0–2.2 A/AA plus axe's best practices (landmarks, one h1, heading order…). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AuditRow {
  surface: string;
  mode: string;
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** `rule-id (impact) ×nodes: first target`, one per violation. */
  details: string[];
}

/** Every audit of the run, for the table printed at the end (a11y.spec.ts). */
export const auditRows: AuditRow[] = [];

/**
 * Runs axe over `page`, or only over `include` (our overlay's host on a sim page: the sim is
 * not our UI), inside open shadow roots too. Records a row; returns the serious and critical
 * violations so the caller can fail on them after auditing everything.
 */
export async function audit(
  page: Page,
  surface: string,
  mode: DisplayMode,
  include?: string,
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const count = (impact: string) =>
    violations.filter((violation) => violation.impact === impact).length;
  const details = violations.map((violation) => {
    const first = violation.nodes[0];
    const where = first ? JSON.stringify(first.target) : '';
    const summary = first?.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? '';
    return `${violation.id} (${violation.impact ?? '?'}) ×${violation.nodes.length}: ${where} ${summary}`;
  });
  auditRows.push({
    surface,
    mode: modeName(mode),
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
    details,
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${surface} [${modeName(mode)}]: ${violation.id} — ${violation.help}`);
}

/** The rows as a fixed-width table with the details of every violation under it. */
export function formatAuditTable(rows: readonly AuditRow[]): string {
  const header = ['surface', 'mode', 'critical', 'serious', 'moderate', 'minor'];
  const cells = rows.map((row) => [
    row.surface,
    row.mode,
    String(row.critical),
    String(row.serious),
    String(row.moderate),
    String(row.minor),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ');
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('-+-')];
  for (const values of cells) out.push(line(values));
  const details = rows.flatMap((row) =>
    row.details.map((detail) => `  ${row.surface} [${row.mode}] ${detail}`),
  );
  if (details.length) out.push('', 'violations:', ...details);
  return out.join('\n');
}

/** Sets 界面语言 and 大字号模式 on the options page, as a learner does. */
export async function setDisplayMode(
  openExtensionPage: (path: string) => Promise<Page>,
  mode: DisplayMode,
): Promise<void> {
  const options = await openExtensionPage('options.html');
  // Set large text first: the labels are still Chinese then.
  if (mode.largeText) await options.getByLabel('大字号模式').check();
  await options.getByLabel('界面语言').selectOption(mode.language);
  // Saved and read back (the page follows storage): both show on the page's root element.
  await expect
    .poll(() =>
      options.evaluate(() => [
        document.documentElement.lang,
        document.documentElement.classList.contains('zy-large'),
      ]),
    )
    .toEqual([mode.language === 'en' ? 'en' : 'zh-CN', mode.largeText]);
  await options.close();
}
