/**
 * The content pack file (docs/content-packs.zh-CN.md): one JSON document,
 *
 * ```json
 * { "format": "zhiyin-content-pack", "formatVersion": 1,
 *   "payload": { "id": "xinxi-zhongxin", "version": 7, "createdAt": "…",
 *                "tours": [], "help": [], "rules": [], "quizzes": [], "checklists": null,
 *                "retire": [], "renames": {} },
 *   "signature": { "alg": "ES256", "keyId": "…", "value": "<base64url r||s>" } }
 * ```
 *
 * The signature covers `payload` only (./canonical.ts): the envelope's other fields say how to
 * read it. `version` is the content version, an integer that only grows: a pack older than the
 * last one applied from the same source is refused (a replayed old pack cannot roll training
 * back). Framework-free.
 */
import { z } from 'zod';

export const PACK_FORMAT = 'zhiyin-content-pack';
export const PACK_FORMAT_VERSION = 1;

/** What one pack may hold. Each item is also held to lib/content/limits.ts like a content file. */
export const PACK_LIMITS = {
  /** Bytes of the pack file (a pack of every tour in tours/ today is ~400 kB). */
  bytes: 5_000_000,
  tours: 200,
  help: 500,
  rules: 100,
  quizzes: 50,
  retire: 500,
  renames: 500,
} as const;

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export const PackSignatureSchema = z.strictObject({
  alg: z.literal('ES256'),
  /** ./crypto.ts keyIdOf: which of the configured public keys signed it. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/u),
  /** base64url; P1363 (`r || s`) as written by pack:sign, or DER (converted, ./crypto.ts). */
  value: z.string().min(1).max(200),
});

export const PackEnvelopeSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  payload: z.record(z.string(), z.unknown()),
  signature: PackSignatureSchema,
});
export type PackEnvelope = z.infer<typeof PackEnvelopeSchema>;

const list = (limit: number) => z.array(z.unknown()).max(limit).default([]);

/** The payload's own fields; each item of the lists is validated with its content schema. */
export const PackPayloadShape = z.strictObject({
  /** The pack's id: one source's packs share it, and the rollback check is per id. */
  id: z
    .string()
    .regex(KEBAB_ID, { error: '内容包 id 须为 kebab-case / pack id must be kebab-case' }),
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.string().max(40).optional(),
  tours: list(PACK_LIMITS.tours),
  help: list(PACK_LIMITS.help),
  rules: list(PACK_LIMITS.rules),
  quizzes: list(PACK_LIMITS.quizzes),
  checklists: z.unknown().optional(),
  /** Tours this pack takes away (bundled or from an earlier pack): not listed nor started. */
  retire: z.array(z.string().regex(KEBAB_ID)).max(PACK_LIMITS.retire).default([]),
  /** Tour renames, `old-id → new-id` (features/tour/renames.ts): the old id is retired. */
  renames: z.record(z.string(), z.string()).default({}),
});
