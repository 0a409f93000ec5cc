/**
 * The administrator's pack settings (app/policy/policy.ts `packs`, public/managed-schema.json):
 *
 * ```json
 * "packs": { "urls": ["https://xxzx.example.gov.cn/zhiyin/pack.json"],
 *            "publicKeys": ["MFkwEwYHKoZIzj0CAQYIKoZI…"], "refreshMinutes": 60 }
 * ```
 *
 * URLs must be https (plain http only to a loopback address, lib/url/transport.ts), without
 * credentials. Public keys are base64 SPKI or JWK (./crypto.ts); they are imported where used.
 */
import { z } from 'zod';
import { isSecureTransport } from '../../lib/url/transport';

export interface PackPolicy {
  urls: string[];
  publicKeys: unknown[];
  /** How often each URL is asked for a new pack (ETag: an unchanged pack costs one 304). */
  refreshMinutes: number;
}

export const DEFAULT_REFRESH_MINUTES = 60;

export const PackPolicyInput = z.strictObject({
  urls: z.array(z.string().trim().min(1)).max(10).default([]),
  publicKeys: z
    .array(z.union([z.string().trim().min(1), z.record(z.string(), z.unknown())]))
    .max(10)
    .default([]),
  refreshMinutes: z.int().min(5).max(10_080).default(DEFAULT_REFRESH_MINUTES),
});

export function parsePackPolicy(input: unknown): { value: PackPolicy | null; problem?: string } {
  if (input === null || input === undefined) return { value: null };
  const parsed = PackPolicyInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      value: null,
      problem: `packs: ${issue?.path.join('.') || '(value)'}: 内容包设置无效 / invalid pack settings (${issue?.message})`,
    };
  }
  for (const url of parsed.data.urls) {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
    } catch {
      return { value: null, problem: `packs: "${url}" 不是网址 / is not a URL` };
    }
    if (!isSecureTransport(parsedUrl) || parsedUrl.username || parsedUrl.password) {
      return {
        value: null,
        problem: `packs: "${url}" 须为 https（本机地址可用 http），且不含账号密码 / must be https (http only to a loopback address), without credentials`,
      };
    }
  }
  if (parsed.data.urls.length > 0 && parsed.data.publicKeys.length === 0) {
    return {
      value: null,
      problem: 'packs: 配置了内容包地址但没有公钥 / pack URLs need at least one public key',
    };
  }
  return { value: parsed.data };
}
