/**
 * Pure planning for `tours:check`: which concrete URL a tour or step is checked on, and what a
 * checker types or chooses to get through a step the way a person would. No browser here, so it is
 * unit-tested on its own.
 */
import type { Step, Tour } from '../../../features/tour/schema';
import { describeLocator } from '../../../lib/locate/resolve';
import { VALIDATORS } from '../../../lib/validators';
import { type Locator, type Target, targetAlternatives } from '../../../lib/locate/locator';

/**
 * Known-valid sample values per validator id (lib/validators). Each passes its validator (unit
 * test), so an `input` step guarded by a validator advances as it would for a careful user.
 */
export const VALIDATOR_SAMPLES: Readonly<Record<string, string>> = {
  creditCode: '91350100M000100Y43',
  idCard: '11010519491231002X',
  mobile: '13800138000',
  landline: '021-62345678',
  phone: '13800138000',
  password: 'Zhiyin@2024',
};

/** Tried in order against an `advance.pattern` when nothing more specific applies. */
const GENERIC_SAMPLES = [
  '测试内容',
  '张三',
  'test',
  '13800138000',
  '2024',
  '1',
  'test@example.com',
];

export interface Credentials {
  account: string;
  password: string;
}

/** The `check` block of a step or tour (schema: features/tour/schema.ts), `{}` when absent. */
function checkBlock(value: Step | Tour): { url?: string; value?: string } {
  return value.check ?? {};
}

/**
 * What the checker does on a step to get past it like a learner: `click` the target (or the
 * `check.click` locator inside it), `upload` a file (`check.file`), `type` or `choose` a value, or
 * nothing (`read`). Click is the default for click steps and for appear / disappear / navigation
 * steps with a target, because that is how a person makes those happen; `check.do: none` opts out.
 */
export type CheckAction = 'click' | 'tick-all' | 'upload' | 'type' | 'choose' | 'read';

export function checkAction(step: Step): CheckAction {
  if (!step.target) return 'read';
  if (step.check?.file !== undefined) return 'upload';
  if (step.check?.do === 'none') return 'read';
  if (step.check?.do === 'tick-all') return 'tick-all';
  if (step.check?.do === 'click' || step.check?.click !== undefined) return 'click';
  switch (step.advance.on) {
    case 'input':
      return 'type';
    case 'change':
      return 'choose';
    case 'click':
    case 'appear':
    case 'disappear':
    case 'navigation':
      return 'click';
    default:
      return 'read';
  }
}

/** The account a tour is checked as: its `check.login`, else the first `--login`. */
export function tourAccount(tour: Tour, logins: readonly Credentials[]): Credentials | undefined {
  const wanted = tour.check?.login;
  if (wanted === undefined) return logins[0];
  return logins.find((login) => login.account === wanted);
}

/**
 * A concrete URL for a glob: `*` removed (`/index.html#/docs/new*` → `/index.html#/docs/new`),
 * resolved against `base`. Globs with a scheme are taken as whole URLs.
 */
export function concreteUrl(glob: string, base: string): string {
  return new URL(glob.replace(/\*+/gu, ''), base).href;
}

/**
 * Where a tour is checked from: `--start <tour-id>=<url>` first, then the tour's `check.url`, then
 * the first step's `page`, then its first `applies.url` glob, made concrete against `base`.
 */
export function tourStartUrl(
  tour: Tour,
  base: string,
  overrides: ReadonlyMap<string, string> = new Map(),
): string {
  const override = overrides.get(tour.id) ?? checkBlock(tour).url;
  if (override) return new URL(override, base).href;
  const firstPage = tour.steps[0]?.page;
  if (firstPage) return concreteUrl(firstPage, base);
  const applies = Array.isArray(tour.applies.url) ? tour.applies.url[0] : tour.applies.url;
  return concreteUrl(applies ?? '/', base);
}

/** The URL a step's `page` glob stands for when the checker has to open it directly. */
export function stepPageUrl(step: Step, base: string): string | undefined {
  const explicit = checkBlock(step).url;
  if (explicit) return new URL(explicit, base).href;
  return step.page ? concreteUrl(step.page, base) : undefined;
}

const ACCOUNT_LABELS = /^(账号|帐号|用户名|登录名|账户|用户账号)$/u;
const PASSWORD_LABELS = /^(密码|登录密码)$/u;

function targetWords(target: Target | undefined): string[] {
  if (!target) return [];
  return targetAlternatives(target).flatMap((locator: Locator) => {
    if ('label' in locator) return [locator.label];
    if ('role' in locator && locator.name) return [locator.name];
    if ('placeholder' in locator) return [locator.placeholder.replace(/^请输入/u, '')];
    return [];
  });
}

/**
 * What to type for an `input` step: the step's `check.value`, the `--login` credentials for an
 * account/password field, the validator's sample, else a generic sample that matches the step's
 * pattern. Undefined when no sample matches the pattern (the report then asks for `check.value`).
 */
export function sampleInput(step: Step, login?: Credentials): string | undefined {
  const explicit = checkBlock(step).value;
  if (explicit !== undefined) return explicit;
  const words = targetWords(step.target);
  if (login && words.some((word) => ACCOUNT_LABELS.test(word))) return login.account;
  if (login && words.some((word) => PASSWORD_LABELS.test(word))) return login.password;
  if (step.advance.on !== 'input') return GENERIC_SAMPLES[0];
  const { pattern, validator } = step.advance;
  const candidates = [
    ...(validator && VALIDATOR_SAMPLES[validator] ? [VALIDATOR_SAMPLES[validator]] : []),
    ...GENERIC_SAMPLES,
  ];
  return candidates.find((value) => {
    if (validator && VALIDATORS[validator] && !VALIDATORS[validator](value).ok) return false;
    return pattern === undefined || new RegExp(`^(?:${pattern})$`, 'u').test(value);
  });
}

/** The option to choose for a `change` step: its `advance.value` or `check.value`, else the first. */
export function sampleChoice(step: Step): string | undefined {
  const explicit = checkBlock(step).value;
  if (explicit !== undefined) return explicit;
  return step.advance.on === 'change' ? step.advance.value : undefined;
}

/** `label "文种" | role button "提交审核"` for reports. */
export function describeTarget(target: Target): string {
  return targetAlternatives(target).map(describeLocator).join(' | ');
}
