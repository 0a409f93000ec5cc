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
import { bilingual } from '../../lib/content/explain';
import { WRITTEN_WEIGHTS, type Quiz as GradedQuiz } from './grading';
import type { Language } from '../../lib/settings/preferences';
import { TOUR_MODULES } from '../tour/schema';
import { kebabIds, requiredField, requiredText } from '../../lib/content/fields';
import { phrasingFragments } from './short-answer';

const OPTION_ID = /^[a-f]$/;

// Messages name a field by its key and, in Chinese, by what it is (lib/content/fields.ts).
const required = requiredField;
const text = requiredText;
const kebabId = kebabIds('password-policy');

const optionId = z
  .string({
    error: required('id', '选项 id', bilingual('选项 id 应为文字', 'option id must be text')),
  })
  .regex(OPTION_ID, {
    error: bilingual('选项 id 只能是 a–f 中的一个字母', 'option id must be one letter a–f'),
  });

export const QuizOptionSchema = z.strictObject({
  id: optionId,
  text: text('text', '选项文字'),
  /** English translation of the option. */
  en: text('en', '选项的英文'),
});

export const QuizLearnSchema = z
  .strictObject({
    /** Tours that teach the answer (checked against the tours of the build). */
    tours: z.array(z.string().min(1)).default([]),
    /** Help articles that explain it (checked against tours/help). */
    articles: z.array(z.string().min(1)).default([]),
  })
  .refine((learn) => learn.tours.length + learn.articles.length > 0, {
    error: bilingual(
      'learn 至少要写一个讲解这道题的引导（tours）或帮助文章（articles）',
      'learn must name at least one tour or help article that teaches the answer',
    ),
  });

const I18N_EN_OBJECT = bilingual('i18n.en 应为键值对', 'i18n.en must be a mapping');
const I18N_OBJECT = bilingual('i18n 应为键值对', 'i18n must be a mapping');

const QuestionTextSchema = z.strictObject({
  en: z.strictObject(
    { prompt: text('prompt', '英文题干'), explanation: text('explanation', '英文解析') },
    { error: required('en', '英文翻译', I18N_EN_OBJECT) },
  ),
});

const POSITIVE_POINTS = bilingual('points（分值）应为正数', 'points must be positive');

const questionBase = {
  id: kebabId('id', '题目 id'),
  prompt: text('prompt', '题干'),
  options: z
    .array(QuizOptionSchema, {
      error: required(
        'options',
        '选项',
        bilingual('options（选项）应为列表', 'options must be a list'),
      ),
    })
    .min(2, { error: bilingual('一道题至少要有 2 个选项', 'a question needs at least 2 options') })
    .max(6, { error: bilingual('一道题最多 6 个选项', 'a question has at most 6 options') }),
  explanation: text('explanation', '解析'),
  learn: QuizLearnSchema,
  points: z.number().positive({ error: POSITIVE_POINTS }).optional(),
  i18n: z.strictObject(QuestionTextSchema.shape, {
    error: required('i18n', '英文翻译', I18N_OBJECT),
  }),
};

export const SingleQuestionSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('single'),
    answer: optionId,
  })
  .superRefine((question, ctx) => checkChoices(question, ctx), { when: choicesReadable });

export const MultipleQuestionSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('multiple'),
    answer: z
      .array(optionId, {
        error: bilingual(
          '多选题的 answer 应为选项 id 的列表，如 [a, c]',
          'a multiple-choice answer must be a list of option ids, e.g. [a, c]',
        ),
      })
      .min(2, {
        error: bilingual(
          '多选题至少要有 2 个正确选项（只有一个时请用 single）',
          'a multiple-choice question has at least 2 right options (else use single)',
        ),
      }),
  })
  // On each question (not the whole file): a question's answers are checked even while another
  // question has errors, so the author sees every error in one pass.
  .superRefine((question, ctx) => checkChoices(question, ctx), { when: choicesReadable });

/**
 * Whether {@link checkChoices} can read a question that has other errors (a missing translation):
 * its options and answer are well-formed. Zod skips refinements of an object with errors unless
 * told so, and the author would then see these errors only after fixing the others.
 */
