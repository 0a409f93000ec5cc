import { useEffect, useMemo, useState } from 'react';
import { isExamable } from '../../exam/exam';
import type { Indicator } from '../../exam/indicators';
import type { Checklists } from '../../checklist/schema';
import type { Tour } from '../../tour/schema';
import { PRACTICAL_PASS_SCORE } from '../../exam/scoring';
import { type ActivityRecord, type ImportedMark } from '../../progress/records';
import { type AssessmentRecord } from '../../exam/records';
import { type ProfileRecord } from '../../profile/records';
import { roleName, translate, type MessageKey } from '../../../lib/i18n/messages';
import { inLanguage } from '../../../lib/i18n/format';
import { sendMessage } from '../../../app/protocol';
import { describeActivity, formatTime, pagePath } from '../../progress/views/activity-text';
import { usePreferences } from '../../../components/use-preferences';
import type { TipAcknowledgementRecord } from '../../rules/records';
import { ExportImport, PROGRESS_IMPORTED_EVENT } from '../../progress/views/ExportImport';
import { dashboardData, type DashboardData, type VisitedPage } from '../data';
import { EChart, type ChartOption } from './EChart';
import './dashboard.css';
import { ProgressBar } from '../../../components/ProgressBar';
import { checklistsInForce } from '../../checklist/in-force';
import { mergeTours } from '../../packs/catalog';
import { usePackContents } from '../../packs/views/use-pack-content';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTable, RecordList } from '../../../components/Records';

/** How many activity rows the table shows; the counts above it cover everything. */
const TABLE_ROWS = 200;

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Indicators the plan names that Zhiyin cannot measure locally: shown as such, never as 0. */
const NOT_MEASURED: MessageKey[] = ['dashSignIn', 'dashInteraction', 'dashIncidents'];

/** A tour as the dashboard needs it; with its steps, it can be offered as an exam. */
export type DashboardTour = Pick<Tour, 'id' | 'title' | 'module' | 'audience'> & {
  steps?: Tour['steps'];
};

export interface DashboardProps {
  /** The bundled tours (entrypoints/dashboard passes virtual:zhiyin-tours). */
  tours: readonly DashboardTour[];
  /** The onboarding checklists (virtual:zhiyin-checklists). */
  checklists: Checklists;
}

