import { z } from 'zod';
import { checkReportEndpoint, type ReportEndpoint } from '../../features/report/endpoint';
import { LrsConfigSchema, parseLrsConfig, type LrsConfig } from '../../features/xapi/config';
import { ROLES, type Role } from '../../features/profile/roles';
import { PackPolicyInput, parsePackPolicy, type PackPolicy } from '../../features/packs/policy';

/** How often the satisfaction survey may be offered (features/survey/background/service.ts). */
export interface SurveyPolicy {
  /** Offers per subject (one tour, or the assessment of one tour), ever. 0 = never. */
  perSubject: number;
  /** Offers in any 24 hours, all subjects together. 0 = never. */
  perDay: number;
}

/** Once per tour or assessment, at most three a day: enough answers, no nagging. */
export const DEFAULT_SURVEY_POLICY: SurveyPolicy = { perSubject: 1, perDay: 3 };

/**
 * How long records that are not learning results are kept, in days (app/background/retention.ts):
 * problem reports once delivered, the activity log (pages visited…), statements the LRS refused
 * for good, and help searches that found nothing. Learning results (tours, exams, quizzes,
 * acknowledgements) are the training record and are not pruned; reports and statements still to
 * be delivered are never pruned.
 */
export interface RetentionPolicy {
  sentReportsDays: number;
  activityDays: number;
  rejectedStatementsDays: number;
  searchMissesDays: number;
}

/**
 * Short enough that the machine does not become an archive of what people did, long enough for
 * support to follow up a report and for trainers to see a term's unanswered searches.
 */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  sentReportsDays: 30,
  activityDays: 90,
  rejectedStatementsDays: 30,
  searchMissesDays: 180,
};

/**
 * What an administrator decides. Sources, per setting: the managed policy (Chrome/domestic browser
 * enterprise policy, `storage.managed`, schema in public/managed-schema.json) wins and locks the
 * setting; otherwise the value saved on the options page's 管理员设置 (storage.local); otherwise
 * the default. Nothing leaves the machine unless one of them configures where it goes.
 */
export interface Policy {
  /** Where problem reports are delivered (JSON over HTTPS, bearer token). */
  reportEndpoint: ReportEndpoint | null;
  /** The Learning Record Store for xAPI statements. */
  lrs: LrsConfig | null;
  /** How often the satisfaction survey is offered (default {@link DEFAULT_SURVEY_POLICY}). */
  survey: SurveyPolicy;
  /** How long records are kept (default {@link DEFAULT_RETENTION_POLICY}). */
  retention: RetentionPolicy;
  /**
   * Who the learner is, as the organisation knows them (managed policy only, one per browser
   * profile or Windows user): absent when not configured.
   */
  identity?: IdentityPolicy;
  /** Signed content packs: URLs, public keys, refresh interval (features/packs). Absent: none. */
  packs?: PackPolicy | null;
}

export type PolicyKey = keyof Policy;

export interface PolicyView {
  policy: Policy;
  /** Settings fixed by the managed policy (the options page shows them read-only). */
  locked: PolicyKey[];
  /** Problems with configured values (a broken value is ignored, never half-used). */
  problems: string[];
  /**
   * The browser has not answered for the managed policy yet (app/policy/store.ts): the built-in
   * defaults and the options page's values apply until it does.
   */
  managedPending?: boolean;
}

export const DEFAULT_POLICY: Policy = {
  reportEndpoint: null,
  lrs: null,
  survey: DEFAULT_SURVEY_POLICY,
  retention: DEFAULT_RETENTION_POLICY,
};

const Days = z.int().min(1).max(3650);
const RetentionInput = z.strictObject({
  sentReportsDays: Days.optional(),
  activityDays: Days.optional(),
  rejectedStatementsDays: Days.optional(),
  searchMissesDays: Days.optional(),
});

/** Fields left out keep their default; a broken value keeps all defaults, with a problem. */
function parseRetention(input: unknown): { value: RetentionPolicy; problem?: string } {
  if (input === null || input === undefined) return { value: DEFAULT_RETENTION_POLICY };
  const parsed = RetentionInput.safeParse(input);
  if (parsed.success) {
    const defined = Object.fromEntries(
      Object.entries(parsed.data).filter(([, days]) => days !== undefined),
    );
    return { value: { ...DEFAULT_RETENTION_POLICY, ...defined } };
  }
  const issue = parsed.error.issues[0];
  return {
    value: DEFAULT_RETENTION_POLICY,
    problem: `retention: ${issue?.path.join('.') || '(value)'}: 应为 1–3650 的整数天数（${issue?.message}）`,
  };
}

const SurveyInput = z.strictObject({
  perSubject: z.int().min(0).max(100),
  perDay: z.int().min(0).max(100),
});

function parseSurvey(input: unknown): { value: SurveyPolicy; problem?: string } {
  if (input === null || input === undefined) return { value: DEFAULT_SURVEY_POLICY };
  const parsed = SurveyInput.safeParse(input);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    value: DEFAULT_SURVEY_POLICY,
    problem: `survey: ${issue?.path.join('.') || '(value)'}: 应为 0–100 的整数（${issue?.message}）`,
  };
}

