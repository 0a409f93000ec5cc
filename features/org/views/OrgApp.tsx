/**
 * 培训管理 (training management): the organisation's 培训效果评估, read from the LRS. An extension
 * page (README "Training management (培训管理)"): it reads with the LRS settings the
 * administrator configured (policy), or with a read key the manager types here, which is kept in
 * memory only and never saved.
 */
import { watchPolicyView } from '../../../app/policy/client';
import { useEffect, useMemo, useState } from 'react';
import { usePreferences } from '../../../components/use-preferences';
import { EChart, type ChartOption } from '../../dashboard/views/EChart';
import type { LrsAuth } from '../../xapi/config';
import {
  INDICATOR_IDS,
  INDICATOR_LABELS,
  type Catalog,
  type Evaluation,
  type GroupFigures,
} from '../evaluate';
import { loadEvaluation } from '../load';
import {
  TEXT,
  cstTime,
  indicatorCell,
  metText,
  percent,
  statusText,
  targetText,
  type Lang,
  type TextKey,
} from '../report';
import './org.css';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTable } from '../../../components/Records';

export interface OrgAppProps {
  /** The build's catalog; its activity base is replaced by the LRS settings' when they set one. */
  catalog: Catalog;
}

interface Source {
  endpoint: string;
  auth: LrsAuth;
  activityBase: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'loading'; read: number }
  | { kind: 'error'; message: string }
  | { kind: 'done'; evaluation: Evaluation; generatedAt: number; read: number; ms: number };

const UI = {
  source: { zh: '数据来源：学习记录库', en: 'Source: learning record store' },
  configured: {
    zh: '使用管理员配置的学习记录库凭据',
    en: "Use the administrator's LRS credentials",
  },
  notConfigured: {
    zh: '管理员尚未配置学习记录库：请填写地址和有读取权限的密钥（只保存在本页内存中）。',
    en: 'No LRS is configured: enter its address and a key with read scope (kept in this page only).',
  },
  endpoint: { zh: 'xAPI 地址', en: 'xAPI endpoint' },
  key: { zh: '读取密钥', en: 'Read key' },
  secret: { zh: '密码', en: 'Secret' },
  since: { zh: '开始日期', en: 'From' },
  until: { zh: '结束日期', en: 'To' },
  load: { zh: '读取并评估', en: 'Read and evaluate' },
  loading: { zh: '正在读取学习记录…', en: 'Reading learning records…' },
  read: { zh: '已读取语句', en: 'Statements read' },
  exportXlsx: { zh: '导出 Excel', en: 'Export Excel' },
  print: { zh: '打印报告', en: 'Print report' },
  empty: {
    zh: '所选时间内学习记录库中没有学习记录。',
    en: 'The LRS holds no learning records for this period.',
  },
  summary: { zh: '学员', en: 'Learners' },
  statements: { zh: '语句', en: 'statements' },
  unspecified: {
    zh: '未注明部门或培训对象的学员计入“未注明”（部门来自管理员策略 identity，培训对象来自学员选择的角色）。',
    en: 'Learners without department or group are counted under 未注明 (department from the policy identity, group from the role the learner chose).',
  },
  generated: { zh: '生成时间', en: 'Generated' },
  exportFailed: { zh: '导出失败', en: 'Export failed' },
  noRemedial: { zh: '没有需要补训的学员。', en: 'Nobody needs remedial training.' },
} as const satisfies Record<string, Record<Lang, string>>;

