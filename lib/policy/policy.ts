import { z } from 'zod';
import { checkReportEndpoint, type ReportEndpoint } from '../report/endpoint';
import { parseLrsConfig, type LrsConfig } from '../xapi/config';

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
}

export type PolicyKey = keyof Policy;

export interface PolicyView {
  policy: Policy;
  /** Settings fixed by the managed policy (the options page shows them read-only). */
  locked: PolicyKey[];
  /** Problems with configured values (a broken value is ignored, never half-used). */
  problems: string[];
}

export const DEFAULT_POLICY: Policy = { reportEndpoint: null, lrs: null };

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
  if (lrs.problem) problems.push(lrs.problem);
  return { policy: { reportEndpoint: endpoint.value, lrs: lrs.value }, locked, problems };
}
