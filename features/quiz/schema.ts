/**
 * The knowledge quiz format (培训方案 七、效果评估 · 笔试 · 选择题 + 简答题): one quiz per module,
 * `tours/quizzes/<id>.yaml`, validated at build time (features/quiz/load.ts, features/quiz/build-plugin.ts)
 * and graded by features/quiz/grading.ts (pass at 80).
 *
 * ```yaml
 * id: renzhi                         # equals the file name; stable (results are stored by it)
 * module: 认知                        # 认知 | 操作 | 规范 | 安全 | 进阶 — one quiz per module
 * title: 基础认知模块知识测验
 * summary: …
 * version: 1                         # raise when questions change; stored with each result
 * i18n: { en: { title: …, summary: … } }
 * questions:
 *   - id: layers                     # kebab-case, unique in the quiz
 *     kind: single                   # single (单选) | multiple (多选)
 *     prompt: 系统整体架构分为哪三层？
 *     options:                       # 2–6 options, ids a–f
 *       - { id: a, text: …, en: … }
 *     answer: a                      # single: one option id; multiple: a list of ≥ 2 ids
 *     explanation: …                 # shown after grading, with the right answer
 *     learn: { tours: [renzhi-platform-overview], articles: [] }   # where it is taught (≥ 1)
 *     i18n: { en: { prompt: …, explanation: … } }
 *   - id: three-nots-written         # 简答题 (after the choice questions)
 *     kind: short
 *     prompt: 请写出“三不准”。
 *     reference: 不准泄露用户信息、…    # 参考答案, shown after grading
 *     keyPoints:                     # 要点, graded by features/quiz/short-answer.ts
 *       - { id: no-leak, label: 不准泄露用户信息, en: …, weight: 1, accept: [泄露, leak] }
 *     learn: { tours: […] }
 *     i18n: { en: { prompt: …, reference: … } }
 * ```
 *
 * The written test is 选择题 60 + 简答题 40 when a quiz has both ({@link quizSections}).
 *
 * Every Chinese text has its English translation (`en` of an option, `i18n.en` of the rest):
 * the learner may switch the extension to English.
 */
import { z } from 'zod';
import { WRITTEN_WEIGHTS, type Quiz as GradedQuiz } from './grading';
import type { Language } from '../../lib/settings/preferences';
import { TOUR_MODULES } from '../tour/schema';
import { phrasingFragments } from './short-answer';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPTION_ID = /^[a-f]$/;

