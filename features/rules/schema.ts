/**
 * The compliance-rules format (`tours/rules/*.yaml`): tips that react to what the learner does, page
 * markers the watcher reports, and field guards. One zod schema, used at build time
 * (features/rules/load.ts → `virtual:zhiyin-rules`) and re-usable for remote packs.
 *
 * Like the tour schema it has no transforms: the parsed value has the shape of the file. It reuses
 * the tour schema's locator, URL-glob and duration pieces so authors write targets the same way.
 *
 * A file holds any of three top-level lists:
 * ```yaml
 * markers:      # facts the watcher reports about a page (a 403 result, a success message)
 *   - id: permission-denied
 *     url: "*"
 *     present: { text: 无权限访问 }
 * tips:         # where → tip
 *   - id: no-overreach
 *     where: { action: marker, marker: permission-denied }
 *     tip: { severity: warning, title: 不准越权操作, body: …, version: 1 }
 *     frequency: session
 * guards:       # inline field hints
 *   - id: credit-code
 *     pages: ["/service.html#/apply*"]
 *     field: { label: 统一社会信用代码 }
 *     check: { kind: validator, validator: creditCode }
 * ```
 */
import { z } from 'zod';
import { bilingual } from '../../lib/content/explain';
import { ROLES } from '../profile/roles';
import { DurationSchema, TargetSchema, UrlGlobSchema } from '../tour/schema';
import { VALIDATOR_IDS } from '../../lib/validators';
import { reportRulesSchema } from '../../lib/validators/report-rules-schema';
import { INTERVAL, SIZE } from './patterns';
import { authorIssue, kebabIds, requiredField, requiredText } from '../../lib/content/fields';

// Messages name a field by its key and, in Chinese, by what it is (lib/content/fields.ts).
const required = requiredField;
const kebabId = kebabIds('no-data-leak');
const nonEmptyText = requiredText;

const UrlGlobsSchema = z.union([
  UrlGlobSchema,
  z.array(UrlGlobSchema).min(1, {
    error: bilingual('网址列表至少要有一项', 'a URL list needs at least one glob'),
  }),
]);

// ---------------------------------------------------------------------------------------------
// Markers

/**
 * A fact about a page that the watcher reports: an element visible on pages matching `url`.
 * `page-open` actions carry the markers visible when the page opened; a marker that becomes
 * visible later is reported as its own `marker` action (e.g. 密码修改成功 after submitting).
 */
export const MarkerSchema = z.strictObject({
  id: kebabId('id', '标记 id'),
  url: UrlGlobsSchema,
  present: TargetSchema,
  /** Why this marker exists (what it stands for on the page). */
  note: nonEmptyText('note', '说明'),
});
export type Marker = z.infer<typeof MarkerSchema>;

// ---------------------------------------------------------------------------------------------
// Tips

export const TIP_ACTIONS = [
  'page-open',
  'marker',
  'export',
  'copy',
  'submit',
  'first-run',
] as const;
export type TipActionKind = (typeof TIP_ACTIONS)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How often a tip may show:
 * - `once`: once ever (a content-version bump does not bring it back; use `version` for that);
 * - `session`: once per browser session;
 * - `day`: once per calendar day (China Standard Time);
 * - `version`: once per content version.
 * A tip that needs an acknowledgement counts as delivered only once acknowledged (for `once` and
 * `version`), but is not shown again in the same session while unacknowledged, so it never nags.
 */
