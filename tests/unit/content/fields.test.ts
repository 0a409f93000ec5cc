/** Schema fields in authors' words (lib/content/fields.ts), as an author meets their messages. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  KEBAB_ID,
  authorIssue,
  kebabIds,
  requiredField,
  requiredText,
} from '../../../lib/content/fields';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = z.strictObject({ field: schema }).safeParse(value);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message);
};

describe('requiredText', () => {
  const title = requiredText('title', '标题');

  it('keeps the text, trimmed', () => {
    expect(title.parse('  新建公文 ')).toBe('新建公文');
  });

  it('says the key is missing, is not text, or is empty, in both languages', () => {
    expect(messageOf(title, {})).toEqual(['缺少必填项 title（标题） / title is required']);
    expect(messageOf(title, { field: 3 })).toEqual(['title（标题）应为文字 / title must be text']);
    expect(messageOf(title, { field: '   ' })).toEqual([
      'title（标题）不能为空 / title must not be empty',
    ]);
  });
});

describe('kebabIds', () => {
  const kebabId = kebabIds('no-data-leak')('id', '提示 id');

  it("accepts kebab-case ids and refuses others with the kind's example", () => {
    expect(kebabId.parse('no-data-leak')).toBe('no-data-leak');
    for (const bad of ['No-Data', 'a--b', '-a', 'a-', 'a_b', '']) {
      expect(messageOf(kebabId, { field: bad })).toEqual([
        '提示 id只能用小写英文字母、数字和单个连字符，如 no-data-leak / id must be kebab-case ASCII (a-z, 0-9, single dashes), e.g. no-data-leak',
      ]);
    }
    expect(messageOf(kebabId, {})).toEqual(['缺少必填项 id（提示 id） / id is required']);
    expect(messageOf(kebabId, { field: 7 })).toEqual(['id（提示 id）应为文字 / id must be text']);
  });

  it('is the one id pattern', () => {
    expect(KEBAB_ID.test('gongwen-new-document')).toBe(true);
    expect(KEBAB_ID.test('gongwen_new')).toBe(false);
  });
});

describe('requiredField', () => {
  it('tells a missing key from one of the wrong type', () => {
    const error = requiredField('i18n', '英文翻译', 'i18n 应为对象 / i18n must be a mapping');
    expect(error({})).toBe('缺少必填项 i18n（英文翻译） / i18n is required');
    expect(error({ input: 'x' })).toBe('i18n 应为对象 / i18n must be a mapping');
  });
});

describe('authorIssue', () => {
  it('places a rule across fields at its path, Simplified Chinese first', () => {
    const Step = z
      .strictObject({ frame: z.string().optional(), target: z.string().optional() })
      .superRefine((step, ctx) => {
        if (step.frame !== undefined && step.target === undefined)
          authorIssue(ctx, ['frame'], '写了 frame，还要写 target', 'frame needs a target');
      });
    expect(Step.safeParse({ frame: 'x', target: 'y' }).success).toBe(true);
    const result = Step.safeParse({ frame: 'x' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: ['frame'],
        message: '写了 frame，还要写 target / frame needs a target',
      }),
    ]);
  });
});
