/**
 * The administrator's LRS settings (managed policy or the options page). Nothing is sent unless a
 * valid configuration exists.
 */
import { z } from 'zod';
import { isSecureTransport } from '../../lib/url/transport';

const httpUrl = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { error: `${what} must be an http(s) URL` },
    );

export const LrsAuthSchema = z.discriminatedUnion('kind', [
  /** Key and secret as the LRS issues them (HTTP Basic). */
  z.strictObject({
    kind: z.literal('basic'),
    key: z.string().min(1, { error: 'the LRS key must not be empty' }),
    secret: z.string().min(1, { error: 'the LRS secret must not be empty' }),
  }),
  /**
   * A ready-made token. Many LRS admin pages show a base64 "Basic" token (scheme Basic, the
   * default); OAuth-style access tokens use scheme Bearer.
   */
  z.strictObject({
    kind: z.literal('token'),
    token: z.string().trim().min(1, { error: 'the LRS token must not be empty' }),
    scheme: z.enum(['Basic', 'Bearer']).default('Basic'),
  }),
]);
export type LrsAuth = z.infer<typeof LrsAuthSchema>;

export const LrsConfigSchema = z.strictObject({
  /** xAPI endpoint, e.g. `https://lrs.example.gov.cn/data/xAPI/` (statements = endpoint + "statements"). */
  endpoint: httpUrl('endpoint').refine(
    (value) => {
      try {
        const url = new URL(value);
        // Other protocols are refused by httpUrl already (one message per problem).
        return url.protocol !== 'http:' || isSecureTransport(url);
      } catch {
        return true; // not a URL at all: httpUrl already said so
      }
    },
    {
      error:
        '学习记录库地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）：否则密钥和学习记录会以明文传输',
    },
  ),
  auth: LrsAuthSchema,
  /**
   * actor.account.homePage: the organisation's home page. Optional: without it the background
   * uses the origin of the host system the learner works in (features/xapi/background/service.ts).
   */
  homePage: httpUrl('homePage').optional(),
  /** Base of activity IRIs; default https://zhiyin.example/xapi/. */
  activityBase: httpUrl('activityBase').optional(),
  /** Send the learner's display name as actor.name (personal data). Default false. */
  sendDisplayName: z.boolean().default(false),
});
export type LrsConfig = z.infer<typeof LrsConfigSchema>;
export type LrsConfigInput = z.input<typeof LrsConfigSchema>;

/** Parse settings; errors are `path: message` lines for the options page. */
export function parseLrsConfig(
  input: unknown,
): { ok: true; config: LrsConfig } | { ok: false; errors: string[] } {
  const parsed = LrsConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

/** `endpoint` + `statements`, whether or not the endpoint ends with a slash. */
export function statementsUrl(endpoint: string): string {
  return `${endpoint.endsWith('/') ? endpoint : `${endpoint}/`}statements`;
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The Authorization header value for the configured credentials. */
export function authorizationHeader(auth: LrsAuth): string {
  if (auth.kind === 'basic') return `Basic ${base64Utf8(`${auth.key}:${auth.secret}`)}`;
  return `${auth.scheme} ${auth.token}`;
}
