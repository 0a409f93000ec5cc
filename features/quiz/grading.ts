/**
 * Written test (笔试) grading, as the training plan (七、效果评估) sets it: choice questions 60
 * points + short answers 40 points, pass at 80.
 *
 * Choice questions are graded here. Short answers arrive as grades: the quiz page's background
 * route grades them automatically by weighted key points (要点, features/quiz/short-answer.ts) and passes
 * those grades in; a caller without grades for every short answer (a trainer grading by hand) gets
 * a `pending` result with no total — this function never guesses a short-answer score.
 *
 * Section scores:
 *   choice = 60 × Σ earned choice points / Σ choice points
 *   short  = 40 × Σ graded points / Σ short-answer points
 * A question's `points` defaults to 1, so questions weigh equally unless the quiz says otherwise.
 * A quiz without short-answer questions (a self-check) scales its choice section to 100; a quiz
 * with only short answers scales that section to 100. Total = sum of the sections rounded to one
 * decimal; passed = total ≥ 80.
 *
 * Multiple choice partial credit (多选题), default rule `half`, the usual rule of Chinese exams:
 * exactly the right options → full points; only right options but not all of them (少选) → half;
 * any wrong option (错选) or nothing → 0. Other rules: `none` (all or nothing) and `proportional`
 * ((right picked − wrong picked) / right options, never below 0).
 */

export const WRITTEN_WEIGHTS = { choice: 60, shortAnswer: 40 } as const;
export const WRITTEN_PASS_SCORE = 80;

export type PartialCreditRule = 'half' | 'none' | 'proportional';

export interface ChoiceOption {
  id: string;
  text: string;
}

export interface SingleChoiceQuestion {
  id: string;
  kind: 'single';
  prompt: string;
  options: ChoiceOption[];
  answer: string;
  points?: number;
}

export interface MultipleChoiceQuestion {
  id: string;
  kind: 'multiple';
  prompt: string;
  options: ChoiceOption[];
  answer: string[];
  points?: number;
  /** Overrides the quiz's rule for this question. */
  partialCredit?: PartialCreditRule;
}

export interface ShortAnswerQuestion {
  id: string;
  kind: 'short';
  prompt: string;
  /** Maximum points a grader can give. */
  points: number;
  /** Reference answer for the grader. */
  reference?: string;
}

export type QuizQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | ShortAnswerQuestion;

export interface Quiz {
  id: string;
  title: string;
  questions: QuizQuestion[];
  /** Default multiple-choice rule; `half` when absent. */
  partialCredit?: PartialCreditRule;
}

/** The learner's answers by question id: option ids for choice questions, text for short ones. */
export type QuizAnswers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Points a grader gave to short answers, by question id. */
export type ShortAnswerGrades = Readonly<Record<string, number | undefined>>;

export interface QuestionResult {
  questionId: string;
  kind: QuizQuestion['kind'];
  maxPoints: number;
  /** null: a short answer not graded yet. */
  points: number | null;
  correct: boolean | null;
}