function dateToEpoch(value: string, endOfDay: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const at = Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}+08:00`);
  return Number.isFinite(at) ? at : undefined;
}

export function OrgApp({ catalog }: OrgAppProps) {
  const prefs = usePreferences();
  const lang: Lang = prefs.language === 'en' ? 'en' : 'zh';
  const t = (key: keyof typeof UI) => UI[key][lang];
  const tt = (key: TextKey) => TEXT[key][lang];

  const [configured, setConfigured] = useState<Source | null>(null);
  const [useConfigured, setUseConfigured] = useState(true);
  const [endpoint, setEndpoint] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `指引 · ${TEXT.pageTitle.zh}`;
    // A managed LRS can arrive seconds after the page opens (app/policy/client.ts).
    return watchPolicyView(
      (view) => {
        const lrs = view.policy.lrs;
        if (lrs) {
          setConfigured({
            endpoint: lrs.endpoint,
            auth: lrs.auth,
            activityBase: lrs.activityBase ?? catalog.activityBase,
          });
          setEndpoint(lrs.endpoint);
          setUseConfigured(true);
        } else if (!view.managedPending) setUseConfigured(false);
      },
      () => setUseConfigured(false),
    );
  }, [catalog.activityBase]);

  const source = (): Source | string => {
    if (useConfigured && configured) return configured;
    if (endpoint.trim() === '' || key === '' || secret === '')
      return `${UI.endpoint[lang]} / ${UI.key[lang]} / ${UI.secret[lang]}：${lang === 'zh' ? '请填写完整' : 'required'}`;
    return {
      endpoint: endpoint.trim(),
      auth: { kind: 'basic', key, secret },
      activityBase: configured?.activityBase ?? catalog.activityBase,
    };
  };

  const run = async () => {
    const chosen = source();
    if (typeof chosen === 'string') {
      setStatus({ kind: 'error', message: chosen });
      return;
    }
    setStatus({ kind: 'loading', read: 0 });
    setExportError(null);
    const sinceAt = dateToEpoch(since, false);
    const untilAt = dateToEpoch(until, true);
    try {
      const result = await loadEvaluation(
        {
          endpoint: chosen.endpoint,
          auth: chosen.auth,
          ...(sinceAt === undefined ? {} : { since: sinceAt }),
          ...(untilAt === undefined ? {} : { until: untilAt }),
          onProgress: (read) => setStatus({ kind: 'loading', read }),
        },
        { ...catalog, activityBase: chosen.activityBase },
      );
      setStatus({
        kind: 'done',
        evaluation: result.evaluation,
        generatedAt: Date.now(),
        read: result.read,
        ms: result.fetchMs + result.computeMs,
      });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const exportXlsx = async (evaluation: Evaluation, generatedAt: number) => {
    setExportError(null);
    try {
      // ExcelJS is large: loaded only when a manager exports.
      const { workbookBytes } = await import('../export-xlsx');
      const chosen = source();
      const bytes = await workbookBytes(evaluation, {
        generatedAt,
        source: typeof chosen === 'string' ? '' : chosen.endpoint,
      });
      const url = URL.createObjectURL(
        new Blob([bytes], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `培训效果评估报告-${cstTime(generatedAt).slice(0, 10)}.xlsx`;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setExportError(
        `${t('exportFailed')}：${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return (
    <main className="zy-org">
      <PageHeader>
        <h1>
          <span className="zy-no-print">{tt('pageTitle')} · </span>
          {tt('title')}
        </h1>
      </PageHeader>

      <section className="zy-section zy-no-print" aria-labelledby="zy-org-source">
        <h2 id="zy-org-source">{t('source')}</h2>
        <form
          className="zy-org-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          {configured && (
            <label className="zy-org-check">
              <input
                type="checkbox"
                checked={useConfigured}
                onChange={(event) => setUseConfigured(event.target.checked)}
              />
              {t('configured')}（{configured.endpoint}）
            </label>
          )}
          {!configured && <p className="zy-muted">{t('notConfigured')}</p>}
          {!(useConfigured && configured) && (
            <div className="zy-org-fields">
              <label>
                {t('endpoint')}
                <input
                  value={endpoint}
                  onChange={(event) => setEndpoint(event.target.value)}
                  placeholder="https://lrs.example.gov.cn/data/xAPI/"
                  autoComplete="off"
                />
              </label>
              <label>
                {t('key')}
                <input
                  value={key}
                  onChange={(event) => setKey(event.target.value)}
                  autoComplete="off"
                />
              </label>
              <label>
                {t('secret')}
                <input
                  type="password"
                  value={secret}
                  onChange={(event) => setSecret(event.target.value)}
                  autoComplete="off"
                />
              </label>
            </div>
          )}
          <div className="zy-org-fields">
            <label>
              {t('since')}
              <input type="date" value={since} onChange={(event) => setSince(event.target.value)} />
            </label>
            <label>
              {t('until')}
              <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
            </label>
            <button type="submit" disabled={status.kind === 'loading'} data-testid="org-load">
              {t('load')}
            </button>
          </div>
        </form>
        {status.kind === 'loading' && (
          <p role="status">
            {t('loading')} {t('read')} {status.read}
          </p>
        )}
        {status.kind === 'error' && (
          <p role="alert" className="zy-org-error" data-testid="org-error">
            {status.message}
          </p>
        )}
      </section>

      {status.kind === 'done' && (
        <Report
          lang={lang}
          evaluation={status.evaluation}
          generatedAt={status.generatedAt}
          onExport={() => void exportXlsx(status.evaluation, status.generatedAt)}
          exportError={exportError}
          t={t}
        />
      )}
    </main>
  );
}

