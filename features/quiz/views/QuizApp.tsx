import bundledArticles from 'virtual:zhiyin-help';
import bundledQuizzes from 'virtual:zhiyin-quizzes';
import bundledTours from 'virtual:zhiyin-tours';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { mergeHelp, mergeQuizzes, mergeTours } from '../../packs/catalog';
import type { PackContent } from '../../packs/validate';
import { fetchPackContents } from '../../packs/views/use-pack-content';
import { type QuizResultRecord } from '../records';
import { localizedTour } from '../../help/docs';
import { localizedArticle } from '../../help/schema';
import { sendMessage } from '../../../app/protocol';
import { formatTime } from '../../progress/views/activity-text';
import { usePreferences } from '../../../components/use-preferences';
import { quizText, type QuizMessageKey } from '../i18n';
import {
  QUIZ_PASS_SCORE,
  localizedQuiz,
  quizSections,
  type LocalizedChoiceQuestion,
  type LocalizedQuestion,
  type LocalizedShortQuestion,
  type QuizFile,
  type QuizFileQuestion,
} from '../schema';
import { Markdown } from '../../../components/markdown/Markdown';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTable } from '../../../components/Records';

type View =
  | { kind: 'list' }
  | { kind: 'answer'; quiz: QuizFile; startedAt: number }
  | { kind: 'result'; quiz: QuizFile; record: QuizResultRecord };

const round1 = (value: number) => Math.round(value * 10) / 10;

/** When an attempt starts (event handlers only). */
const clock = () => Date.now();

/** The quiz asked for in the address (`?quiz=<id>`), if it is one of `quizzes`. */
function wantedQuiz(quizzes: readonly QuizFile[]): QuizFile | undefined {
  const wanted = new URLSearchParams(location.search).get('quiz');
  return quizzes.find((candidate) => candidate.id === wanted);
}

function initialView(): View {
  const quiz = wantedQuiz(bundledQuizzes);
  return quiz ? { kind: 'answer', quiz, startedAt: Date.now() } : { kind: 'list' };
}

