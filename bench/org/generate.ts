/**
 * Realistic statements for the organisation benchmark, built with the project's own statement
 * builders (features/xapi/statements.ts), so they are exactly what learners' browsers send.
 *
 * Each learner (fixed seed): a department and a role; over four weeks, the tours of the role's
 * checklist (attempted, a few steps experienced, completed — about 93% of them), one written test
 * of a module and one practical exam of a task tour (with a retake after a failure, most of the
 * time), satisfaction answers, and step statements up to exactly `perLearner` statements.
 */
import { createStatementFactory } from '../../features/xapi/statements';
import type { XapiStatement } from '../../features/xapi/types';
import type { PracticalScore } from '../../features/exam/scoring';
import type { WrittenScore } from '../../features/quiz/grading';
import type { SatisfactionLevel } from '../../features/exam/indicators';
import type { Catalog } from '../../features/org/evaluate';

export const DEPARTMENTS = [
  '办公室',
  '行政审批科',
  '政务服务中心',
  '信息中心',
  '财政局',
  '社保中心',
  '城关镇',
  '东湖街道',
] as const;

export const HOME_PAGE = 'https://oa.example.gov.cn';
/** Start of the generated period: Monday 2 November 2026, 09:00 China Standard Time. */
export const PERIOD_START = Date.parse('2026-11-02T09:00:00+08:00');

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function practical(total: number): PracticalScore {
  const passed = total >= 80;
  return {
    stepScore: Math.min(40, Math.round(total * 0.4 * 10) / 10),
    timeScore: Math.min(30, Math.round(total * 0.3 * 10) / 10),
    accuracyScore: Math.min(30, Math.round(total * 0.3 * 10) / 10),
    total,
    passed,
    finished: true,
    timedOut: false,
    elapsedMs: 240_000,
    accuracyApplicable: true,
    perStep: [],
    remedialStepIds: passed ? [] : ['fill-title'],
  };
}

function written(total: number): WrittenScore {
  return {
    choiceScore: Math.round(total * 0.6 * 10) / 10,
    shortAnswerScore: Math.round(total * 0.4 * 10) / 10,
    pending: false,
    total,
    passed: total >= 80,
    questions: [],
  };
}

export interface GeneratedLearner {
  account: string;
  department: string;
  role: string;
  statements: XapiStatement[];
}

export function generateLearners(
  count: number,
  catalog: Catalog,
  options: { perLearner?: number; seed?: number } = {},
): GeneratedLearner[] {
  const perLearner = options.perLearner ?? 60;
  const random = mulberry32(options.seed ?? 20261102);
  const roles = Object.keys(catalog.checklists);
  const tourById = new Map(catalog.tours.map((tour) => [tour.id, tour]));
  const learners: GeneratedLearner[] = [];
  let uuidCounter = 0;
  const uuid = () => {
    uuidCounter += 1;
    const hex = uuidCounter.toString(16).padStart(12, '0');
    return `0b0e0000-0000-4000-8000-${hex}`;
  };
  for (let i = 0; i < count; i += 1) {
    const account = `staff-${String(i + 1).padStart(5, '0')}`;
    const department = DEPARTMENTS[i % DEPARTMENTS.length] ?? '办公室';
    const role = roles[Math.floor(random() * roles.length)] ?? roles[0] ?? '业务操作人员';
    const factory = createStatementFactory(
      { homePage: HOME_PAGE, accountName: account, department, role },
      { uuid },
    );
    const statements: XapiStatement[] = [];
    let at = PERIOD_START + Math.floor(random() * 3 * 86_400_000);
    const tick = () => (at += 60_000 + Math.floor(random() * 6 * 3_600_000));
    const checklist = catalog.checklists[role] ?? [];
    for (const tourId of checklist) {
      const tour = tourById.get(tourId);
      if (!tour) continue;
      const registration = uuid();
      const base = { tourId, tourTitle: tour.title, registration };
      statements.push(factory.tourAttempted({ ...base, at: tick() }));
      statements.push(
        factory.stepExperienced({ ...base, stepId: 'open', durationMs: 8_000, at: tick() }),
      );
      if (random() < 0.93)
        statements.push(factory.tourCompleted({ ...base, durationMs: 95_000, at: tick() }));
    }
    // Written test of a module, retaken after a failure most of the time.
    const quiz = catalog.quizzes[Math.floor(random() * catalog.quizzes.length)];
    if (quiz) {
      const first = 60 + Math.round(random() * 400) / 10;
      const quizEvent = { quizId: quiz.id, quizTitle: quiz.title, registration: uuid() };
      statements.push(
        factory.writtenTestAssessed({ ...quizEvent, score: written(first), at: tick() }),
      );
      if (first < 80 && random() < 0.8)
        statements.push(
          factory.writtenTestAssessed({
            ...quizEvent,
            registration: uuid(),
            score: written(80 + Math.round(random() * 200) / 10),
            at: tick(),
          }),
        );
    }
    // Practical exam of the last checklist tour.
    const examTour = tourById.get(checklist[checklist.length - 1] ?? '');
    if (examTour) {
      const first = 65 + Math.round(random() * 350) / 10;
      const exam = { tourId: examTour.id, tourTitle: examTour.title };
      statements.push(
        factory.practicalAssessed({
          ...exam,
          registration: uuid(),
          score: practical(first),
          at: tick(),
        }),
      );
      if (first < 80 && random() < 0.7)
        statements.push(
          factory.practicalAssessed({
            ...exam,
            registration: uuid(),
            score: practical(82),
            at: tick(),
          }),
        );
      const levels: SatisfactionLevel[] = [
        '非常满意',
        '满意',
        '满意',
        '非常满意',
        '一般',
        '满意',
        '非常满意',
        '满意',
        '满意',
        '非常满意',
        '不满意',
      ];
      for (const subjectTour of [checklist[0], examTour.id]) {
        const tour = tourById.get(subjectTour ?? '');
        if (!tour) continue;
        statements.push(
          factory.surveyAnswered({
            surveyId: 'satisfaction',
            surveyTitle: '培训满意度调查',
            response: levels[Math.floor(random() * levels.length)] ?? '满意',
            about: {
              objectType: 'Activity',
              id: `${catalog.activityBase}activities/tour/${tour.id}`,
            },
            at: tick(),
          }),
        );
      }
    }
    // Step statements fill up to perLearner (they are most of a real learner's statements).
    const stepTour = tourById.get(checklist[0] ?? '');
    while (statements.length < perLearner && stepTour) {
      statements.push(
        factory.stepExperienced({
          tourId: stepTour.id,
          tourTitle: stepTour.title,
          stepId: `step-${statements.length}`,
          durationMs: 5_000,
          at: tick(),
        }),
      );
    }
    learners.push({ account, department, role, statements: statements.slice(0, perLearner) });
  }
  return learners;
}