const required = (what: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what} is required` : otherwise;

const text = (what: string) =>
  z
    .string({ error: required(what, `${what} must be a string`) })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const kebabId = (what: string) =>
  z.string({ error: required(what, `${what} must be a string`) }).regex(KEBAB_ID, {
    error: `${what} must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. password-policy`,
  });

const optionId = z
  .string({ error: required('option id', 'option id must be a string') })
  .regex(OPTION_ID, { error: 'option id must be one letter a–f' });

export const QuizOptionSchema = z.strictObject({
  id: optionId,
  text: text('option text'),
  /** English translation of the option. */
  en: text('English option text (en)'),
});

export const QuizLearnSchema = z
  .strictObject({
    /** Tours that teach the answer (checked against the tours of the build). */
    tours: z.array(z.string().min(1)).default([]),
    /** Help articles that explain it (checked against tours/help). */
    articles: z.array(z.string().min(1)).default([]),
  })
  .refine((learn) => learn.tours.length + learn.articles.length > 0, {
    error: 'learn must name at least one tour or help article that teaches the answer',
  });

const QuestionTextSchema = z.strictObject({
  en: z.strictObject(
    { prompt: text('English prompt'), explanation: text('English explanation') },
    { error: required('i18n.en', 'i18n.en must be an object') },
  ),
});

const questionBase = {
  id: kebabId('question id'),
  prompt: text('prompt'),
  options: z
    .array(QuizOptionSchema, { error: required('options', 'options must be a list') })
    .min(2, { error: 'a question needs at least 2 options' })
    .max(6, { error: 'a question has at most 6 options' }),
  explanation: text('explanation'),
  learn: QuizLearnSchema,
  points: z.number().positive({ error: 'points must be positive' }).optional(),
  i18n: z.strictObject(QuestionTextSchema.shape, {
    error: required('i18n (English translation)', 'i18n must be an object'),
  }),
};

export const SingleQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('single'),
  answer: optionId,
});

export const MultipleQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('multiple'),
  answer: z
    .array(optionId, { error: 'a multiple-choice answer must be a list of option ids' })
    .min(2, { error: 'a multiple-choice question has at least 2 right options (else use single)' }),
});

/** A phrasing of a key point: a text, or fragments that must all appear in the answer. */
const PhrasingSchema = z.union(
  [
    z.string().trim().min(1, { error: 'a phrasing must not be empty' }),
    z
      .array(z.string().trim().min(1, { error: 'a fragment must not be empty' }))
      .min(2, { error: 'a list of fragments has at least 2 (else write the text alone)' }),
  ],
  { error: 'a phrasing is a text or a list of texts that must all appear' },
);

export const KeyPointSchema = z.strictObject({
  id: kebabId('key point id'),
  /** What the point says, shown to the learner after grading. */
  label: text('key point label'),
  /** English translation of the label. */
  en: text('English key point label (en)'),
  /** Share of the question's points (relative to the other key points). */
  weight: z.number({ error: required('weight', 'weight must be a number') }).positive({
    error: 'weight must be positive',
  }),
  /** Phrasings (Chinese and English) that count as making the point. */
  accept: z
    .array(PhrasingSchema, { error: required('accept', 'accept must be a list of phrasings') })
    .min(1, { error: 'a key point needs at least one accepted phrasing' }),
});

export const ShortQuestionSchema = z.strictObject({
  id: kebabId('question id'),
  kind: z.literal('short'),
  prompt: text('prompt'),
  /** 参考答案, shown after grading. */
  reference: text('reference (参考答案)'),
  /** 要点, graded by features/quiz/short-answer.ts. */
  keyPoints: z
    .array(KeyPointSchema, { error: required('keyPoints', 'keyPoints must be a list') })
    .min(1, { error: 'a short-answer question needs at least one key point' })
    .max(10, { error: 'a short-answer question has at most 10 key points' }),
  learn: QuizLearnSchema,
  points: z.number().positive({ error: 'points must be positive' }).optional(),
  i18n: z.strictObject(
    {
      en: z.strictObject(
        { prompt: text('English prompt'), reference: text('English reference') },
        { error: required('i18n.en', 'i18n.en must be an object') },
      ),
    },
    { error: required('i18n (English translation)', 'i18n must be an object') },
  ),
});

export const QuizQuestionSchema = z.discriminatedUnion('kind', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  ShortQuestionSchema,
]);

export const QuizFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: kebabId('quiz id'),
    module: z.enum(TOUR_MODULES, {
      error: `module must be one of ${TOUR_MODULES.join(' / ')}`,
    }),
    title: text('title'),
    summary: text('summary'),
    version: z.number().int().positive({ error: 'version must be a positive whole number' }),
    i18n: z.strictObject(
      {
        en: z.strictObject({ title: text('English title'), summary: text('English summary') }),
      },
      { error: required('i18n (English translation)', 'i18n must be an object') },
    ),
    questions: z
      .array(QuizQuestionSchema, { error: required('questions', 'questions must be a list') })
      .min(1, { error: 'a quiz needs at least one question' }),
  })
  .superRefine((quiz, ctx) => {
    const ids = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (ids.has(question.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate question id "${question.id}"`,
        });
      ids.add(question.id);
      if (question.kind === 'short') {
        const pointIds = new Set<string>();
        question.keyPoints.forEach((point, pointIndex) => {
          if (pointIds.has(point.id))
            ctx.addIssue({
              code: 'custom',
              path: ['questions', index, 'keyPoints', pointIndex, 'id'],
              message: `duplicate key point id "${point.id}"`,
            });
          pointIds.add(point.id);
          point.accept.forEach((phrasing, phrasingIndex) => {
            if (phrasingFragments(phrasing).length === 0)
              ctx.addIssue({
                code: 'custom',
                path: ['questions', index, 'keyPoints', pointIndex, 'accept', phrasingIndex],
                message:
                  'this phrasing is only spaces and punctuation, which grading ignores: it would never match',
              });
          });
        });
        return;
      }
      if (quiz.questions.slice(0, index).some((earlier) => earlier.kind === 'short'))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'kind'],
          message:
            'choice questions come before the short-answer questions (选择题 then 简答题, as on the written test)',
        });
      const optionIds = new Set<string>();
      question.options.forEach((option, optionIndex) => {
        if (optionIds.has(option.id))
          ctx.addIssue({
            code: 'custom',
            path: ['questions', index, 'options', optionIndex, 'id'],
            message: `duplicate option id "${option.id}"`,
          });
        optionIds.add(option.id);
      });
      const answers = question.kind === 'single' ? [question.answer] : question.answer;
      const seen = new Set<string>();
      answers.forEach((answer, answerIndex) => {
        const path =
          question.kind === 'single'
            ? ['questions', index, 'answer']
            : ['questions', index, 'answer', answerIndex];
        if (!optionIds.has(answer))
          ctx.addIssue({
            code: 'custom',
            path,
            message: `answer "${answer}" is not an option (options: ${[...optionIds].join(', ')})`,
          });
        if (seen.has(answer))
          ctx.addIssue({ code: 'custom', path, message: `answer "${answer}" is listed twice` });
        seen.add(answer);
      });
      if (question.kind === 'multiple' && seen.size >= optionIds.size && optionIds.size > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'answer'],
          message: 'every option is right: leave at least one wrong option',
        });
    });
  })
  .meta({ id: 'ZhiyinQuiz', title: 'Zhiyin 指引 knowledge quiz' });