export function DashboardApp({
  tours: bundledTours,
  checklists: bundledChecklists,
}: DashboardProps) {
  const prefs = usePreferences();
  // Content packs (features/packs): their tours and checklist, as the background has them.
  const packs = usePackContents();
  const inForce = useMemo(
    () =>
      packs === null
        ? null
        : {
            tours: mergeTours(bundledTours, packs) as DashboardTour[],
            checklists: checklistsInForce(packs, bundledChecklists, bundledTours),
          },
    [packs, bundledTours, bundledChecklists],
  );
  const tours = inForce?.tours ?? bundledTours;
  const checklists = inForce?.checklists ?? bundledChecklists;
  const language = prefs.language;
  const t = inLanguage(translate, language);
  const [profile, setProfile] = useState<ProfileRecord | null>(null);
  const [activity, setActivity] = useState<ActivityRecord[]>([]);
  const [acks, setAcks] = useState<TipAcknowledgementRecord[]>([]);
  const [topPages, setTopPages] = useState<VisitedPage[]>([]);
  const [data, setData] = useState<DashboardData | null>(null);
  const [remedialMessage, setRemedialMessage] = useState<string | null>(null);
  // Bumped when a progress backup was restored (备份与导出): everything is read again.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const reload = () => setGeneration((value) => value + 1);
    window.addEventListener(PROGRESS_IMPORTED_EVENT, reload);
    return () => window.removeEventListener(PROGRESS_IMPORTED_EVENT, reload);
  }, []);

  useEffect(() => {
    // The background reads the records (extension pages never open the database themselves).
    let current = true;
    if (inForce === null) return; // the packs first: one computation, with their checklist
    void (async () => {
      const records = await sendMessage('page:dashboardData');
      if (!current) return; // a restore started a newer read
      performance.mark('zhiyin:dashboard-data');
      setProfile(records.profile);
      setData(
        dashboardData({
          role: records.profile?.role ?? null,
          tours,
          checklists,
          progress: records.progress,
          runEvents: records.runEvents,
          assessments: records.assessments,
          quizzes: records.quizzes,
          surveys: records.surveys,
        }),
      );
    })();
    return () => {
      current = false;
    };
  }, [tours, checklists, inForce, generation]);

  // The activity log (below the figures) loads once the figures are on screen.
  const figuresShown = data !== null;
  useEffect(() => {
    if (!figuresShown) return;
    let current = true;
    void sendMessage('page:dashboardActivity', { limit: TABLE_ROWS }).then((tables) => {
      if (!current) return;
      setActivity(tables.activity);
      setAcks(tables.acknowledgements);
      setTopPages(tables.topPages);
    });
    return () => {
      current = false;
    };
  }, [figuresShown, generation]);

  // Interactive: the figures (tables, checklist, buttons) are rendered and the next frame has
  // painted them; charts follow when the browser is idle (EChart). bench/dashboard measures both.
  useEffect(() => {
    if (!data) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        document.body.dataset.ready = 'true';
        performance.mark('zhiyin:dashboard-ready');
      }, 0),
    );
  }, [data]);

  const role = profile?.role ? roleName(language, profile.role) : t('popupRoleNone');
  const tourTitle = useMemo(() => new Map(tours.map((tour) => [tour.id, tour.title])), [tours]);

  const exams = tours.filter(
    (tour) =>
      tour.steps !== undefined &&
      isExamable(tour as Tour) &&
      (profile?.role == null || tour.audience.includes(profile.role)),
  );
  const startExam = async (tourId: string) => {
    const reply = await sendMessage('page:startExam', { tabId: null, tourId });
    setRemedialMessage(reply.started ? t('dashExamStarted') : (reply.reason ?? null));
  };

  const remedial = async (record: AssessmentRecord) => {
    if (record.id === undefined) return;
    const reply = await sendMessage('page:startRemedial', { assessmentId: record.id, tabId: null });
    setRemedialMessage(reply.started ? t('dashRemedialStarted') : (reply.reason ?? null));
  };

  return (
    <main className="zy-dashboard">
      <PageHeader>
        <h1>{t('dashboardTitle')}</h1>
        <button type="button" className="zy-print zy-no-print" onClick={() => window.print()}>
          {t('dashPrint')}
        </button>
      </PageHeader>

      <section className="zy-section">
        <h2>{t('dashboardProfile')}</h2>
        <p>
          {t('popupRole')}：<strong data-testid="dashboard-role">{role}</strong>
          {data && (
            <>
              {' · '}
              {t('dashTimeSpent')}：<strong data-testid="time-spent">{data.totalMinutes}</strong>{' '}
              {t('dashMinutes')}
            </>
          )}
        </p>
        {/* Quizzes area: the written test per module. */}
        <p className="zy-no-print">
          <a href="/quiz.html">{t('popupOpenQuiz')}</a>
        </p>
      </section>

      {data && (
        <>
          <IndicatorsSection language={language} indicators={data.indicators} />
          <ProgressSection language={language} data={data} hasRole={profile?.role != null} />
          {exams.length > 0 && (
            <section className="zy-section zy-no-print" aria-labelledby="zy-exams">
              <h2 id="zy-exams">{t('dashExams')}</h2>
              <p className="zy-muted zy-small">{t('dashExamsIntro')}</p>
              <RecordList rows={exams} testId="exams">
                {(tour) => (
                  <li key={tour.id}>
                    <span>
                      {tour.title} <span className="zy-muted">· {tour.module}</span>
                    </span>
                    <button
                      type="button"
                      aria-label={t('examStartLabel', { title: tour.title })}
                      onClick={() => void startExam(tour.id)}
                    >
                      {t('examStart')}
                    </button>
                  </li>
                )}
              </RecordList>
            </section>
          )}
          <AssessmentSection
            language={language}
            tourTitle={tourTitle}
            data={data}
            onRemedial={(record) => void remedial(record)}
            message={remedialMessage}
          />
          <AcknowledgementSection language={language} acks={acks} />
        </>
      )}

      <section className="zy-section zy-page-break">
        <h2>{t('dashboardPages')}</h2>
        <RecordList rows={topPages} empty={t('popupRecentEmpty')}>
          {(page) => (
            <li key={page.path}>
              <span>
                {page.title || page.path} <span className="zy-muted">{page.path}</span>
              </span>
              <span className="zy-time">
                {page.visits} {t('dashboardVisits')}
              </span>
            </li>
          )}
        </RecordList>
      </section>

      <section className="zy-section">
        <h2>{t('dashboardActivity')}</h2>
        <RecordTable
          rows={activity}
          columns={[t('dashboardWhen'), t('dashboardWhat'), t('dashboardWhere')]}
        >
          {(record) => (
            <tr key={record.id}>
              <td className="zy-time">{formatTime(record.at, language)}</td>
              <td>{describeActivity(language, record)}</td>
              <td className="zy-muted">{pagePath(record.url)}</td>
            </tr>
          )}
        </RecordTable>
      </section>
      <ExportImport language={prefs.language} />
    </main>
  );
}

