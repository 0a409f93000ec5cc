/**
 * The tour file format: one zod schema, used at build time (features/tour/load.ts), exported as JSON
 * Schema for editors (`npm run tours:schema` → tours/schema.json), and re-usable at run time for
 * remote tour packs.
 *
 * The schema has no transforms on purpose: the parsed value has the same shape as the file, so the
 * JSON Schema describes exactly what authors write. Helpers at the bottom normalise the few
 * shorthand forms (a single locator or an array of alternatives, durations as strings).
 */
import type { RichNode } from '../../components/markdown/rich';
import {
  LOCATOR_KINDS,
  type Locator,
  type LocatorKind,
  type Target,
} from '../../lib/locate/locator';
import { z } from 'zod';
import { bilingual, didYouMean, withSuggestion } from '../../lib/content/explain';
import { KEBAB_ID, authorIssue } from '../../lib/content/fields';
import { CONTENT_LIMITS } from '../../lib/content/limits';
import { findRegexRisks } from '../../lib/content/regex-safety';
import { DURATION, parseDuration } from './duration';

/** Training modules from the training plan: 认知-操作-规范-安全-进阶. */
export const TOUR_MODULES = ['认知', '操作', '规范', '安全', '进阶'] as const;
export type TourModule = (typeof TOUR_MODULES)[number];

