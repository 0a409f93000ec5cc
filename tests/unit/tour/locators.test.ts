import { describe, expect, it } from 'vitest';
import * as schema from '../../../features/tour/schema';
import { locatorKind, targetAlternatives, type Locator } from '../../../lib/locate/locator';

describe('zod-free locator helpers (what the overlay and rules bundles use)', () => {
  it('names the kind of every locator the schema accepts, like the schema does', () => {
    const examples: Locator[] = [
      { label: '姓名' },
      { role: 'button', name: '保存' },
      { text: '保存成功' },
      { placeholder: '请输入' },
      { testid: 'save' },
      { css: [{ selector: '#save', note: 'the save button' }] },
    ];
    expect(examples.map((locator) => locatorKind(locator))).toEqual([...schema.LOCATOR_KINDS]);
    // Every kind the content side knows is one the tour schema accepts.
    for (const locator of examples)
      expect(schema.LocatorSchema.safeParse(locator).success).toBe(true);
  });

  it('refuses a locator without a kind', () => {
    expect(() => locatorKind({} as never)).toThrow('locator without a kind');
  });

  it('lists a single locator or an array of alternatives in order', () => {
    expect(targetAlternatives({ label: '姓名' })).toEqual([{ label: '姓名' }]);
    expect(targetAlternatives([{ label: '姓名' }, { text: '姓名' }])).toEqual([
      { label: '姓名' },
      { text: '姓名' },
    ]);
  });
});
