/**
 * Opening a pack file received from outside (a policy URL, a hand import): every check, in an
 * order where nothing from the file is trusted before its signature is checked.
 *
 * 1. size (PACK_LIMITS.bytes), 2. JSON, 3. envelope (format, formatVersion, signature fields),
 * 4. signature by one of the configured public keys (./crypto.ts), 5. version: newer than the
 * last applied from the same source (equal with the same signature: unchanged), 6. content with
 * the build's schemas (./validate.ts). A refusal says which step failed, bilingually, with the
 * paths of content errors. Never throws.
 */
import { explainIssues, formatIssuePath } from '../../lib/content/explain';
import { signedBytes } from './canonical';
import { verifyBytes, type PublicPackKey } from './crypto';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS, PackEnvelopeSchema } from './format';
import {
  validatePackPayload,
  type PackContent,
  type PackError,
  type ValidateOptions,
} from './validate';

export type RefusalKind =
  'size' | 'json' | 'format' | 'signature' | 'rollback' | 'content' | 'source';

export interface PackRefusal {
  kind: RefusalKind;
  /** `中文 / English`, what an administrator reads on the options page. */
  message: string;
  /** Content errors with their paths (kind `content`, `format`). At most 50. */
  errors?: PackError[];
  /** The refused pack's version, when it could be read. */
  version?: number;
  /**
   * The key id and pack id the file names (its envelope and payload), when it could be read:
   * what the file claims, not a verified fact (the refusal report carries them as such).
   */
  keyId?: string;
  packId?: string;
}

export interface LastApplied {
  version: number;
  /** The signature value of the pack applied: the same version again is "unchanged". */
  signature: string;
}

export interface OpenOptions extends ValidateOptions {
  keys: readonly PublicPackKey[];
  /**
   * The last pack applied with the same pack id, if any (rollback check): a value, or a look-up
   * by the pack's id (read once the signature is good).
   */
  last?:
    LastApplied | null | ((packId: string) => LastApplied | null | Promise<LastApplied | null>);
}

export type OpenResult =
  | { status: 'valid'; content: PackContent; signature: string; keyId: string }
  | { status: 'unchanged'; version: number }
  | { status: 'refused'; refusal: PackRefusal };

const MAX_ERRORS = 50;

const refuse = (refusal: PackRefusal): OpenResult => ({
  status: 'refused',
  refusal: refusal.errors ? { ...refusal, errors: refusal.errors.slice(0, MAX_ERRORS) } : refusal,
});

/** `bytes` as UTF-8 text, or a refusal (size first: a huge file is not decoded). */
export function packText(bytes: Uint8Array): { text: string } | { refusal: PackRefusal } {
  if (bytes.length > PACK_LIMITS.bytes) {
    return {
      refusal: {
        kind: 'size',
        message: `内容包过大：${bytes.length} 字节，上限 ${PACK_LIMITS.bytes} 字节 / pack too large: ${bytes.length} bytes, more than the ${PACK_LIMITS.bytes} allowed`,
      },
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      refusal: { kind: 'json', message: '内容包不是 UTF-8 文本 / the pack is not UTF-8 text' },
    };
  }
}

export async function openPack(text: string, options: OpenOptions): Promise<OpenResult> {
  if (text.length > PACK_LIMITS.bytes) {
    return refuse({
      kind: 'size',
      message: `内容包过大：超过 ${PACK_LIMITS.bytes} 字节 / pack too large: more than ${PACK_LIMITS.bytes} bytes`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    return refuse({
      kind: 'json',
      message: `内容包不是有效的 JSON / the pack is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const envelope = PackEnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const errors = explainIssues(envelope.error.issues, { schema: PackEnvelopeSchema, data }).map(
      (issue) => ({ path: formatIssuePath(issue.path), message: issue.message }),
    );
    return refuse({
      kind: 'format',
      message: `不是指引内容包（应为 ${PACK_FORMAT} 第 ${PACK_FORMAT_VERSION} 版格式） / not a Zhiyin content pack (expected ${PACK_FORMAT} format version ${PACK_FORMAT_VERSION})`,
      errors,
    });
  }
  const { payload, signature } = envelope.data;
  const claimed = {
    keyId: signature.keyId,
    ...(typeof payload.id === 'string' && payload.id.length <= 100 ? { packId: payload.id } : {}),
  };
  const refuseClaimed = (refusal: PackRefusal): OpenResult => refuse({ ...refusal, ...claimed });
  const key = options.keys.find((candidate) => candidate.keyId === signature.keyId);
  if (!key) {
    return refuseClaimed({
      kind: 'signature',
      message: `签名所用的密钥（${signature.keyId}）不在管理员配置的公钥中 / signed with key ${signature.keyId}, which is not one of the configured public keys (${options.keys.map((k) => k.keyId).join(', ') || 'none'})`,
    });
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = signedBytes(payload);
  } catch (error) {
    return refuseClaimed({
      kind: 'format',
      message: `内容无法规范化 / the payload cannot be canonicalised: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!(await verifyBytes(key.key, bytes, signature.value))) {
    return refuseClaimed({
      kind: 'signature',
      message:
        '签名校验失败：内容包被改动过，或不是用该密钥签名的 / signature check failed: the pack was changed after signing, or not signed with this key',
    });
  }
  const version = typeof payload.version === 'number' ? payload.version : undefined;
  const last =
    typeof options.last === 'function'
      ? typeof payload.id === 'string'
        ? await options.last(payload.id)
        : null
      : options.last;
  if (last && version !== undefined) {
    if (version < last.version) {
      return refuseClaimed({
        kind: 'rollback',
        version,
        message: `版本回退被拒绝：收到第 ${version} 版，已应用第 ${last.version} 版 / version rollback refused: got version ${version}, version ${last.version} is already applied`,
      });
    }
    if (version === last.version) {
      if (signature.value === last.signature) return { status: 'unchanged', version };
      return refuseClaimed({
        kind: 'rollback',
        version,
        message: `第 ${version} 版已应用，但内容不同：新内容须使用更大的版本号 / version ${version} is already applied with other content: new content needs a higher version`,
      });
    }
  }
  const validated = validatePackPayload(payload, options);
  if (!validated.content) {
    return refuseClaimed({
      kind: 'content',
      ...(version !== undefined ? { version } : {}),
      message: `内容校验失败（${validated.errors.length} 处错误） / content invalid (${validated.errors.length} error${validated.errors.length === 1 ? '' : 's'})`,
      errors: validated.errors,
    });
  }
  return {
    status: 'valid',
    content: validated.content,
    signature: signature.value,
    keyId: key.keyId,
  };
}
