/**
 * The dashboard's figures, computed from the local records (pure: no Dexie, no React), so the same
 * code is unit-tested and benchmarked (bench/dashboard).
 */
import {
  passRate,
  practicalCompletionRate,
  satisfactionRate,
  type Indicator,
} from '../exam/indicators';
import type { Checklists } from '../checklist/schema';
import type { AssessmentRecord } from '../exam/records';
import type { QuizResultRecord } from '../quiz/records';
import type { SurveyAnswerRecord } from '../survey/records';
import type { TourEventRecord, TourProgressRecord } from '../tour/records';
import type { Role } from '../profile/roles';
import { TOUR_MODULES, type Tour, type TourModule } from '../tour/schema';
import type { ActivityRecord } from '../progress/records';
import { pagePath } from '../progress/views/activity-text';

export interface DashboardInput {
  role: Role | null;
  tours: readonly Pick<Tour, 'id' | 'title' | 'module' | 'audience'>[];
  checklists: Checklists;
  progress: readonly TourProgressRecord[];
  /** Only `finished` and `abandoned` events are needed (they carry a run's duration). */
  runEvents: readonly Pick<TourEventRecord, 'tourId' | 'kind' | 'ms'>[];
  assessments: readonly AssessmentRecord[];
  quizzes: readonly QuizResultRecord[];
  surveys: readonly SurveyAnswerRecord[];
}

export interface ModuleRow {
  module: TourModule;
  completed: number;
  inProgress: number;
  notStarted: number;
  /** Minutes spent in this module's tours and assessments. */
  minutes: number;
}

export interface DashboardData {
  modules: ModuleRow[];
  checklist: { tourId: string; title: string; done: boolean }[];
  checklistDone: number;
  totalMinutes: number;
  indicators: Indicator[];
  /** Finished assessments, oldest first. */
  assessments: AssessmentRecord[];
  quizzes: QuizResultRecord[];
  satisfactionCounts: Record<string, number>;
}

const LEARNER = 'me';
const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

export function dashboardData(input: DashboardInput): DashboardData {
  const tourById = new Map(input.tours.map((tour) => [tour.id, tour]));
  const statusById = new Map(input.progress.map((row) => [row.tourId, row.status]));
  const mine = input.tours.filter(
    (tour) => input.role === null || tour.audience.includes(input.role),
  );

  const msByModule = new Map<TourModule, number>();
  const addTime = (tourId: string, ms: number | null) => {
    const module = tourById.get(tourId)?.module;
    if (!module || !ms || ms < 0) return;
    msByModule.set(module, (msByModule.get(module) ?? 0) + ms);
  };
  for (const event of input.runEvents)
    if (event.kind === 'finished' || event.kind === 'abandoned') addTime(event.tourId, event.ms);
  for (const record of input.assessments)
    if (record.endedAt !== null) addTime(record.tourId, record.endedAt - record.startedAt);

  const modules: ModuleRow[] = TOUR_MODULES.map((module) => {
    const list = mine.filter((tour) => tour.module === module);
    const completed = list.filter((tour) => statusById.get(tour.id) === 'completed').length;
    const started = list.filter((tour) => {
      const status = statusById.get(tour.id);
      return status !== undefined && status !== 'completed';
    }).length;
    return {
      module,
      completed,
      inProgress: started,
      notStarted: list.length - completed - started,
      minutes: minutes(msByModule.get(module) ?? 0),
    };
  });

  const items = input.role ? (input.checklists[input.role] ?? []) : [];
  const checklist = items.map((item) => ({
    tourId: item.tourId,
    title: tourById.get(item.tourId)?.title ?? item.tourId,
    done: statusById.get(item.tourId) === 'completed',
  }));

  const finished = input.assessments
    .filter((record) => record.status === 'passed' || record.status === 'failed')
    .sort((a, b) => a.startedAt - b.startedAt);
  // Pass rates count only this machine's own results: an imported exam or quiz (本机导入, from a
  // file anyone can write) is shown, never counted as passed here.
  const pass = passRate([
    ...finished
      .filter((record) => record.imported === undefined)
      .map((record) => ({
        learnerId: LEARNER,
        assessmentId: `practical:${record.tourId}`,
        passed: record.status === 'passed',
        at: record.startedAt,
      })),
    ...input.quizzes
      .filter((quiz) => quiz.score.passed !== null && quiz.imported === undefined)
      .map((quiz) => ({
        learnerId: LEARNER,
        assessmentId: `quiz:${quiz.quizId}`,
        passed: quiz.score.passed === true,
        at: quiz.at,
      })),
  ]);
  const satisfaction = satisfactionRate(input.surveys.map((answer) => answer.rating));
  const completion = practicalCompletionRate(
    checklist.map((item) => ({ learnerId: LEARNER, tourId: item.tourId, completed: item.done })),
  );

  return {
    modules,
    checklist,
    checklistDone: checklist.filter((item) => item.done).length,
    totalMinutes: minutes([...msByModule.values()].reduce((sum, ms) => sum + ms, 0)),
    indicators: [completion, pass.firstAttempt, pass.eventual, satisfaction],
    assessments: finished,
    quizzes: [...input.quizzes].sort((a, b) => a.at - b.at),
    satisfactionCounts: satisfaction.counts,
  };
}

/** A page of the host system and how often the learner visited it. */
export interface VisitedPage {
  path: string;
  title: string;
  visits: number;
}

/** The `count` most visited pages among `page-visited` activity records. */
export function topVisitedPages(
  visits: readonly Pick<ActivityRecord, 'url' | 'title'>[],
  count: number,
): VisitedPage[] {
  const counts = new Map<string, VisitedPage>();
  for (const record of visits) {
    const path = pagePath(record.url);
    const entry = counts.get(path) ?? { path, title: record.title ?? '', visits: 0 };
    entry.visits += 1;
    counts.set(path, entry);
  }
  return [...counts.values()].sort((a, b) => b.visits - a.visits).slice(0, count);
}