function Report({
  lang,
  evaluation,
  generatedAt,
  onExport,
  exportError,
  t,
}: {
  lang: Lang;
  evaluation: Evaluation;
  generatedAt: number;
  onExport: () => void;
  exportError: string | null;
  t: (key: keyof typeof UI) => string;
}) {
  const tt = (key: TextKey) => TEXT[key][lang];
  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(Number(value)) },
      legend: { top: 0 },
      grid: { left: 48, right: 44, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: evaluation.weekly.map((week) => week.week.slice(5)) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
      series: [
        {
          name: tt('weekChecklist'),
          type: 'line',
          data: evaluation.weekly.map((week) => week.checklistCompletion),
          markLine: {
            silent: true,
            symbol: 'none',
            data: [{ yAxis: 0.95, name: '95%' }],
            label: { formatter: '95%' },
          },
        },
        {
          name: tt('weekFirstPass'),
          type: 'line',
          connectNulls: true,
          data: evaluation.weekly.map((week) => week.firstAttemptPass),
        },
        {
          name: tt('weekSatisfaction'),
          type: 'line',
          connectNulls: true,
          data: evaluation.weekly.map((week) => week.satisfaction),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [evaluation, lang],
  );

  if (evaluation.learners === 0)
    return (
      <section className="zy-section">
        <p data-testid="org-empty">{t('empty')}</p>
      </section>
    );

  return (
    <>
      <section className="zy-section" aria-labelledby="zy-org-overall">
        <div className="zy-org-actions zy-no-print">
          <button type="button" onClick={onExport} data-testid="org-export">
            {t('exportXlsx')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
        {exportError && (
          <p role="alert" className="zy-org-error">
            {exportError}
          </p>
        )}
        <h2 id="zy-org-overall">{tt('overall')}</h2>
        <p className="zy-muted" data-testid="org-summary">
          {t('summary')} {evaluation.learners} · {t('statements')} {evaluation.statements.used}
          {evaluation.range &&
            ` · ${cstTime(evaluation.range.from)} — ${cstTime(evaluation.range.to)}`}
          {' · '}
          {t('generated')} {cstTime(generatedAt)}
        </p>
        <RecordTable
          rows={INDICATOR_IDS}
          testId="org-overall"
          columns={[tt('indicator'), tt('value'), tt('counts'), tt('target'), tt('met')]}
        >
          {(id) => {
            const indicator = evaluation.overall.indicators[id];
            return (
              <tr key={id}>
                <th scope="row">{INDICATOR_LABELS[id][lang]}</th>
                <td>{percent(indicator.rate)}</td>
                <td>
                  {indicator.numerator}/{indicator.denominator}
                </td>
                <td>{targetText(indicator, lang)}</td>
                <td className={metClass(indicator.met)}>
                  {indicator.met === null ? '' : indicator.met ? '✓ ' : '✗ '}
                  {metText(indicator, lang)}
                </td>
              </tr>
            );
          }}
        </RecordTable>
        <p className="zy-muted">{tt('notMeasured')}</p>
        {(evaluation.unspecified.department > 0 || evaluation.unspecified.role > 0) && (
          <p className="zy-muted">{t('unspecified')}</p>
        )}
      </section>

      <GroupTable
        lang={lang}
        title={tt('byDepartment')}
        first="department"
        groups={evaluation.byDepartment}
        testId="org-by-department"
      />
      <GroupTable
        lang={lang}
        title={tt('byRole')}
        first="role"
        groups={evaluation.byRole}
        testId="org-by-role"
      />
      <GroupTable
        lang={lang}
        title={tt('byModule')}
        first="module"
        groups={evaluation.byModule}
        testId="org-by-module"
      />

      <section className="zy-section" aria-labelledby="zy-org-weekly">
        <h2 id="zy-org-weekly">{tt('weekly')}</h2>
        <EChart option={trend} label={tt('weekly')} height={260} testId="org-trend" />
        <RecordTable
          rows={evaluation.weekly}
          columns={[
            tt('week'),
            tt('active'),
            tt('weekChecklist'),
            tt('weekFirstPass'),
            tt('weekSatisfaction'),
          ]}
        >
          {(week) => (
            <tr key={week.week}>
              <td>{week.week}</td>
              <td>{week.activeLearners}</td>
              <td>{percent(week.checklistCompletion)}</td>
              <td>{percent(week.firstAttemptPass)}</td>
              <td>{percent(week.satisfaction)}</td>
            </tr>
          )}
        </RecordTable>
      </section>

      <section className="zy-section zy-org-page-break" aria-labelledby="zy-org-remedial">
        <h2 id="zy-org-remedial">
          {tt('remedial')}（{evaluation.remedial.length}）
        </h2>
        {evaluation.remedial.length === 0 ? (
          <p>{t('noRemedial')}</p>
        ) : (
          <RecordTable
            rows={evaluation.remedial}
            testId="org-remedial"
            columns={[
              tt('department'),
              tt('role'),
              tt('account'),
              tt('kind'),
              tt('subject'),
              tt('failedAt'),
              tt('score'),
              tt('status'),
            ]}
          >
            {(entry) => (
              <tr key={`${entry.learner}|${entry.kind}|${entry.subjectId}`}>
                <td>{entry.department}</td>
                <td>{entry.role}</td>
                <td>
                  {entry.learner}
                  {entry.name ? `（${entry.name}）` : ''}
                </td>
                <td>{entry.kind === 'written' ? tt('written') : tt('practical')}</td>
                <td>{entry.title}</td>
                <td>{cstTime(entry.failedAt)}</td>
                <td>{entry.score ?? '—'}</td>
                <td className={entry.status === 'passed' ? 'zy-ok' : 'zy-org-bad'}>
                  {statusText(entry, lang)}
                </td>
              </tr>
            )}
          </RecordTable>
        )}
      </section>
    </>
  );
}

function metClass(met: boolean | null): string | undefined {
  return met === null ? undefined : met ? 'zy-ok' : 'zy-org-bad';
}

function GroupTable({
  lang,
  title,
  first,
  groups,
  testId,
}: {
  lang: Lang;
  title: string;
  first: TextKey;
  groups: GroupFigures[];
  testId: string;
}) {
  return (
    <section className="zy-section">
      <h2>{title}</h2>
      <div className="zy-org-scroll">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>{TEXT[first][lang]}</th>
              <th>{TEXT.learners[lang]}</th>
              {INDICATOR_IDS.map((id) => (
                <th key={id}>
                  {INDICATOR_LABELS[id][lang]}
                  <span className="zy-org-target">
                    {ORG_TARGET_TEXT(groups[0]?.indicators[id].target ?? null)}
                  </span>
                </th>
              ))}
              <th>{TEXT.remedialNeeded[lang]}</th>
              <th>{TEXT.remedialPending[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key} data-group={group.key}>
                <th scope="row">{group.key}</th>
                <td>{group.learners}</td>
                {INDICATOR_IDS.map((id) => {
                  const indicator = group.indicators[id];
                  return (
                    <td
                      key={id}
                      data-indicator={id}
                      className={metClass(indicator.met)}
                      title={metText(indicator, lang)}
                    >
                      {indicator.met === null ? '' : indicator.met ? '✓ ' : '✗ '}
                      {indicatorCell(indicator)}
                    </td>
                  );
                })}
                <td>{group.remedial.needed}</td>
                <td className={group.remedial.pending > 0 ? 'zy-org-bad' : undefined}>
                  {group.remedial.pending}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ORG_TARGET_TEXT(target: number | null): string {
  return target === null ? '' : ` ≥${percent(target)}`;
}