export const FREQUENCIES = ['once', 'session', 'day', 'version'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const ActionSchema = z.enum(TIP_ACTIONS, {
  error: bilingual(
    `action（触发动作）只能是 ${TIP_ACTIONS.join(', ')}`,
    `action must be one of ${TIP_ACTIONS.join(', ')}`,
  ),
});

const ROLE_CHOICE = bilingual(
  `角色只能是 ${ROLES.join('、')}`,
  `roles must be among ${ROLES.join(' / ')}`,
);

export const RoleConditionSchema = z
  .strictObject({
    /** Only these learner roles see the tip. */
    only: z.array(z.enum(ROLES, { error: ROLE_CHOICE })).min(1),
    /** Everyone except these roles sees it (a learner without a role counts as not excluded). */
    except: z.array(z.enum(ROLES, { error: ROLE_CHOICE })).min(1),
  })
  .partial()
  .refine((value) => (value.only === undefined) !== (value.except === undefined), {
    error: bilingual(
      'roles 里 only 和 except 只能写一个',
      'roles needs exactly one of only / except',
    ),
  });
export type RoleCondition = z.infer<typeof RoleConditionSchema>;

export const WhereSchema = z
  .strictObject({
    /** The user action(s) the tip reacts to. */
    action: z.union([ActionSchema, z.array(ActionSchema).min(1)], {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? bilingual(
              `action（触发动作）只能是 ${TIP_ACTIONS.join(', ')}（或它们的列表）`,
              `action must be one of ${TIP_ACTIONS.join(', ')} (or a list of them)`,
            )
          : undefined,
    }),
    /** Pages (URL globs, see features/tour/match.ts). Absent: every page. */
    url: UrlGlobsSchema.optional(),
    /** A marker id that must be visible (page-open) or must be the one that appeared (marker). */
    marker: kebabId('marker', '标记 id').optional(),
    /** For `export` / `submit`: only buttons whose accessible name contains one of these. */
    names: z.array(nonEmptyText('names', '按钮名称')).min(1).optional(),
    /**
     * For `export`: only when the exported tables hold personal data (ID card / mobile numbers,
     * features/rules/content/watcher.ts). `copy` actions are only reported for such text anyway.
     */
    personalData: z
      .boolean({
        error: bilingual('personalData 只能是 true 或 false', 'personalData must be true or false'),
      })
      .optional(),
    roles: RoleConditionSchema.optional(),
  })
  .superRefine((where, ctx) => {
    const actions = Array.isArray(where.action) ? where.action : [where.action];
    if (actions.includes('marker') && where.marker === undefined) {
      authorIssue(
        ctx,
        ['marker'],
        'action 为 marker 时必须写 marker（标记 id）',
        'action "marker" needs a marker',
      );
    }
    if (
      where.names !== undefined &&
      !actions.some((action) => action === 'export' || action === 'submit')
    ) {
      authorIssue(
        ctx,
        ['names'],
        'names 只适用于 export 和 submit 动作',
        'names only applies to export and submit actions',
      );
    }
    if (
      where.personalData !== undefined &&
      !actions.some((action) => action === 'export' || action === 'copy')
    ) {
      authorIssue(
        ctx,
        ['personalData'],
        'personalData 只适用于 export 和 copy 动作',
        'personalData only applies to export and copy actions',
      );
    }
  });
export type Where = z.infer<typeof WhereSchema>;

/** Calendar-aware interval: `3mo`, `90d`, `12h`, or a plain duration (`30m`, `5s`). */
export const IntervalSchema = z
  .string({
    error: bilingual(
      '时间间隔应写成文字，如 "3mo"、"90d"、"12h" 或 "30m"',
      'an interval must be a string such as "3mo", "90d", "12h" or "30m"',
    ),
  })
  .refine((value) => INTERVAL.test(value) || DurationSchema.safeParse(value).success, {
    error: bilingual(
      '时间间隔应写成 "3mo"（月）、"90d"（天）、"12h"（小时）、"30m"（分钟）或 "5s"（秒）',
      'an interval must look like "3mo", "90d", "12h", "30m" or "5s"',
    ),
  });

/**
 * "Due" tips come back a while after a marker was last seen (必须定期修改密码: 3 months after the
 * last password change the extension saw).
 */
export const DueSchema = z.strictObject({
  /** The marker whose last sighting starts the clock. */
  since: kebabId('since', '标记 id'),
  after: IntervalSchema,
  /**
   * What to do while the marker was never seen and the tip never acknowledged: `first-run` shows
   * it only on the extension's first run, `always` whenever the rule matches, `never` not at all.
   * After an acknowledgement the clock starts from that acknowledgement.
   */
  unknown: z.enum(['first-run', 'always', 'never']).default('first-run'),
});
export type Due = z.infer<typeof DueSchema>;

const TipTextSchema = z.strictObject({
  title: nonEmptyText('title', '英文标题'),
  body: nonEmptyText('body', '英文正文'),
});

export const TipContentSchema = z.strictObject({
  severity: z.enum(SEVERITIES, {
    error: bilingual(
      `severity（重要程度）只能是 ${SEVERITIES.join(', ')}`,
      `severity must be one of ${SEVERITIES.join(', ')}`,
    ),
  }),
  title: nonEmptyText('title', '标题'),
  /** Markdown subset, rendered sanitised (components/markdown). */
  body: nonEmptyText('body', '正文'),
  /** Content version: raise it when the text changes materially; acknowledgements name it. */
  version: z
    .int({
      error: required(
        'version',
        '版本号',
        bilingual('version（版本号）应为整数', 'version must be a whole number'),
      ),
    })
    .min(1, { error: bilingual('version（版本号）从 1 开始', 'version starts at 1') }),
  /** The training plan item the tip teaches, shown as a tag (e.g. 三不准 · 不准泄露用户信息). */
  source: nonEmptyText('source', '出处').optional(),
  i18n: z.strictObject({ en: TipTextSchema.optional() }).optional(),
});
export type TipContent = z.infer<typeof TipContentSchema>;

export const TipRuleSchema = z
  .strictObject({
    /** Stable forever: acknowledgements are stored by it. */
    id: kebabId('id', '提示 id'),
    where: WhereSchema,
    tip: TipContentSchema,
    frequency: z
      .enum(FREQUENCIES, {
        error: bilingual(
          `frequency（显示频率）只能是 ${FREQUENCIES.join(', ')}`,
          `frequency must be one of ${FREQUENCIES.join(', ')}`,
        ),
      })
      .default('session'),
    /** The learner must press 我已知晓; each acknowledgement is stored (必须留存操作记录). */
    acknowledge: z.boolean().default(false),
    /** 稍后提醒 hides the tip for this long; `false` offers no snooze. */
    snooze: z.union([IntervalSchema, z.literal(false)]).default('1h'),
    /** Offer 不再显示 (never for critical tips). */
    dismissible: z.boolean().default(false),
    due: DueSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.dismissible && rule.tip.severity === 'critical') {
      authorIssue(
        ctx,
        ['dismissible'],
        'critical（严重）级别的提示不能提供“不再显示”',
        'critical tips cannot offer 不再显示',
      );
    }
  });