/** Audience roles from the training plan's 培训对象 table. */
export const AUDIENCE_ROLES = ['管理人员', '业务操作人员', '技术支持人员', '基层用户'] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export const PLACEMENTS = ['top', 'bottom', 'left', 'right', 'auto'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const START_TRIGGERS = ['first-visit', 'manual', 'tip'] as const;
export type StartTrigger = (typeof START_TRIGGERS)[number];

// Messages are for tour authors (trainers): Simplified Chinese first, then English, joined by
// lib/content/explain.ts's separator (" / "), so "did you mean" can be added to both halves.

/** "缺少 x / x is required" when the key is absent, `otherwise` when it has the wrong type. */
const required =
  (key: string, otherwise: string, zhName = key) =>
  (issue: { input?: unknown }) =>
    issue.input === undefined ? bilingual(`缺少必填项 ${zhName}`, `${key} is required`) : otherwise;

const kebabId = (key: string, zhName: string) =>
  z
    .string({
      error: required(key, bilingual(`${zhName} 应为文字`, `${key} must be a string`), zhName),
    })
    .regex(KEBAB_ID, {
      error: bilingual(
        `${zhName} 只能用小写英文字母、数字和单个短横线，如 gongwen-new-document`,
        `${key} must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. gongwen-new-document`,
      ),
    });

const nonEmptyText = (key: string) =>
  z
    .string({ error: required(key, bilingual(`${key} 应为文字`, `${key} must be a string`)) })
    .trim()
    .min(1, { error: bilingual(`${key} 不能为空`, `${key} must not be empty`) });

/** `a, b 和 c` / `a, b and c`. */
const listed = (items: readonly string[], and: string) =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;

/** Message of a locator with no kind, also used to recognise it (an unknown key is the cause). */
export const LOCATOR_WITHOUT_KIND = bilingual(
  `定位器缺少定位方式，请写其中一种：${LOCATOR_KINDS.join(', ')}`,
  `a locator needs one of: ${LOCATOR_KINDS.join(', ')}`,
);

/** A step id used twice (checked by the schema, and by the loader on files that fail it). */
export function duplicateStepIdMessage(id: string, firstIndex: number): string {
  return bilingual(
    `步骤 id "${id}" 重复（steps[${firstIndex}] 已经用过）`,
    `duplicate step id "${id}" (first used by steps[${firstIndex}])`,
  );
}

/** A translation keyed by a step id the tour does not have. */
export function unknownStepTextMessage(key: string, stepIds: Iterable<string>): string {
  return withSuggestion(
    bilingual(`没有 id 为 "${key}" 的步骤`, `no step with id "${key}"`),
    didYouMean(key, stepIds),
  );
}

/**
 * A URL glob matched against path + search + hash (see features/tour/match.ts), e.g. `/index.html#/docs/new*`.
 * A pattern that starts with a scheme (`http://…`) is matched against the whole URL.
 */
export const UrlGlobSchema = nonEmptyText('url').meta({
  description: 'URL glob on path+hash: `*` matches any characters, e.g. "/index.html#/docs/new*"',
});

/** Duration such as `5s`, `500ms`, `1.5s`, `1m`. */
export const DurationSchema = z
  .string({
    error: bilingual(
      '时长应写成 "5s"、"500ms" 这样的文字',
      'a duration must be a string such as "5s" or "500ms"',
    ),
  })
  .regex(DURATION, {
    error: bilingual(
      '时长应写成 "5s"、"500ms" 或 "1m"',
      'a duration must look like "5s", "500ms" or "1m"',
    ),
  })
  .meta({ description: 'Duration: "500ms", "5s", "1m"' });

// ---------------------------------------------------------------------------------------------
// Locators (the query language itself: lib/locate/locator.ts)

export { LOCATOR_KINDS, type Locator, type LocatorKind, type Target };

const CssAlternativeSchema = z.strictObject({
  selector: nonEmptyText('selector'),
  // Say what this selector targets and why it exists.
  note: nonEmptyText('note'),
});

// A flat object with all kinds optional plus a refinement, rather than a union: zod reports a
// failed union as one opaque "invalid input", while authors need to hear which key is wrong.
export const LocatorSchema: z.ZodType<Locator> = z
  .strictObject({
    label: nonEmptyText('label').optional(),
    role: z
      .string({ error: bilingual('role 应为文字', 'role must be a string') })
      .regex(/^[a-z]+$/, {
        error: bilingual(
          'role 应为 ARIA 角色名，如 button、link、textbox',
          'role must be an ARIA role name such as button, link, textbox',
        ),
      })
      .optional(),
    name: nonEmptyText('name').optional(),
    text: nonEmptyText('text').optional(),
    placeholder: nonEmptyText('placeholder').optional(),
    testid: nonEmptyText('testid').optional(),
    css: z
      .array(CssAlternativeSchema)
      .min(1, {
        error: bilingual(
          'css 至少要有一项 { selector, note }',
          'css needs at least one { selector, note }',
        ),
      })
      .optional(),
    get within() {
      return LocatorSchema.optional();
    },
    nth: z
      .int({ error: bilingual('nth 应为整数', 'nth must be a whole number') })
      .min(1, { error: bilingual('nth 从 1 开始数', 'nth is 1-based') })
      .optional(),
    exact: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = LOCATOR_KINDS.filter((kind) => value[kind] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? LOCATOR_WITHOUT_KIND
            : bilingual(
                `一个定位器只能写一种定位方式，这里写了 ${listed(kinds, '和')}（几种写法互为备选时，请写成列表）`,
                `a locator takes one kind, found ${listed(kinds, 'and')} (write alternatives as a list)`,
              ),
      });
    }
    if (value.name !== undefined && value.role === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: bilingual('name 只能和 role 一起写', 'name is only allowed together with role'),
      });
    }
  })
  .meta({
    id: 'Locator',
    description: 'Exactly one of label / role (+name) / text / placeholder / testid / css',
  }) as z.ZodType<Locator>;

export const TargetSchema = z.union([
  LocatorSchema,
  z.array(LocatorSchema).min(1, {
    error: bilingual('定位器列表至少要有一项', 'a target list needs at least one locator'),
  }),
]);

/** Iframes from the top document down to the frame that holds the target. */
export const FramePathSchema = z.array(LocatorSchema).min(1, {
  error: bilingual(
    'frame 列表至少要有一个 iframe 定位器',
    'a frame path needs at least one iframe locator',
  ),
});

// ---------------------------------------------------------------------------------------------
// How a step advances