function choicesReadable(payload: { value: unknown }): boolean {
  const question = payload.value as { options?: unknown; answer?: unknown } | null;
  if (question === null || typeof question !== 'object') return false;
  const { options, answer } = question;
  return (
    Array.isArray(options) &&
    options.every(
      (option: unknown) =>
        option !== null &&
        typeof option === 'object' &&
        typeof (option as { id?: unknown }).id === 'string',
    ) &&
    (typeof answer === 'string' ||
      (Array.isArray(answer) && answer.every((id: unknown) => typeof id === 'string')))
  );
}

/** Option ids unique, answers among the options, listed once, and not every option right. */
function checkChoices(
  question: { kind: 'single' | 'multiple'; options: { id: string }[]; answer: string | string[] },
  ctx: z.RefinementCtx,
): void {
  const optionIds = new Set<string>();
  question.options.forEach((option, optionIndex) => {
    if (optionIds.has(option.id))
      ctx.addIssue({
        code: 'custom',
        path: ['options', optionIndex, 'id'],
        message: bilingual(`选项 id "${option.id}" 重复`, `duplicate option id "${option.id}"`),
      });
    optionIds.add(option.id);
  });
  const answers = typeof question.answer === 'string' ? [question.answer] : question.answer;
  const seen = new Set<string>();
  answers.forEach((answer, answerIndex) => {
    const path = typeof question.answer === 'string' ? ['answer'] : ['answer', answerIndex];
    if (!optionIds.has(answer))
      ctx.addIssue({
        code: 'custom',
        path,
        // No "did you mean": every option letter is one edit from any other.
        message: bilingual(
          `答案 "${answer}" 不是本题的选项（选项：${[...optionIds].join(', ')}）`,
          `answer "${answer}" is not an option (options: ${[...optionIds].join(', ')})`,
        ),
      });
    if (seen.has(answer))
      ctx.addIssue({
        code: 'custom',
        path,
        message: bilingual(`答案 "${answer}" 写了两次`, `answer "${answer}" is listed twice`),
      });
    seen.add(answer);
  });
  if (question.kind === 'multiple' && seen.size >= optionIds.size && optionIds.size > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['answer'],
      message: bilingual(
        '所有选项都是正确答案：至少留一个错误选项',
        'every option is right: leave at least one wrong option',
      ),
    });
}

/** A phrasing of a key point: a text, or fragments that must all appear in the answer. */
const PhrasingSchema = z.union(
  [
    z
      .string()
      .trim()
      .min(1, { error: bilingual('说法不能为空', 'a phrasing must not be empty') }),
    z
      .array(
        z
          .string()
          .trim()
          .min(1, { error: bilingual('片段不能为空', 'a fragment must not be empty') }),
      )
      .min(2, {
        error: bilingual(
          '片段列表至少要有 2 项（只有一项时直接写文字）',
          'a list of fragments has at least 2 (else write the text alone)',
        ),
      }),
  ],
  {
    error: bilingual(
      '一个说法是一段文字，或几段都必须出现的文字的列表',
      'a phrasing is a text or a list of texts that must all appear',
    ),
  },
);

export const KeyPointSchema = z.strictObject({
  id: kebabId('id', '要点 id'),
  /** What the point says, shown to the learner after grading. */
  label: text('label', '要点'),
  /** English translation of the label. */
  en: text('en', '要点的英文'),
  /** Share of the question's points (relative to the other key points). */
  weight: z
    .number({
      error: required(
        'weight',
        '权重',
        bilingual('weight（权重）应为数字', 'weight must be a number'),
      ),
    })
    .positive({ error: bilingual('weight（权重）应为正数', 'weight must be positive') }),
  /** Phrasings (Chinese and English) that count as making the point. */
  accept: z
    .array(PhrasingSchema, {
      error: required(
        'accept',
        '可接受的说法',
        bilingual('accept（可接受的说法）应为列表', 'accept must be a list of phrasings'),
      ),
    })
    .min(1, {
      error: bilingual(
        '要点至少要有一个可接受的说法',
        'a key point needs at least one accepted phrasing',
      ),
    }),
});