export type TipRule = z.infer<typeof TipRuleSchema>;
export type TipRuleInput = z.input<typeof TipRuleSchema>;

// ---------------------------------------------------------------------------------------------
// Field guards

const PasswordPolicySchema = z
  .strictObject({
    minLength: z.int().min(1),
    maxLength: z.int().min(1),
    requireLetter: z.boolean(),
    requireDigit: z.boolean(),
    requireSymbol: z.boolean(),
  })
  .partial();

export const GuardCheckSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('validator'),
      validator: z.enum(VALIDATOR_IDS.filter((id) => id !== 'password') as [string, ...string[]], {
        error: bilingual(
          `validator（校验器）只能是 ${VALIDATOR_IDS.filter((id) => id !== 'password').join(', ')}`,
          `validator must be one of ${VALIDATOR_IDS.filter((id) => id !== 'password').join(', ')}`,
        ),
      }),
    }),
    z.strictObject({ kind: z.literal('password'), policy: PasswordPolicySchema.optional() }),
    z.strictObject({
      kind: z.literal('attachment'),
      /** Allowed extensions with the dot, lower case. Default .pdf .doc .docx. */
      extensions: z
        .array(
          z.string().regex(/^\.[a-z0-9]+$/, {
            error: bilingual('扩展名应写成 ".pdf" 这样', 'an extension looks like ".pdf"'),
          }),
        )
        .min(1)
        .optional(),
      /** Size limit such as "10MB" or "800KB". Default 10MB. */
      maxSize: z
        .string()
        .regex(SIZE, {
          error: bilingual(
            'maxSize 应写成 "10MB" 或 "800KB" 这样',
            'maxSize looks like "10MB" or "800KB"',
          ),
        })
        .optional(),
    }),
    z.strictObject({
      kind: z.literal('report'),
      /** Report field id → the input that holds it. */
      fields: z.record(z.string().min(1), TargetSchema),
      /** Display labels by field id (messages name fields by them). */
      labels: z.record(z.string(), z.string()).optional(),
      rules: reportRulesSchema.min(1, {
        error: bilingual('报表检查至少要有一条规则', 'a report guard needs at least one rule'),
      }),
    }),
    z.strictObject({
      kind: z.literal('deadline'),
      /** Show the warning style when less than this is left. Default 24h. */
      soonWithin: IntervalSchema.optional(),
      /**
       * The host page's own notion of "now", when it has one (a training system whose clock can
       * be moved, like the sim's `window.simClock`). Content scripts cannot call the page's
       * JavaScript, so the page's clock is read where it keeps it: an offset in milliseconds
       * from the browser clock under `offsetKey` in the page's localStorage, re-read when the
       * page dispatches `changeEvent` on window. Absent: the browser clock (the deadline shown is
       * an absolute China-time date, and a live system runs on real time).
       */
      pageClock: z
        .strictObject({
          offsetKey: nonEmptyText('offsetKey', '页面时钟偏移的存储键'),
          changeEvent: nonEmptyText('changeEvent', '页面时钟变化事件').optional(),
        })
        .optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? bilingual(
            '未知的检查类型，可用：validator, password, attachment, report, deadline',
            'unknown check kind: use one of validator, password, attachment, report, deadline',
          )
        : undefined,
  },
);
export type GuardCheck = z.infer<typeof GuardCheckSchema>;

