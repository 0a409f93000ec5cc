/**
 * Schema fields in authors' words, shared by the content schemas (quizzes, compliance rules, help
 * articles): a field is named by the key the author typed (`prompt`) and, in Chinese, by what it
 * is (`题干`), Simplified Chinese first, joined by explain.ts's separator.
 */
import { z } from 'zod';
import { bilingual } from './explain';

/** Content ids: lower-case ASCII words joined by single dashes (`gongwen-new-document`). */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A zod `error` for a required field: `缺少必填项 key（zh） / key is required` when the key is
 * absent, `otherwise` when it is there with the wrong type.
 */
export const requiredField =
  (key: string, zh: string, otherwise: string) => (issue: { input?: unknown }) =>
    issue.input === undefined
      ? bilingual(`缺少必填项 ${key}（${zh}）`, `${key} is required`)
      : otherwise;

/** A text as the author typed it: `key（zh）应为文字 / key must be text`. */
const wrongTypeText = (key: string, zh: string) =>
  bilingual(`${key}（${zh}）应为文字`, `${key} must be text`);

/** A required text, trimmed, that must not be empty. */
export const requiredText = (key: string, zh: string) =>
  z
    .string({ error: requiredField(key, zh, wrongTypeText(key, zh)) })
    .trim()
    .min(1, { error: bilingual(`${key}（${zh}）不能为空`, `${key} must not be empty`) });

/**
 * Required kebab-case ids of one kind of content, whose messages show `example` as a good id:
 * `const kebabId = kebabIds('no-data-leak'); kebabId('id', '提示 id')`.
 */
export const kebabIds = (example: string) => (key: string, zh: string) =>
  z.string({ error: requiredField(key, zh, wrongTypeText(key, zh)) }).regex(KEBAB_ID, {
    error: bilingual(
      `${zh}只能用小写英文字母、数字和单个连字符，如 ${example}`,
      `${key} must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. ${example}`,
    ),
  });

/** What {@link authorIssue} needs of zod's refinement context (`superRefine((value, ctx) => …)`). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/**
 * A rule across fields broken, for `superRefine`: an issue at `path` (inside the refined value)
 * with its message in both languages, Simplified Chinese first.
 */
export function authorIssue(ctx: IssueSink, path: PropertyKey[], zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', path, message: bilingual(zh, en) });
}