const ReportEndpointInput = z.strictObject({
  url: z.string().trim().min(1),
  token: z.string().trim().min(1, { error: 'token must not be empty' }),
});

/** Raw stored settings: what the options page saves and what the managed policy may contain. */
export type PolicyInput = Partial<Record<PolicyKey, unknown>>;

function parseReportEndpoint(input: unknown): { value: ReportEndpoint | null; problem?: string } {
  if (input === null || input === undefined) return { value: null };
  const parsed = ReportEndpointInput.safeParse(input);
  if (!parsed.success)
    return { value: null, problem: `reportEndpoint: ${parsed.error.issues[0]?.message}` };
  const check = checkReportEndpoint(parsed.data.url);
  if (!check.ok) return { value: null, problem: `reportEndpoint: ${check.message}` };
  return { value: { url: check.url.href, token: parsed.data.token } };
}

function parseLrs(input: unknown): { value: LrsConfig | null; problem?: string } {
  if (input === null || input === undefined) return { value: null };
  const parsed = parseLrsConfig(input);
  return parsed.ok
    ? { value: parsed.config }
    : { value: null, problem: `lrs: ${parsed.errors.join('; ')}` };
}

/** Combines the sources into the policy in force. Pure: storage access is the caller's. */
export function resolvePolicy(managed: PolicyInput, local: PolicyInput): PolicyView {
  const problems: string[] = [];
  const locked: PolicyKey[] = [];
  const pick = (key: PolicyKey) => {
    if (managed[key] !== undefined) {
      locked.push(key);
      return managed[key];
    }
    return local[key];
  };
  const endpoint = parseReportEndpoint(pick('reportEndpoint'));
  const lrs = parseLrs(pick('lrs'));
  if (endpoint.problem) problems.push(endpoint.problem);
  const survey = parseSurvey(pick('survey'));
  if (lrs.problem) problems.push(lrs.problem);
  if (survey.problem) problems.push(survey.problem);
  const retention = parseRetention(pick('retention'));
  if (retention.problem) problems.push(retention.problem);
  // Identity only from the managed policy: a learner must not be able to be someone else.
  const identity = parseIdentity(managed.identity);
  if (managed.identity !== undefined) locked.push('identity');
  if (identity.problem) problems.push(identity.problem);
  const packs = parsePackPolicy(pick('packs'));
  if (packs.problem) problems.push(packs.problem);
  return {
    policy: {
      reportEndpoint: endpoint.value,
      lrs: lrs.value,
      survey: survey.value,
      retention: retention.value,
      ...(identity.value ? { identity: identity.value } : {}),
      packs: packs.value,
    },
    locked,
    problems,
  };
}

/**
 * The learner as the organisation knows them, set by the administrator per browser profile or
 * Windows user (managed policy only; the learner cannot type or change it). Defined and
 * validated here; the xAPI actor and the 培训管理 view consume it (issue 15, organisation view):
 * statements are to carry `actor.account = { homePage, name: account }`, so one person is one
 * agent on every computer they use.
 */
export interface IdentityPolicy {
  /** The staff account (工号 or login name): `actor.account.name`. Stable, not the display name. */
  account: string;
  /** Display name (姓名): sent as `actor.name` only when `lrs.sendDisplayName` is true. */
  name?: string;
  /** Department (部门) the organisation's figures are grouped by. */
  department: string;
  /** Training group (培训对象); when set, the learner does not pick one. */
  role?: Role;
  /**
   * `actor.account.homePage`: the system that issues `account` (e.g. the OA's sign-in page).
   * Default: `lrs.homePage`, else the origin of the host system.
   */
  homePage?: string;
}

/** Visible text of at most `max` characters, no control characters. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: '不能为空 / must not be empty' })
    .max(max, { error: `最多 ${max} 个字符 / at most ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u001f\u007f]/.test(text), {
      error: '不能含控制字符 / no control characters',
    });

const IdentityInput = z.strictObject({
  account: Text(128),
  name: Text(64).optional(),
  department: Text(100),
  role: z
    .enum(ROLES, { error: `应为 ${ROLES.join('、')} 之一 / must be one of the training groups` })
    .optional(),
  homePage: z
    .url({ protocol: /^https?$/, error: '应为 http(s) 地址 / must be an http(s) URL' })
    .optional(),
});

function parseIdentity(input: unknown): { value: IdentityPolicy | null; problem?: string } {
  if (input === null || input === undefined) return { value: null };
  const parsed = IdentityInput.safeParse(input);
  if (parsed.success) {
    const defined = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
    return { value: Object.fromEntries(defined) as unknown as IdentityPolicy };
  }
  const issue = parsed.error.issues[0];
  return {
    value: null,
    problem: `identity: ${issue?.path.join('.') || '(value)'}: ${issue?.message}（身份设置无效，已忽略 / identity ignored）`,
  };
}

/**
 * What the policy code reads, key by key (tests/unit/policy/schema-coverage.test.ts compares
 * these with public/managed-schema.json, so the schema an administrator sees and the code agree).
 */
export const POLICY_INPUT_SCHEMAS = {
  reportEndpoint: ReportEndpointInput,
  lrs: LrsConfigSchema,
  survey: SurveyInput,
  retention: RetentionInput,
  identity: IdentityInput,
  packs: PackPolicyInput,
} as const;