export const GuardSchema = z
  .strictObject({
    /** Stable id; tour steps name it in `guard:`. */
    id: kebabId('id', '字段检查 id'),
    /** Where the guard runs on its own. A guard named by a tour step also runs during that step. */
    pages: z.array(UrlGlobSchema).min(1).optional(),
    /**
     * The field the hint sits next to. For `report`, the element the summary hint sits next to
     * (the form); for `deadline`, the element whose text holds the deadline date.
     */
    field: TargetSchema,
    check: GuardCheckSchema,
    /** Extra line shown under the validator's messages. */
    note: nonEmptyText('note', '补充说明').optional(),
  })
  .superRefine((guard, ctx) => {
    if (guard.check.kind === 'report') {
      const known = new Set(Object.keys(guard.check.fields));
      guard.check.rules.forEach((rule, index) => {
        const names =
          'field' in rule
            ? [rule.field]
            : [
                ...(Array.isArray(rule.left) ? rule.left : [rule.left]),
                ...(typeof rule.right === 'number'
                  ? []
                  : Array.isArray(rule.right)
                    ? rule.right
                    : [rule.right]),
              ];
        for (const name of names) {
          if (!known.has(name)) {
            authorIssue(
              ctx,
              ['check', 'rules', index],
              `字段 "${name}" 没有在 check.fields 中声明`,
              `field "${name}" is not declared in check.fields`,
            );
          }
        }
      });
    }
  });
export type Guard = z.infer<typeof GuardSchema>;

// ---------------------------------------------------------------------------------------------
// Files

export const RulesFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    markers: z.array(MarkerSchema).optional(),
    tips: z.array(TipRuleSchema).optional(),
    guards: z.array(GuardSchema).optional(),
  })
  .meta({ id: 'RulesFile', title: 'Zhiyin 指引 compliance rules file' });
export type RulesFile = z.infer<typeof RulesFileSchema>;

/** Everything the build produced from `tours/rules/`, merged and cross-checked. */
export interface RuleSet {
  markers: Marker[];
  tips: TipRule[];
  guards: Guard[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

// Zod-free, for the rules bundle in host pages (features/rules/helpers.ts); re-exported here.
