/**
 * The options page's 学习记录库（xAPI） form: what an administrator types, checked with clear
 * Chinese messages before anything is saved, and turned into the policy's `lrs` value
 * (features/xapi/config.ts LrsConfigSchema, which the background checks again).
 */
import { z } from 'zod';
import type { LrsConfig } from '../config';

/** The policy `lrs` value the form produces (Basic credentials). */
export interface LrsFormValue {
  endpoint: string;
  auth: { kind: 'basic'; key: string; secret: string };
  homePage?: string;
  sendDisplayName: boolean;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const LrsFormSchema = z.strictObject({
  endpoint: z
    .string()
    .trim()
    .min(1, { error: '请填写学习记录库的 xAPI 地址。' })
    .refine(isHttpUrl, {
      error:
        'xAPI 地址必须是以 https:// 或 http:// 开头的完整网址，例如 https://lrs.example.gov.cn/xAPI/',
    })
    .refine((value) => !/[?#]/.test(value), {
      error:
        'xAPI 地址不能包含“?”或“#”，请只填到 xAPI 这一级，例如 https://lrs.example.gov.cn/xAPI/',
    }),
  key: z
    .string()
    .trim()
    .min(1, { error: '请填写密钥（Key）。' })
    .refine((value) => !value.includes(':'), { error: '密钥（Key）不能包含英文冒号“:”。' }),
  secret: z.string().min(1, { error: '请填写密码（Secret）。' }),
  homePage: z
    .string()
    .trim()
    .refine((value) => value === '' || isHttpUrl(value), {
      error: '账号主页必须是以 https:// 或 http:// 开头的网址；不填则使用所培训系统的地址。',
    }),
  sendDisplayName: z.boolean(),
});
export type LrsForm = z.infer<typeof LrsFormSchema>;

export const EMPTY_LRS_FORM: LrsForm = {
  endpoint: '',
  key: '',
  secret: '',
  homePage: '',
  sendDisplayName: false,
};

/** Form values → the policy's `lrs` value, or Chinese messages per field. */
export function lrsFromForm(
  input: unknown,
):
  | { ok: true; value: LrsFormValue }
  | { ok: false; errors: Partial<Record<keyof LrsForm, string>> } {
  const parsed = LrsFormSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<keyof LrsForm, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof LrsForm | undefined;
      if (field && errors[field] === undefined) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const form = parsed.data;
  const endpoint = form.endpoint.endsWith('/') ? form.endpoint : `${form.endpoint}/`;
  return {
    ok: true,
    value: {
      endpoint,
      auth: { kind: 'basic', key: form.key, secret: form.secret },
      ...(form.homePage ? { homePage: form.homePage } : {}),
      sendDisplayName: form.sendDisplayName,
    },
  };
}

/** The policy's `lrs` value → form values (token credentials show no key/secret). */
export function formFromLrs(lrs: LrsConfig | null): LrsForm {
  if (!lrs) return { ...EMPTY_LRS_FORM };
  return {
    endpoint: lrs.endpoint,
    key: lrs.auth.kind === 'basic' ? lrs.auth.key : '',
    secret: lrs.auth.kind === 'basic' ? lrs.auth.secret : '',
    homePage: lrs.homePage ?? '',
    sendDisplayName: lrs.sendDisplayName,
  };
}
