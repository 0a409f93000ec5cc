/**
 * The learner's identity as the organisation sets it: the managed policy key `identity`
 * ({ account, name?, department, homePage }, declared in public/managed-schema.json by the
 * deployment work of issue 15). Never typed by the learner. Read here, additively, so statements
 * can carry the department before app/policy reads the key itself.
 *
 * What statements carry (docs/xapi.md "Organisation context"):
 * - actor.account = { homePage: identity.homePage, name: identity.account } when both are set;
 * - context.extensions `<base>extensions/department` = identity.department;
 * - context.extensions `<base>extensions/role` = the profile's role (培训对象).
 */
import { z } from 'zod';
import { isSecureTransport } from '../../lib/url/transport';

export interface OrgIdentity {
  account?: string;
  name?: string;
  department?: string;
  /** Training group (培训对象); when set it is the role statements carry. */
  role?: string;
  homePage?: string;
}

const Text = z.string().trim().min(1).max(200);

const IdentitySchema = z.object({
  account: Text.optional(),
  name: Text.optional(),
  department: Text.optional(),
  role: Text.optional(),
  homePage: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || isSecureTransport(url);
      } catch {
        return false;
      }
    })
    .optional(),
});

/**
 * The identity from a policy value, or null when absent or unusable. A broken field is dropped on
 * its own (a bad home page does not lose the department).
 */
export function parseOrgIdentity(value: unknown): OrgIdentity | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const identity: OrgIdentity = {};
  for (const key of ['account', 'name', 'department', 'role', 'homePage'] as const) {
    const parsed = IdentitySchema.shape[key].safeParse(record[key]);
    if (parsed.success && parsed.data !== undefined) identity[key] = parsed.data;
  }
  return Object.keys(identity).length > 0 ? identity : null;
}