export interface WrittenScore {
  /** null when the quiz has no choice question. */
  choiceScore: number | null;
  /** null when not all short answers are graded, or the quiz has none. */
  shortAnswerScore: number | null;
  /** Some short answers still need a grader. */
  pending: boolean;
  total: number | null;
  passed: boolean | null;
  questions: QuestionResult[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Check a quiz's structure; returns problems for the quiz author (empty = fine). */
export function quizProblems(quiz: Quiz): string[] {
  const problems: string[] = [];
  if (quiz.questions.length === 0) problems.push('a quiz needs at least one question');
  const ids = new Set<string>();
  for (const question of quiz.questions) {
    if (ids.has(question.id)) problems.push(`duplicate question id "${question.id}"`);
    ids.add(question.id);
    const points = question.points ?? 1;
    if (!(points > 0)) problems.push(`${question.id}: points must be positive`);
    if (question.kind === 'short') continue;
    const optionIds = new Set(question.options.map((option) => option.id));
    if (optionIds.size !== question.options.length)
      problems.push(`${question.id}: duplicate option ids`);
    const answers = question.kind === 'single' ? [question.answer] : question.answer;
    if (answers.length === 0) problems.push(`${question.id}: no correct option`);
    if (new Set(answers).size !== answers.length)
      problems.push(`${question.id}: a correct option is listed twice`);
    for (const answer of answers)
      if (!optionIds.has(answer))
        problems.push(`${question.id}: answer "${answer}" is not an option`);
  }
  return problems;
}

function selectedOptions(answer: string | readonly string[] | undefined): Set<string> {
  if (answer === undefined) return new Set();
  return new Set(typeof answer === 'string' ? [answer] : answer);
}

/** Fraction (0–1) of a choice question's points the answer earns. */
export function choiceCredit(
  question: SingleChoiceQuestion | MultipleChoiceQuestion,
  answer: string | readonly string[] | undefined,
  defaultRule: PartialCreditRule = 'half',
): number {
  const picked = selectedOptions(answer);
  if (question.kind === 'single') return picked.size === 1 && picked.has(question.answer) ? 1 : 0;
  const right = new Set(question.answer);
  let rightPicked = 0;
  let wrongPicked = 0;
  for (const option of picked) {
    if (right.has(option)) rightPicked += 1;
    else wrongPicked += 1;
  }
  if (rightPicked === right.size && wrongPicked === 0) return 1;
  const rule = question.partialCredit ?? defaultRule;
  if (rule === 'none') return 0;
  if (rule === 'proportional') return Math.max(0, (rightPicked - wrongPicked) / right.size);
  return wrongPicked === 0 && rightPicked > 0 ? 0.5 : 0;
}

export function gradeWrittenTest(
  quiz: Quiz,
  answers: QuizAnswers,
  shortAnswerGrades: ShortAnswerGrades = {},
): WrittenScore {
  const problems = quizProblems(quiz);
  if (problems.length > 0) throw new RangeError(`invalid quiz ${quiz.id}: ${problems.join('; ')}`);

  let choiceMax = 0;
  let choiceEarned = 0;
  let shortMax = 0;
  let shortEarned = 0;
  let pending = false;
  const questions: QuestionResult[] = quiz.questions.map((question) => {
    const maxPoints = question.points ?? 1;
    if (question.kind === 'short') {
      shortMax += maxPoints;
      const grade = Object.hasOwn(shortAnswerGrades, question.id)
        ? shortAnswerGrades[question.id]
        : undefined;
      if (grade === undefined) {
        pending = true;
        return {
          questionId: question.id,
          kind: question.kind,
          maxPoints,
          points: null,
          correct: null,
        };
      }
      if (!(grade >= 0 && grade <= maxPoints))
        throw new RangeError(`grade for ${question.id} must be between 0 and ${maxPoints}`);
      shortEarned += grade;
      return {
        questionId: question.id,
        kind: question.kind,
        maxPoints,
        points: grade,
        correct: grade === maxPoints,
      };
    }
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const credit = choiceCredit(question, answer, quiz.partialCredit);
    const points = credit * maxPoints;
    choiceMax += maxPoints;
    choiceEarned += points;
    return {
      questionId: question.id,
      kind: question.kind,
      maxPoints,
      points,
      correct: credit === 1,
    };
  });

  const hasChoice = choiceMax > 0;
  const hasShort = shortMax > 0;
  const choiceWeight = hasShort ? WRITTEN_WEIGHTS.choice : 100;
  const shortWeight = hasChoice ? WRITTEN_WEIGHTS.shortAnswer : 100;
  const choiceScore = hasChoice ? round1((choiceWeight * choiceEarned) / choiceMax) : null;
  const shortAnswerScore =
    hasShort && !pending ? round1((shortWeight * shortEarned) / shortMax) : null;
  const total = pending ? null : round1((choiceScore ?? 0) + (shortAnswerScore ?? 0));
  return {
    choiceScore,
    shortAnswerScore,
    pending,
    total,
    passed: total === null ? null : total >= WRITTEN_PASS_SCORE,
    questions,
  };
}