type Lang = ReturnType<typeof usePreferences>['language'];

function IndicatorsSection({ language, indicators }: { language: Lang; indicators: Indicator[] }) {
  const t = inLanguage(translate, language);
  const label = (indicator: Indicator) => t(INDICATOR_KEYS[indicator.id]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 140, right: 40, top: 30, bottom: 20 },
      legend: { data: [t('dashActual'), t('dashTarget')], top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: indicators.map(label) },
      series: [
        {
          name: t('dashActual'),
          type: 'bar',
          data: indicators.map((indicator) => ({
            value: indicator.rate === null ? 0 : Math.round(indicator.rate * 1000) / 10,
            itemStyle: {
              color: indicator.met === false ? '#c4320a' : indicator.met ? '#1e6b34' : '#8a94a6',
            },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (params) => percent(indicators[params.dataIndex]?.rate ?? null),
          },
        },
        {
          name: t('dashTarget'),
          type: 'bar',
          data: indicators.map((indicator) =>
            indicator.target === null ? null : indicator.target * 100,
          ),
          itemStyle: { color: '#d9dee7' },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [indicators, language],
  );
  return (
    <section className="zy-section" aria-labelledby="zy-indicators">
      <h2 id="zy-indicators">{t('dashIndicators')}</h2>
      <EChart
        option={option}
        label={t('dashIndicatorsChart')}
        height={220}
        testId="chart-indicators"
      />
      <table data-testid="indicators">
        <thead>
          <tr>
            <th scope="col">{t('dashIndicator')}</th>
            <th scope="col">{t('dashActual')}</th>
            <th scope="col">{t('dashTarget')}</th>
            <th scope="col">{t('dashMet')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr key={indicator.id} data-indicator={indicator.id}>
              <th scope="row">{label(indicator)}</th>
              <td>
                {percent(indicator.rate)}
                <span className="zy-muted">
                  （{indicator.numerator} / {indicator.denominator}）
                </span>
              </td>
              <td>
                {indicator.target === null ? t('dashNoTarget') : `≥ ${percent(indicator.target)}`}
              </td>
              <td>
                {indicator.met === null ? '—' : indicator.met ? t('dashMetYes') : t('dashMetNo')}
              </td>
            </tr>
          ))}
          {NOT_MEASURED.map((key) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td colSpan={3} className="zy-muted">
                {t('dashNotMeasured')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="zy-muted zy-small">{t('dashIndicatorsNote')}</p>
    </section>
  );
}

const SATISFACTION_COLORS: Record<string, string> = {
  非常满意: '#1e6b34',
  满意: '#6aa84f',
  一般: '#8a94a6',
  不满意: '#c4320a',
};

const INDICATOR_KEYS: Record<Indicator['id'], MessageKey> = {
  'practical-completion': 'dashCompletion',
  'pass-first-attempt': 'dashPassFirst',
  'pass-eventual': 'dashPassEventual',
  satisfaction: 'dashSatisfaction',
};

function ProgressSection({
  language,
  data,
  hasRole,
}: {
  language: Lang;
  data: DashboardData;
  hasRole: boolean;
}) {
  const t = inLanguage(translate, language);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.modules.map((row) => row.module) },
      yAxis: [
        { type: 'value', name: t('dashTours'), minInterval: 1 },
        { type: 'value', name: t('dashMinutes'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('dashCompleted'),
          type: 'bar',
          stack: 'tours',
          color: '#1e6b34',
          data: data.modules.map((row) => row.completed),
        },
        {
          name: t('dashInProgress'),
          type: 'bar',
          stack: 'tours',
          color: '#e0a526',
          data: data.modules.map((row) => row.inProgress),
        },
        {
          name: t('dashNotStarted'),
          type: 'bar',
          stack: 'tours',
          color: '#d9dee7',
          data: data.modules.map((row) => row.notStarted),
        },
        {
          name: t('dashTimeSpent'),
          type: 'line',
          yAxisIndex: 1,
          color: '#1d5fbf',
          data: data.modules.map((row) => row.minutes),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, language],
  );
  const total = data.checklist.length;
  const pct = total === 0 ? 0 : Math.round((data.checklistDone / total) * 100);
  return (
    <section className="zy-section" aria-labelledby="zy-progress">
      <h2 id="zy-progress">{t('dashProgress')}</h2>
      <EChart option={option} label={t('dashProgressChart')} testId="chart-modules" />
      <RecordTable
        rows={data.modules}
        testId="modules"
        columns={[
          t('dashModule'),
          t('dashCompleted'),
          t('dashInProgress'),
          t('dashNotStarted'),
          t('dashTimeSpent'),
        ]}
      >
        {(row) => (
          <tr key={row.module} data-module={row.module}>
            <th scope="row">{row.module}</th>
            <td>{row.completed}</td>
            <td>{row.inProgress}</td>
            <td>{row.notStarted}</td>
            <td>
              {row.minutes} {t('dashMinutes')}
            </td>
          </tr>
        )}
      </RecordTable>
      <h3 className="zy-subtitle">{t('dashChecklist')}</h3>
      {!hasRole ? (
        <p className="zy-muted">{t('dashNoRole')}</p>
      ) : (
        <>
          <ProgressBar
            label={t('checklistProgressLabel')}
            percent={pct}
            text={t('checklistProgress', { done: data.checklistDone, total })}
          />
          <p className="zy-muted zy-small" data-testid="dashboard-checklist-count">
            {t('checklistProgress', { done: data.checklistDone, total })}
          </p>
          <ol className="zy-checklist-plain">
            {data.checklist.map((item) => (
              <li key={item.tourId} data-done={item.done}>
                <span aria-hidden="true">{item.done ? '✓' : '○'}</span> {item.title}
                {item.done && <span className="zy-sr-only">（{t('popupCompleted')}）</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function AssessmentSection({
  language,
  tourTitle,
  data,
  onRemedial,
  message,
}: {
  language: Lang;
  tourTitle: ReadonlyMap<string, string>;
  data: DashboardData;
  onRemedial(record: AssessmentRecord): void;
  message: string | null;
}) {
  const t = inLanguage(translate, language);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 96, top: 40, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: [
          ...data.assessments.map((_, index) => `${t('dashPractical')} ${index + 1}`),
          ...data.quizzes.map((_, index) => `${t('dashQuiz')} ${index + 1}`),
        ],
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          name: t('dashScore'),
          type: 'bar',
          data: [
            ...data.assessments.map((record) => ({
              value: record.score?.total ?? 0,
              itemStyle: { color: record.status === 'passed' ? '#1e6b34' : '#c4320a' },
            })),
            ...data.quizzes.map((quiz) => ({
              value: quiz.score.total ?? 0,
              itemStyle: { color: quiz.score.passed ? '#1e6b34' : '#c4320a' },
            })),
          ],
          markLine: {
            symbol: 'none',
            label: { formatter: t('examPassLine', { score: PRACTICAL_PASS_SCORE }) },
            lineStyle: { type: 'dashed', color: '#5c6470' },
            data: [{ yAxis: PRACTICAL_PASS_SCORE }],
          },
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, language],
  );
  const satisfactionOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}：{c}' },
          data: Object.entries(data.satisfactionCounts).map(([name, value]) => ({
            name,
            value,
            itemStyle: { color: SATISFACTION_COLORS[name] ?? '#8a94a6' },
          })),
        },
      ],
    }),
    [data],
  );
  const hasScores = data.assessments.length + data.quizzes.length > 0;
  const answers = Object.values(data.satisfactionCounts).reduce((a, b) => a + b, 0);
  return (
    <section className="zy-section" aria-labelledby="zy-assessments">
      <h2 id="zy-assessments">{t('dashAssessments')}</h2>
      {hasScores ? (
        <EChart option={option} label={t('dashScoresChart')} testId="chart-scores" />
      ) : (
        <p className="zy-muted">{t('dashNoAssessments')}</p>
      )}
      {data.assessments.length > 0 && (
        <RecordTable
          rows={data.assessments}
          testId="assessments"
          caption={t('dashPracticalTable')}
          columns={[
            t('dashboardWhen'),
            t('dashTask'),
            `${t('examSteps')} /40`,
            `${t('examTime')} /30`,
            `${t('examAccuracy')} /30`,
            t('examTotal'),
            t('dashResult'),
            t('dashRemedial'),
          ]}
        >
          {(record) => (
            <tr
              key={record.attemptId}
              data-assessment={record.status}
              data-imported={record.imported ? 'true' : undefined}
            >
              <td className="zy-time">{formatTime(record.startedAt, language)}</td>
              <td>
                {tourTitle.get(record.tourId) ?? record.tourId}
                <ImportedBadge language={language} mark={record.imported} />
              </td>
              <td>{record.score?.stepScore}</td>
              <td>{record.score?.timeScore}</td>
              <td>{record.score?.accuracyScore}</td>
              <td>
                <strong>{record.score?.total}</strong>
              </td>
              <td className={record.status === 'passed' ? 'zy-ok' : 'zy-bad'}>
                {record.status === 'passed' ? t('examPassed') : t('examFailed')}
              </td>
              <td>
                {record.remedialStepIds.length === 0 ? (
                  '—'
                ) : record.remedialCompletedAt !== null ? (
                  t('dashRemedialDone')
                ) : (
                  <button
                    type="button"
                    className="zy-no-print"
                    aria-label={t('dashRemedialLabel', {
                      title: tourTitle.get(record.tourId) ?? record.tourId,
                    })}
                    onClick={() => onRemedial(record)}
                  >
                    {t('examRemedialStart')}
                  </button>
                )}
              </td>
            </tr>
          )}
        </RecordTable>
      )}
      {message && (
        <p role="status" className="zy-note">
          {message}
        </p>
      )}
      {data.quizzes.length > 0 && (
        <RecordTable
          rows={data.quizzes}
          testId="quizzes"
          caption={t('dashQuizTable')}
          columns={[t('dashboardWhen'), t('dashModule'), t('examTotal'), t('dashResult')]}
        >
          {(quiz) => (
            <tr key={quiz.attemptId} data-imported={quiz.imported ? 'true' : undefined}>
              <td className="zy-time">{formatTime(quiz.at, language)}</td>
              <td>
                {quiz.module}
                <ImportedBadge language={language} mark={quiz.imported} />
              </td>
              <td>{quiz.score.total ?? '—'}</td>
              <td className={quiz.score.passed ? 'zy-ok' : 'zy-bad'}>
                {quiz.score.passed === null
                  ? t('dashPending')
                  : quiz.score.passed
                    ? t('examPassed')
                    : t('examFailed')}
              </td>
            </tr>
          )}
        </RecordTable>
      )}
      <h3 className="zy-subtitle">{t('dashSatisfactionTitle')}</h3>
      {answers === 0 ? (
        <p className="zy-muted">{t('dashNoSurveys')}</p>
      ) : (
        <div className="zy-two">
          <EChart
            option={satisfactionOption}
            label={t('dashSatisfactionChart')}
            height={220}
            testId="chart-satisfaction"
          />
          <ul className="zy-list" data-testid="satisfaction">
            {Object.entries(data.satisfactionCounts).map(([level, count]) => (
              <li key={level}>
                <span>{level}</span>
                <span>{count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * 本机导入: a record that came from a progress file, not done on this computer (features/progress/io.ts).
 * Nothing when the record is this machine's own.
 */
function ImportedBadge({ language, mark }: { language: Lang; mark: ImportedMark | undefined }) {
  if (!mark) return null;
  const hint = translate(language, 'dashImportedHint', {
    file: mark.fileName ?? mark.exportedAt,
  });
  return (
    <>
      {' '}
      <span className="zy-badge zy-imported" title={hint} data-testid="imported-badge">
        {translate(language, 'dashImported')}
      </span>
    </>
  );
}

const ACK_RESPONSE: Record<TipAcknowledgementRecord['response'], MessageKey> = {
  acknowledge: 'dashAckAcknowledge',
  snooze: 'dashAckSnooze',
  dismiss: 'dashAckDismiss',
};

/** 必须留存操作记录: the answers to compliance tips, newest first, own and imported told apart. */
function AcknowledgementSection({
  language,
  acks,
}: {
  language: Lang;
  acks: readonly TipAcknowledgementRecord[];
}) {
  const t = inLanguage(translate, language);
  return (
    <section className="zy-section" aria-labelledby="zy-acks">
      <h2 id="zy-acks">{t('dashAcks')}</h2>
      <RecordTable
        rows={acks}
        empty={t('dashNoAcks')}
        testId="acknowledgements"
        columns={[t('dashboardWhen'), t('dashAckTip'), t('dashAckResponse'), t('dashSource')]}
      >
        {(ack) => (
          <tr key={ack.id} data-tip={ack.tipId} data-imported={ack.imported ? 'true' : undefined}>
            <td className="zy-time">{formatTime(ack.at, language)}</td>
            <td>{ack.tipId}</td>
            <td>{t(ACK_RESPONSE[ack.response])}</td>
            <td>
              {ack.imported ? (
                <ImportedBadge language={language} mark={ack.imported} />
              ) : (
                t('dashSourceLocal')
              )}
            </td>
          </tr>
        )}
      </RecordTable>
    </section>
  );
}