export type QuizFile = z.infer<typeof QuizFileSchema>;
export type QuizFileQuestion = z.infer<typeof QuizQuestionSchema>;

/** Pass mark of the written test (培训方案: 及格线为80分). */
export { WRITTEN_PASS_SCORE as QUIZ_PASS_SCORE } from './grading';

/** The quiz in the learner's language, in the grader's shape (features/quiz/grading.ts). */
export function gradedQuiz(quiz: QuizFile, language: Language = 'zh_CN'): GradedQuiz {
  const english = language === 'en';
  return {
    id: quiz.id,
    title: english ? quiz.i18n.en.title : quiz.title,
    questions: quiz.questions.map((question) => {
      const prompt = english ? question.i18n.en.prompt : question.prompt;
      if (question.kind === 'short')
        return {
          id: question.id,
          kind: 'short',
          prompt,
          points: question.points ?? 1,
          reference: english ? question.i18n.en.reference : question.reference,
        };
      const options = question.options.map((option) => ({
        id: option.id,
        text: english ? option.en : option.text,
      }));
      const points = question.points === undefined ? {} : { points: question.points };
      return question.kind === 'single'
        ? { id: question.id, kind: 'single', prompt, options, answer: question.answer, ...points }
        : {
            id: question.id,
            kind: 'multiple',
            prompt,
            options,
            answer: question.answer,
            ...points,
          };
    }),
  };
}

export interface LocalizedChoiceQuestion {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  explanation: string;
  options: { id: string; text: string }[];
  answer: string[];
  learn: QuizFileQuestion['learn'];
}

export interface LocalizedShortQuestion {
  id: string;
  kind: 'short';
  prompt: string;
  /** 参考答案. */
  reference: string;
  keyPoints: { id: string; label: string; weight: number }[];
  learn: QuizFileQuestion['learn'];
}

export type LocalizedQuestion = LocalizedChoiceQuestion | LocalizedShortQuestion;

/** Quiz text in the learner's language. */
export function localizedQuiz(quiz: QuizFile, language: Language) {
  const english = language === 'en';
  return {
    title: english ? quiz.i18n.en.title : quiz.title,
    summary: english ? quiz.i18n.en.summary : quiz.summary,
    questions: quiz.questions.map((question): LocalizedQuestion => {
      const prompt = english ? question.i18n.en.prompt : question.prompt;
      if (question.kind === 'short')
        return {
          id: question.id,
          kind: 'short',
          prompt,
          reference: english ? question.i18n.en.reference : question.reference,
          keyPoints: question.keyPoints.map((point) => ({
            id: point.id,
            label: english ? point.en : point.label,
            weight: point.weight,
          })),
          learn: question.learn,
        };
      return {
        id: question.id,
        kind: question.kind,
        prompt,
        explanation: english ? question.i18n.en.explanation : question.explanation,
        options: question.options.map((option) => ({
          id: option.id,
          text: english ? option.en : option.text,
        })),
        answer: question.kind === 'single' ? [question.answer] : [...question.answer],
        learn: question.learn,
      };
    }),
  };
}

/** The written test's sections of a quiz: 选择题 60 + 简答题 40 when it has both (培训方案 七(二)1). */
export function quizSections(quiz: QuizFile): { choice: number; short: number } {
  const hasChoice = quiz.questions.some((question) => question.kind !== 'short');
  const hasShort = quiz.questions.some((question) => question.kind === 'short');
  if (hasChoice && hasShort)
    return { choice: WRITTEN_WEIGHTS.choice, short: WRITTEN_WEIGHTS.shortAnswer };
  return hasShort ? { choice: 0, short: 100 } : { choice: 100, short: 0 };
}