const ADVANCE_KINDS = [
  'next',
  'click',
  'input',
  'change',
  'navigation',
  'appear',
  'disappear',
] as const;
export type AdvanceKind = (typeof ADVANCE_KINDS)[number];

export const AdvanceSchema = z.discriminatedUnion(
  'on',
  [
    z.strictObject({ on: z.literal('next') }),
    z.strictObject({
      on: z.literal('click'),
      /**
       * The page's success signal (a 保存成功 message, the next screen): the click completes the
       * step only once this appears, so a click whose action failed keeps the step open.
       */
      until: TargetSchema.optional(),
    }),
    z.strictObject({
      on: z.literal('input'),
      /** Regular expression the whole value must match (anchored automatically). */
      pattern: nonEmptyText('pattern')
        .max(CONTENT_LIMITS.patternChars, {
          error: bilingual(
            `pattern 超过 ${CONTENT_LIMITS.patternChars} 个字符`,
            `pattern is longer than ${CONTENT_LIMITS.patternChars} characters`,
          ),
        })
        .refine(isValidRegExp, {
          error: bilingual(
            'pattern 不是有效的正则表达式',
            'pattern is not a valid regular expression',
          ),
        })
        // It runs in the host page on every keystroke: no exponential backtracking (issue 10).
        .superRefine((source, context) => {
          if (!isValidRegExp(source)) return;
          for (const risk of findRegexRisks(source)) {
            context.addIssue({
              code: 'custom',
              message: bilingual(
                `pattern 可能让页面卡死（${risk.message}）`,
                `pattern may hang the page: ${risk.message}`,
              ),
            });
          }
        })
        .optional(),
      /** Id of a validator in lib/validators; checked against the known list at build time. */
      validator: nonEmptyText('validator').optional(),
    }),
    z.strictObject({ on: z.literal('change'), value: z.string().optional() }),
    z.strictObject({ on: z.literal('navigation'), url: UrlGlobSchema }),
    z.strictObject({ on: z.literal('appear'), locator: TargetSchema }),
    z.strictObject({ on: z.literal('disappear'), locator: TargetSchema }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? bilingual(
            `未知的推进方式，可用：${ADVANCE_KINDS.join(', ')}`,
            `unknown advance kind: use one of ${ADVANCE_KINDS.join(', ')}`,
          )
        : undefined,
  },
);
export type Advance = z.infer<typeof AdvanceSchema>;

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch (error) {
    return !(error instanceof SyntaxError);
  }
}

export const MissingSchema = z.strictObject({
  /** How long to wait for the target before giving up. Default 5s. */
  wait: DurationSchema.default('5s'),
  /** skip: go on silently; report: show the card centred with 找不到该元素 and a problem report. */
  then: z
    .enum(['skip', 'report'], {
      error: bilingual('missing.then 只能是 skip 或 report', 'missing.then must be skip or report'),
    })
    .default('report'),
});
export type Missing = z.infer<typeof MissingSchema>;

// ---------------------------------------------------------------------------------------------
// Steps and tours

