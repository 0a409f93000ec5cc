/**
 * Running a task tour as a practical assessment (实操考核) and as remedial training (补训): which
 * steps each run has, and the exam's timing. Pure functions over the tour format; the background
 * (features/tour/background/sessions.ts) runs the derived tours and features/exam/background/service.ts
 * scores and stores the result with ./scoring.ts.
 *
 * Decisions (the scoring formulas themselves are in ./scoring.ts):
 *
 * - **Exam steps**: an exam is the learner *doing the task*. Explanation steps (`advance: next`,
 *   nothing to do but read) are left out of the exam and out of the score; every other step
 *   (click, input, change, navigation, appear, disappear) is watched with the same advance
 *   condition as in the tour. A tour without any such step is not a task tour and cannot be
 *   taken as an exam.
 * - **No hints**: the exam's steps carry no title and no body; the overlay shows only the task
 *   title, the elapsed time against the limit, 交卷 and 退出.
 * - **Time limit**: the tour's `exam: { timeLimit, targetTime? }` when it has one; otherwise
 *   2 minutes per exam step, at least 5 minutes ({@link DEFAULT_EXAM_MINUTES_PER_STEP},
 *   {@link MIN_DEFAULT_EXAM_MS}); the target time (full 30 time points) defaults to half the
 *   limit (scoring.ts).
 * - **Remedial tour**: the remedial steps (scoring.ts: not completed, wrong actions or inaccurate
 *   data), in tour order, with their full hints, **plus their prerequisites**: every earlier step
 *   that changes the page a later step works on — `click`, `navigation`, `appear`, `disappear`
 *   steps before the last remedial step (opening a form, a dialog, a result). Data entry steps
 *   the learner got right (`input`, `change`) are not repeated, and explanation steps are left
 *   out. A prerequisite step's title says so (前置步骤), so the learner knows it is not one they
 *   failed.
 */
import type { Step, Tour } from '../tour/schema';
import { examTimingOf, type ExamTiming, type TourExamSpec } from './scoring';

export const DEFAULT_EXAM_MINUTES_PER_STEP = 2;
export const MIN_DEFAULT_EXAM_MS = 5 * 60_000;

/** Advance kinds that change what the page shows (a later step may need them done first). */
const PREREQUISITE_KINDS: ReadonlySet<Step['advance']['on']> = new Set([
  'click',
  'navigation',
  'appear',
  'disappear',
]);

/** The learner has something to do on this step (it is not an explanation). */
export function isTaskStep(step: Step): boolean {
  return step.advance.on !== 'next';
}

/** A tour that can be taken as an exam: it has at least one task step. */
export function isExamable(tour: Tour): boolean {
  return tour.steps.some(isTaskStep);
}

/** The tour as an exam: task steps only, without titles or bodies (no hints). */
export function examTourOf(tour: Tour): Tour {
  return {
    ...tour,
    steps: tour.steps.filter(isTaskStep).map((step) => {
      const { title: _title, guard: _guard, ...rest } = step;
      return { ...rest, body: '' };
    }),
  };
}

export function examTimingOfTour(tour: Tour): ExamTiming {
  const spec: TourExamSpec | undefined = tour.exam;
  if (spec) return examTimingOf(spec);
  const steps = tour.steps.filter(isTaskStep).length;
  return {
    timeLimitMs: Math.max(MIN_DEFAULT_EXAM_MS, steps * DEFAULT_EXAM_MINUTES_PER_STEP * 60_000),
  };
}

/** Prefix of a prerequisite step's title in a remedial tour. */
export const PREREQUISITE_PREFIX = '前置步骤：';

/**
 * The remedial tour for `remedialStepIds` (see the module comment), or null when none of the ids
 * is a step of the tour (e.g. the tour changed since the exam).
 */
export function remedialTourOf(tour: Tour, remedialStepIds: readonly string[]): Tour | null {
  const wanted = new Set(remedialStepIds);
  const lastIndex = tour.steps.reduce(
    (last, step, index) => (wanted.has(step.id) ? index : last),
    -1,
  );
  if (lastIndex < 0) return null;
  const steps: Step[] = [];
  tour.steps.forEach((step, index) => {
    if (wanted.has(step.id)) steps.push(step);
    else if (index < lastIndex && PREREQUISITE_KINDS.has(step.advance.on)) {
      steps.push({ ...step, title: `${PREREQUISITE_PREFIX}${step.title ?? step.id}` });
    }
  });
  return { ...tour, steps };
}

/** What the page is told about a step effect in an exam: see {@link examPageEffect}. */
export type FreshOnly = { freshOnly?: true };

/**
 * A step effect as an exam sends it to the page: `freshOnly` on the effects that begin a step
 * (`resolve-target`, `show-step`) and on the `watch-element` of an `appear` / `disappear` step,
 * so the page counts only what the learner does after the step began — an element appearing or
 * disappearing then, a value entered then — never an end state already on the page
 * (features/tour/content/step-dom.ts `watchStepElement`, lib/locate/field-value.ts `watchFieldValue`). A click
 * step's confirmation signal (`confirmsClick`) is watched after the click and counts as it is.
 * Training runs keep the friendly behaviour: a step already satisfied may advance at once.
 */
export function examPageEffect<E extends { type: string; confirmsClick?: true }>(
  effect: E,
): E & FreshOnly {
  const begins = effect.type === 'resolve-target' || effect.type === 'show-step';
  const watches = effect.type === 'watch-element' && effect.confirmsClick === undefined;
  return begins || watches ? { ...effect, freshOnly: true } : effect;
}