/** 知识测验: pick a module, answer, submit; graded and stored by the background. */
export function QuizApp() {
  const prefs = usePreferences();
  const t = (key: QuizMessageKey, params?: Record<string, string | number>) =>
    quizText(prefs.language, key, params);
  const [view, setView] = useState<View>(initialView);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<QuizResultRecord[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Bundled quizzes, articles and tours with the content packs applied (features/packs): a
  // pack's quiz is listed and taken like a bundled one, and graded by the background's copy.
  const [packs, setPacks] = useState<PackContent[]>([]);
  useEffect(() => {
    let current = true;
    void fetchPackContents().then((next) => {
      if (!current) return;
      setPacks(next);
      // `?quiz=` naming a pack's quiz: open it now that the packs are known.
      const quiz = wantedQuiz(mergeQuizzes(bundledQuizzes, next));
      setView((view) =>
        view.kind === 'list' && quiz ? { kind: 'answer', quiz, startedAt: clock() } : view,
      );
    });
    return () => {
      current = false;
    };
  }, []);
  const { quizzes, articleById, tourById } = useMemo(() => {
    const applied = packs;
    return {
      quizzes: mergeQuizzes(bundledQuizzes, applied),
      articleById: new Map(mergeHelp(bundledArticles, applied).map((a) => [a.id, a])),
      tourById: new Map(mergeTours(bundledTours, applied).map((tour) => [tour.id, tour])),
    };
  }, [packs]);

  const loadResults = () =>
    void sendMessage('page:listQuizResults')
      .then(setResults)
      .catch(() => setResults([]));
  useEffect(loadResults, []);

  // A new view gets the keyboard focus on its heading (screen readers announce where they are).
  const viewKey = view.kind === 'list' ? 'list' : `${view.kind}:${view.quiz.id}`;
  useEffect(() => {
    headingRef.current?.focus();
  }, [viewKey]);

  useEffect(() => {
    document.title = `${prefs.language === 'en' ? 'Zhiyin' : '指引'} · ${t('pageTitle')}`;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefs.language]);

  const start = (quiz: QuizFile) => {
    setAnswers({});
    setTexts({});
    setProblem(null);
    setView({ kind: 'answer', quiz, startedAt: clock() });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (view.kind !== 'answer' || busy) return;
    const missing = view.quiz.questions
      .map((question, index) => ({ question, index }))
      .filter(({ question }) =>
        question.kind === 'short'
          ? (texts[question.id]?.trim() ?? '') === ''
          : (answers[question.id]?.length ?? 0) === 0,
      );
    if (missing.length > 0) {
      setProblem(
        t('unanswered', {
          n: missing.length,
          list: missing.map(({ index }) => index + 1).join(prefs.language === 'en' ? ', ' : '、'),
        }),
      );
      const first = missing[0];
      if (first)
        document
          .querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="q-${first.question.id}"]`)
          ?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const record = await sendMessage('page:submitQuiz', {
        quizId: view.quiz.id,
        answers: { ...answers, ...texts },
        ms: clock() - view.startedAt,
      });
      setView({ kind: 'result', quiz: view.quiz, record });
      loadResults();
    } catch (error) {
      setProblem(
        t('submitFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const toggle = (questionId: string, optionId: string, kind: 'single' | 'multiple') =>
    setAnswers((current) => {
      if (kind === 'single') return { ...current, [questionId]: [optionId] };
      const chosen = new Set(current[questionId] ?? []);
      if (chosen.has(optionId)) chosen.delete(optionId);
      else chosen.add(optionId);
      return { ...current, [questionId]: [...chosen].sort() };
    });

  const header = (
    <PageHeader>
      <span>{t('pageTitle')}</span>
    </PageHeader>
  );

  if (view.kind === 'list') {
    return (
      <main className="zy-quiz">
        {header}
        <section className="zy-section">
          <h1 ref={headingRef} tabIndex={-1}>
            {t('modules')}
          </h1>
          <p className="zy-muted">{t('intro')}</p>
        </section>
        <ul className="zy-quiz-modules">
          {quizzes.map((quiz) => {
            const text = localizedQuiz(quiz, prefs.language);
            // Best score of this computer's own attempts: an imported result (本机导入, from a
            // progress file anyone can write) is listed in the history, never a pass here.
            const mine = results.filter(
              (record) => record.quizId === quiz.id && record.imported === undefined,
            );
            const short = quiz.questions.filter(
              (question: QuizFileQuestion) => question.kind === 'short',
            ).length;
            const best = mine.reduce<number | null>(
              (top, record) => Math.max(top ?? 0, record.score.total ?? 0),
              null,
            );
            return (
              <li key={quiz.id} className="zy-quiz-module" data-quiz={quiz.id}>
                <h2>{text.title}</h2>
                <p>{text.summary}</p>
                <p className="zy-muted">
                  {short > 0 && short < quiz.questions.length
                    ? t('questionsBoth', { choice: quiz.questions.length - short, short })
                    : t('questions', { n: quiz.questions.length })}{' '}
                  ·{' '}
                  {best === null ? (
                    t('never')
                  ) : (
                    <>
                      {t('best', { score: best })}{' '}
                      <span
                        className={`zy-badge ${best >= QUIZ_PASS_SCORE ? 'zy-badge-ok' : 'zy-badge-off'}`}
                      >
                        {best >= QUIZ_PASS_SCORE ? t('passedBadge') : t('failedBadge')}
                      </span>
                    </>
                  )}
                </p>
                <button
                  type="button"
                  className="zy-primary"
                  aria-label={`${best === null ? t('start') : t('again')}：${text.title}`}
                  onClick={() => start(quiz)}
                >
                  {best === null ? t('start') : t('again')}
                </button>
              </li>
            );
          })}
        </ul>
      </main>
    );
  }

  const text = localizedQuiz(view.quiz, prefs.language);
  const history = results.filter((record) => record.quizId === view.quiz.id);
  const sections = quizSections(view.quiz);
  const listSeparator = prefs.language === 'en' ? '; ' : '；';
  const colon = prefs.language === 'en' ? ': ' : '：';
  const optionText = (question: LocalizedChoiceQuestion, ids: readonly string[]) => {
    if (ids.length === 0) return t('noAnswer');
    return ids
      .map((id) => {
        const option = question.options.find((candidate) => candidate.id === id);
        return option ? `${id.toUpperCase()}. ${option.text}` : id;
      })
      .join(listSeparator);
  };
  // Questions keep the file's order (choice first, the schema checks it) and numbering.
  const numbered = text.questions.map((question, index) => ({ question, n: index + 1 }));
  const choiceQuestions = numbered.filter(
    (entry): entry is { question: LocalizedChoiceQuestion; n: number } =>
      entry.question.kind !== 'short',
  );
  const shortQuestions = numbered.filter(
    (entry): entry is { question: LocalizedShortQuestion; n: number } =>
      entry.question.kind === 'short',
  );
  const shortPointsTotal = view.quiz.questions.reduce(
    (sum, question) => (question.kind === 'short' ? sum + (question.points ?? 1) : sum),
    0,
  );
  /** A short question's share of the 简答题 section, in exam points. */
  const shortWorth = (questionId: string) => {
    const question = view.quiz.questions.find((candidate) => candidate.id === questionId);
    return shortPointsTotal > 0
      ? round1((sections.short * (question?.points ?? 1)) / shortPointsTotal)
      : 0;
  };
  const sectionHeading = (kind: 'choice' | 'short') => {
    if (sections.choice === 0 || sections.short === 0)
      return kind === 'short' ? t('sectionShortOnly', { points: sections.short }) : null;
    return kind === 'choice'
      ? t('sectionChoice', { points: sections.choice })
      : t('sectionShort', { points: sections.short });
  };

  /** The choice section, then the short-answer section, each under its heading when it has questions. */
  const questionSections = (
    renderChoice: (question: LocalizedChoiceQuestion, n: number) => ReactNode,
    renderShort: (question: LocalizedShortQuestion, n: number) => ReactNode,
  ) => (
    <>
      {choiceQuestions.length > 0 && (
        <>
          {sectionHeading('choice') && (
            <h2 className="zy-quiz-section">{sectionHeading('choice')}</h2>
          )}
          <ol className="zy-quiz-questions">
            {choiceQuestions.map(({ question, n }) => renderChoice(question, n))}
          </ol>
        </>
      )}
      {shortQuestions.length > 0 && (
        <>
          <h2 className="zy-quiz-section">{sectionHeading('short')}</h2>
          <ol className="zy-quiz-questions">
            {shortQuestions.map(({ question, n }) => renderShort(question, n))}
          </ol>
        </>
      )}
    </>
  );

  const learnLinks = (question: LocalizedQuestion) => (
    <div className="zy-quiz-learn">
      <p>{t('learnMore')}</p>
      <ul>
        {question.learn.tours.map((tourId) => {
          const tour = tourById.get(tourId);
          return (
            <li key={tourId} data-learn-tour={tourId}>
              {t('tourLabel')}
              {colon}
              <strong>{tour ? localizedTour(tour, prefs.language).title : tourId}</strong>
              <span className="zy-muted"> — {t('tourHint')}</span>
            </li>
          );
        })}
        {question.learn.articles.map((articleId) => {
          const article = articleById.get(articleId);
          if (!article) return null;
          const articleText = localizedArticle(article, prefs.language);
          return (
            <li key={articleId} data-learn-article={articleId}>
              <details>
                <summary>
                  {t('articleLabel')}
                  {colon}
                  {articleText.title}
                </summary>
                <div className="zy-markdown">
                  <Markdown source={articleText.body} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );

  /** A question's legend: its number, its kind (and worth), then the prompt. */
  const questionLegend = (n: number, kind: string, prompt: string) => (
    <legend>
      <span className="zy-quiz-number">{t('questionNo', { n })}</span>{' '}
      <span className="zy-muted">（{kind}）</span>
      <br />
      {prompt}
    </legend>
  );

  const choiceField = (question: LocalizedChoiceQuestion, n: number) => (
    <li key={question.id}>
      <fieldset data-question={question.id}>
        {questionLegend(
          n,
          question.kind === 'single' ? t('single') : t('multiple'),
          question.prompt,
        )}
        {question.options.map((option) => {
          const checked = answers[question.id]?.includes(option.id) ?? false;
          return (
            <label key={option.id} className="zy-quiz-option">
              <input
                type={question.kind === 'single' ? 'radio' : 'checkbox'}
                name={`q-${question.id}`}
                value={option.id}
                checked={checked}
                onChange={() => toggle(question.id, option.id, question.kind)}
              />
              <span>
                {option.id.toUpperCase()}. {option.text}
              </span>
            </label>
          );
        })}
      </fieldset>
    </li>
  );

  const shortField = (question: LocalizedShortQuestion, n: number) => (
    <li key={question.id}>
      <fieldset data-question={question.id}>
        {questionLegend(n, t('short', { points: shortWorth(question.id) }), question.prompt)}
        <p className="zy-muted zy-quiz-short-hint" id={`zy-hint-${question.id}`}>
          {t('shortHint')}
        </p>
        <textarea
          className="zy-quiz-short"
          name={`q-${question.id}`}
          aria-label={t('shortLabel', { n })}
          aria-describedby={`zy-hint-${question.id}`}
          rows={4}
          maxLength={1000}
          value={texts[question.id] ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTexts((current) => ({ ...current, [question.id]: value }));
          }}
        />
      </fieldset>
    </li>
  );

  const choiceFeedback = (question: LocalizedChoiceQuestion, n: number) => {
    if (view.kind !== 'result') return null;
    const result = view.record.score.questions.find(
      (candidate) => candidate.questionId === question.id,
    );
    const stored = view.record.answers[question.id];
    const chosen = stored === undefined ? [] : typeof stored === 'string' ? [stored] : [...stored];
    const state = result?.correct ? 'correct' : (result?.points ?? 0) > 0 ? 'partial' : 'wrong';
    return (
      <li key={question.id}>
        <section
          className={`zy-quiz-feedback is-${state}`}
          data-question={question.id}
          data-outcome={state}
          aria-labelledby={`zy-q-${question.id}`}
        >
          <h2 id={`zy-q-${question.id}`}>
            <span className="zy-quiz-number">{t('questionNo', { n })}</span>{' '}
            <span className="zy-quiz-state">{t(state)}</span>
          </h2>
          <p>{question.prompt}</p>
          <p>
            {t('yourAnswer')}
            {optionText(question, chosen)}
          </p>
          {state !== 'correct' && (
            <p className="zy-quiz-right">
              {t('rightAnswer')}
              {optionText(question, question.answer)}
            </p>
          )}
          <p className="zy-muted">{question.explanation}</p>
          {state !== 'correct' && learnLinks(question)}
        </section>
      </li>
    );
  };

  const shortFeedback = (question: LocalizedShortQuestion, n: number) => {
    if (view.kind !== 'result') return null;
    const stored = view.record.answers[question.id];
    const written = typeof stored === 'string' ? stored : '';
    const found = new Set(view.record.shortAnswerPoints?.[question.id] ?? []);
    const total = question.keyPoints.reduce((sum, point) => sum + point.weight, 0);
    const covered = question.keyPoints.reduce(
      (sum, point) => (found.has(point.id) ? sum + point.weight : sum),
      0,
    );
    const foundCount = question.keyPoints.filter((point) => found.has(point.id)).length;
    const state =
      foundCount === question.keyPoints.length ? 'correct' : foundCount > 0 ? 'partial' : 'wrong';
    const worth = shortWorth(question.id);
    return (
      <li key={question.id}>
        <section
          className={`zy-quiz-feedback is-${state}`}
          data-question={question.id}
          data-outcome={state}
          aria-labelledby={`zy-q-${question.id}`}
        >
          <h2 id={`zy-q-${question.id}`}>
            <span className="zy-quiz-number">{t('questionNo', { n })}</span>{' '}
            <span className="zy-quiz-state">
              {t(
                state === 'correct' ? 'shortAll' : state === 'partial' ? 'shortSome' : 'shortNone',
              )}
            </span>
          </h2>
          <p>{question.prompt}</p>
          <p>{t('yourAnswer')}</p>
          <blockquote className="zy-quiz-written">{written || t('noAnswer')}</blockquote>
          <p className="zy-quiz-short-score" data-short-score>
            {t('shortScore', {
              score: total > 0 ? round1((worth * covered) / total) : 0,
              max: worth,
              found: foundCount,
              count: question.keyPoints.length,
              covered,
              total,
            })}
          </p>
          <p>{t('keyPoints')}</p>
          <ul className="zy-quiz-points">
            {question.keyPoints.map((point) => {
              const hit = found.has(point.id);
              return (
                <li
                  key={point.id}
                  data-key-point={point.id}
                  data-found={hit ? 'yes' : 'no'}
                  className={hit ? 'is-found' : 'is-missing'}
                >
                  <span className="zy-quiz-point-mark" aria-hidden="true">
                    {hit ? '✓' : '✗'}
                  </span>{' '}
                  <span className="zy-quiz-point-state">
                    {hit ? t('pointFound') : t('pointMissing')}
                  </span>
                  {colon}
                  {point.label}
                  <span className="zy-muted"> {t('pointWeight', { weight: point.weight })}</span>
                </li>
              );
            })}
          </ul>
          <div className="zy-quiz-reference" data-reference>
            <p className="zy-quiz-right">{t('reference')}</p>
            <p>{question.reference}</p>
          </div>
          <p className="zy-muted">{t('shortNote')}</p>
          {state !== 'correct' && learnLinks(question)}
        </section>
      </li>
    );
  };

  const verdictScore = view.kind === 'result' ? view.record.score : null;

  return (
    <main className="zy-quiz">
      {header}
      <section className="zy-section">
        <button type="button" className="zy-link-button" onClick={() => setView({ kind: 'list' })}>
          ← {t('back')}
        </button>
        <h1 ref={headingRef} tabIndex={-1}>
          {text.title}
        </h1>
        <p className="zy-muted">{text.summary}</p>
      </section>

      {view.kind === 'answer' && (
        <form onSubmit={(event) => void submit(event)} noValidate data-quiz-form={view.quiz.id}>
          {questionSections(choiceField, shortField)}
          <div className="zy-section" aria-live="polite">
            {problem && (
              <p role="alert" className="zy-quiz-problem">
                {problem}
              </p>
            )}
            <button type="submit" className="zy-primary" disabled={busy}>
              {busy ? t('submitting') : t('submit')}
            </button>
          </div>
        </form>
      )}

      {view.kind === 'result' && verdictScore && (
        <>
          <section
            className={`zy-section zy-quiz-verdict ${verdictScore.passed ? 'is-pass' : 'is-fail'}`}
            role="status"
            data-quiz-result={verdictScore.passed ? 'passed' : 'failed'}
          >
            <p>
              <strong>
                {t(verdictScore.passed ? 'pass' : 'fail', {
                  score: verdictScore.total ?? 0,
                  pass: QUIZ_PASS_SCORE,
                })}
              </strong>
            </p>
            {sections.choice > 0 && sections.short > 0 && (
              <p data-section-scores>
                {t('sectionScores', {
                  choice: verdictScore.choiceScore ?? 0,
                  choiceMax: sections.choice,
                  short: verdictScore.shortAnswerScore ?? 0,
                  shortMax: sections.short,
                })}
              </p>
            )}
            <p className="zy-muted">{t('saved')}</p>
            <button type="button" className="zy-primary" onClick={() => start(view.quiz)}>
              {t('retry')}
            </button>
          </section>
          {questionSections(choiceFeedback, shortFeedback)}
        </>
      )}

      <section className="zy-section" aria-labelledby="zy-quiz-history">
        <h2 id="zy-quiz-history">{t('history')}</h2>
        <RecordTable
          rows={history}
          empty={t('historyEmpty')}
          testId="quiz-history"
          columns={[t('attemptAt'), t('attemptScore'), t('attemptResult')]}
        >
          {(record) => (
            <tr key={record.attemptId} data-imported={record.imported ? 'true' : undefined}>
              <td className="zy-time">{formatTime(record.at, prefs.language)}</td>
              <td>{record.score.total ?? '—'}</td>
              <td>
                {record.score.passed ? t('passedBadge') : t('failedBadge')}
                {record.imported && (
                  <>
                    {' '}
                    <span className="zy-badge zy-badge-off">{t('importedBadge')}</span>
                  </>
                )}
              </td>
            </tr>
          )}
        </RecordTable>
      </section>
    </main>
  );
}