export const StepSchema = z
  .strictObject({
    /** Stable step id (kebab-case), used by analytics and i18n; unique within the tour. */
    id: kebabId('step id', '步骤 id'),
    /** What to point at. Absent: a centred step. */
    target: TargetSchema.optional(),
    /** Iframe path to the target, outermost first. */
    frame: FramePathSchema.nullable().optional(),
    /** The page this step lives on; the runner waits for navigation when the URL does not match. */
    page: UrlGlobSchema.optional(),
    title: nonEmptyText('title').optional(),
    /** Markdown subset, rendered (sanitised) by the overlay. */
    body: nonEmptyText('body'),
    placement: z
      .enum(PLACEMENTS, {
        error: bilingual(
          `placement 只能是 ${PLACEMENTS.join(', ')}`,
          `placement must be one of ${PLACEMENTS.join(', ')}`,
        ),
      })
      .default('auto'),
    advance: AdvanceSchema.default({ on: 'next' }),
    missing: MissingSchema.default({ wait: '5s', then: 'report' }),
    /** Optional steps are skipped when their target cannot be found. */
    optional: z.boolean().default(false),
    /** Field guard (features/rules) shown while this step is active. */
    guard: kebabId('guard id', 'guard（字段提示）id').optional(),
    /**
     * For `npm run tours:check` only: where to open this step's page when it is checked on its own,
     * and what to type or choose here when the checker drives the tour like a learner.
     */
    check: z
      .strictObject({
        url: nonEmptyText('check.url').optional(),
        value: z.string().optional(),
        /**
         * What the checker does here: `click` the target (default for click, appear, disappear and
         * navigation steps), `tick-all` (tick every checkbox in the target: "tick what you
         * received"), or `none` (only look).
         */
        do: z
          .enum(['click', 'tick-all', 'none'], {
            error: bilingual(
              'check.do 只能是 click、tick-all 或 none',
              'check.do must be click, tick-all or none',
            ),
          })
          .optional(),
        /** Click this instead, looked up inside the target (a row's link in a `role: table` step). */
        get click() {
          return TargetSchema.optional();
        },
        /** A file to upload into the target's file input: a URL relative to the checked system. */
        file: nonEmptyText('check.file').optional(),
        /**
         * Form fields (by label) the checker fills before acting here, for what a learner types
         * without a step of its own (the other figures of a report before 数据校验).
         */
        fill: z.record(z.string().min(1), z.string()).optional(),
      })
      .optional(),
  })
  .superRefine((step, ctx) => {
    const needsTarget =
      step.advance.on === 'click' || step.advance.on === 'input' || step.advance.on === 'change';
    if (needsTarget && step.target === undefined) {
      authorIssue(
        ctx,
        ['advance'],
        `推进方式 ${step.advance.on} 要监听目标上的操作，这一步需要写 target`,
        `advance "${step.advance.on}" needs a target to listen on`,
      );
    }
    if (step.frame && step.target === undefined) {
      authorIssue(
        ctx,
        ['frame'],
        '写了 frame，还要写 target（框架里的目标）',
        'frame needs a target inside that frame',
      );
    }
  });
export type Step = z.infer<typeof StepSchema>;
export type StepInput = z.input<typeof StepSchema>;

/** Page predicate: the tour applies only while this holds on the page. */
export const PagePredicateSchema = z.union([
  z.strictObject({ present: TargetSchema }),
  z.strictObject({ absent: TargetSchema }),
]);
export type PagePredicate = z.infer<typeof PagePredicateSchema>;

export const AppliesSchema = z.strictObject({
  url: z.union([UrlGlobSchema, z.array(UrlGlobSchema).min(1)]),
  when: z.array(PagePredicateSchema).optional(),
});
export type Applies = z.infer<typeof AppliesSchema>;

export const StartSchema = z.strictObject({
  on: z.union([
    z.enum(START_TRIGGERS, {
      error: bilingual(
        `start.on 只能是 ${START_TRIGGERS.join(', ')}`,
        `start.on must be one of ${START_TRIGGERS.join(', ')}`,
      ),
    }),
    z.array(z.enum(START_TRIGGERS)).min(1),
  ]),
});

const StepTextSchema = z.strictObject({
  title: nonEmptyText('title').optional(),
  body: nonEmptyText('body').optional(),
});

export const TourI18nSchema = z.strictObject({
  en: z
    .strictObject({
      title: nonEmptyText('title').optional(),
      summary: nonEmptyText('summary').optional(),
      /** Keyed by step id. */
      steps: z.record(z.string(), StepTextSchema).optional(),
    })
    .optional(),
});