export const ShortQuestionSchema = z.strictObject({
  id: kebabId('id', '题目 id'),
  kind: z.literal('short'),
  prompt: text('prompt', '题干'),
  /** 参考答案, shown after grading. */
  reference: text('reference', '参考答案'),
  /** 要点, graded by features/quiz/short-answer.ts. */
  keyPoints: z
    .array(KeyPointSchema, {
      error: required(
        'keyPoints',
        '要点',
        bilingual('keyPoints（要点）应为列表', 'keyPoints must be a list'),
      ),
    })
    .min(1, {
      error: bilingual(
        '简答题至少要有一个要点',
        'a short-answer question needs at least one key point',
      ),
    })
    .max(10, {
      error: bilingual('简答题最多 10 个要点', 'a short-answer question has at most 10 key points'),
    }),
  learn: QuizLearnSchema,
  points: z.number().positive({ error: POSITIVE_POINTS }).optional(),
  i18n: z.strictObject(
    {
      en: z.strictObject(
        { prompt: text('prompt', '英文题干'), reference: text('reference', '英文参考答案') },
        { error: required('en', '英文翻译', I18N_EN_OBJECT) },
      ),
    },
    { error: required('i18n', '英文翻译', I18N_OBJECT) },
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
    id: kebabId('id', '测验 id'),
    module: z.enum(TOUR_MODULES, {
      error: bilingual(
        `module 只能是 ${TOUR_MODULES.join('、')}`,
        `module must be one of ${TOUR_MODULES.join(', ')}`,
      ),
    }),
    title: text('title', '标题'),
    summary: text('summary', '简介'),
    version: z
      .number({
        error: required(
          'version',
          '版本号',
          bilingual('version（版本号）应为正整数', 'version must be a positive whole number'),
        ),
      })
      .int({
        error: bilingual('version（版本号）应为正整数', 'version must be a positive whole number'),
      })
      .positive({
        error: bilingual('version（版本号）应为正整数', 'version must be a positive whole number'),
      }),
    i18n: z.strictObject(
      {
        en: z.strictObject(
          { title: text('title', '英文标题'), summary: text('summary', '英文简介') },
          { error: required('en', '英文翻译', I18N_EN_OBJECT) },
        ),
      },
      { error: required('i18n', '英文翻译', I18N_OBJECT) },
    ),
    questions: z
      .array(QuizQuestionSchema, {
        error: required(
          'questions',
          '题目',
          bilingual('questions（题目）应为列表', 'questions must be a list'),
        ),
      })
      .min(1, { error: bilingual('测验至少要有一道题', 'a quiz needs at least one question') }),
  })
  .superRefine((quiz, ctx) => {
    const ids = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (ids.has(question.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: bilingual(
            `题目 id "${question.id}" 重复`,
            `duplicate question id "${question.id}"`,
          ),
        });
      ids.add(question.id);
      if (question.kind === 'short') {
        const pointIds = new Set<string>();
        question.keyPoints.forEach((point, pointIndex) => {
          if (pointIds.has(point.id))
            ctx.addIssue({
              code: 'custom',
              path: ['questions', index, 'keyPoints', pointIndex, 'id'],
              message: bilingual(
                `要点 id "${point.id}" 重复`,
                `duplicate key point id "${point.id}"`,
              ),
            });
          pointIds.add(point.id);
          point.accept.forEach((phrasing, phrasingIndex) => {
            if (phrasingFragments(phrasing).length === 0)
              ctx.addIssue({
                code: 'custom',
                path: ['questions', index, 'keyPoints', pointIndex, 'accept', phrasingIndex],
                message: bilingual(
                  '这个说法只有空格和标点，评分时会被忽略，永远匹配不上',
                  'this phrasing is only spaces and punctuation, which grading ignores: it would never match',
                ),
              });
          });
        });
        return;
      }
      if (quiz.questions.slice(0, index).some((earlier) => earlier.kind === 'short'))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'kind'],
          message: bilingual(
            '选择题要写在简答题前面（与笔试一致：先选择题，后简答题）',
            'choice questions come before the short-answer questions (选择题 then 简答题, as on the written test)',
          ),
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
