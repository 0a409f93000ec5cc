// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { evaluatePagePredicate, tourApplies } from '../../../features/tour/match';
import { loadFixture } from './load-fixture';

const NO_LAYOUT = { layout: false } as const; // happy-dom has no layout: see lib/locate/visibility.ts

describe('page predicates', () => {
  beforeEach(() => loadFixture('antd-modal.html'));

  it('present holds for a visible element, absent for one in a closed dialog', () => {
    expect(
      evaluatePagePredicate({ present: { role: 'dialog', name: '提交审核' } }, document, NO_LAYOUT),
    ).toBe(true);
    expect(evaluatePagePredicate({ present: { text: '关闭的按钮' } }, document, NO_LAYOUT)).toBe(
      false,
    );
    expect(evaluatePagePredicate({ absent: { text: '关闭的按钮' } }, document, NO_LAYOUT)).toBe(
      true,
    );
  });

  it('tourApplies needs the URL and every predicate', () => {
    const applies = {
      url: '/index.html#/gongwen/*',
      when: [{ present: { role: 'dialog', name: '提交审核' } }, { absent: { label: '审核人' } }],
    };
    const url = 'http://127.0.0.1:4173/index.html#/gongwen/new';
    expect(tourApplies(applies, { url, document }, NO_LAYOUT)).toBe(false);
    expect(
      tourApplies({ ...applies, when: applies.when.slice(0, 1) }, { url, document }, NO_LAYOUT),
    ).toBe(true);
  });
});