export const TourSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Stable forever: progress is stored by it. Rename only through tours/renames.json. */
    id: kebabId('tour id', '引导 id'),
    title: nonEmptyText('title'),
    summary: nonEmptyText('summary'),
    module: z.enum(TOUR_MODULES, {
      error: required(
        'module',
        bilingual(
          `module 只能是 ${TOUR_MODULES.join('、')}`,
          `module must be one of ${TOUR_MODULES.join(', ')}`,
        ),
      ),
    }),
    audience: z
      .array(
        z.enum(AUDIENCE_ROLES, {
          error: bilingual(
            `audience 只能包含 ${AUDIENCE_ROLES.join('、')}`,
            `audience must be among ${AUDIENCE_ROLES.join(', ')}`,
          ),
        }),
      )
      .min(1, {
        error: bilingual('audience 至少要有一个适用对象', 'audience needs at least one role'),
      }),
    applies: AppliesSchema,
    start: StartSchema.default({ on: 'manual' }),
    i18n: TourI18nSchema.optional(),
    /** For `npm run tours:check`: a concrete start URL when `applies.url` has a `*`. */
    check: z
      .strictObject({
        url: nonEmptyText('check.url').optional(),
        /** Account to check this tour as (its password comes from `--login account:password`). */
        login: nonEmptyText('check.login').optional(),
        /**
         * Tours the checker drives first in the same browser (the data this tour needs, e.g. an
         * application to review). Each runs as its own `check.login`.
         */
        after: z.array(kebabId('tour id', '引导 id')).min(1).optional(),
      })
      .optional(),
    /**
     * Practical assessment (实操考核) timing when the tour is taken as an exam (features/exam):
     * the time limit, and the time up to which the full 30 time points are given (default: half).
     */
    exam: z
      .strictObject({ timeLimit: DurationSchema, targetTime: DurationSchema.optional() })
      .refine(
        (exam) =>
          exam.targetTime === undefined ||
          parseDuration(exam.targetTime) < parseDuration(exam.timeLimit),
        {
          error: bilingual(
            'exam.targetTime 必须短于 exam.timeLimit',
            'exam.targetTime must be shorter than exam.timeLimit',
          ),
          path: ['targetTime'],
        },
      )
      .optional(),
    steps: z.array(StepSchema).min(1, {
      error: bilingual('引导至少要有一个步骤', 'a tour needs at least one step'),
    }),
  })
  .superRefine((tour, ctx) => {
    const seen = new Map<string, number>();
    tour.steps.forEach((step, index) => {
      const first = seen.get(step.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: duplicateStepIdMessage(step.id, first),
        });
      } else seen.set(step.id, index);
    });
    for (const stepId of Object.keys(tour.i18n?.en?.steps ?? {})) {
      if (!seen.has(stepId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['i18n', 'en', 'steps', stepId],
          message: unknownStepTextMessage(stepId, seen.keys()),
        });
      }
    }
  })
  .meta({ id: 'Tour', title: 'Zhiyin 指引 tour file' });
export type Tour = z.infer<typeof TourSchema> & {
  /**
   * Added by the build, never written by authors (features/tour/compiled.ts): every step body of
   * every language compiled from Markdown, keyed by its source, so the page-side step card draws
   * it without a Markdown parser.
   */
  readonly markdown?: Readonly<Record<string, readonly RichNode[]>>;
};
export type TourInput = z.input<typeof TourSchema>;

// ---------------------------------------------------------------------------------------------
// Helpers over the parsed shape

/** Milliseconds in a duration string accepted by {@link DurationSchema} (zod-free: ./duration). */
export { parseDuration };

/** Which start triggers a tour listens to. Manual start (popup, help search) is always possible. */
export function startTriggers(tour: Tour): StartTrigger[] {
  return Array.isArray(tour.start.on) ? tour.start.on : [tour.start.on];
}

/** Step title/body in the requested language, falling back to the Chinese original. */
export function localizedStep(
  tour: Tour,
  step: Step,
  lang: 'zh-CN' | 'en',
): { title?: string; body: string } {
  const en = lang === 'en' ? tour.i18n?.en?.steps?.[step.id] : undefined;
  const title = en?.title ?? step.title;
  return { ...(title === undefined ? {} : { title }), body: en?.body ?? step.body };
}

/** Format a zod issue path the way error messages show it: `steps[3].target.css[0]`. */
export { formatIssuePath } from '../../lib/content/explain';
