import { describe, expect, it } from 'vitest';
import { suggestStepId } from '../../../features/author/yaml-step';

describe('suggestStepId', () => {
  it('turns Chinese names into toneless kebab-case pinyin', () => {
    expect(suggestStepId({ label: '文种' })).toBe('wen-zhong');
    expect(suggestStepId({ role: 'button', name: '提交审核' })).toBe('ti-jiao-shen-he');
    // ü is written as v, as people type it.
    expect(suggestStepId({ text: '旅游' })).toBe('lv-you');
  });

  it('keeps Latin words and digits, drops punctuation, and caps the length at 40', () => {
    expect(suggestStepId({ testid: 'doc_title' })).toBe('doc-title');
    expect(suggestStepId({ text: '上传 PDF（≤10 MB）' })).toBe('shang-chuan-pdf-10-mb');
    const long = suggestStepId({ label: '统一社会信用代码统一社会信用代码统一社会信用代码' });
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it('falls back to the role or the given word when the locator names nothing', () => {
    expect(suggestStepId({ role: 'dialog' })).toBe('dialog');
    expect(suggestStepId({ css: [{ selector: '#x', note: 'x' }] }, 'input')).toBe('input');
  });
});
