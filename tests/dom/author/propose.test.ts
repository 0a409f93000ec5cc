// @vitest-environment happy-dom
/**
 * Locator proposals against saved markup of real Ant Design 6 and Element Plus components
 * (tests/fixtures/html). happy-dom has no layout engine: every lookup passes `layout: false`.
 */
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../features/author/propose';
import { pickTarget, proposeLocators } from '../../../features/author/propose';
import { resolveTarget } from '../../../lib/locate/resolve';
import { loadFixture } from '../locate/load-fixture';

const NO_LAYOUT = { layout: false } as const;

function pick(selector: string): Element {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`fixture has no ${selector}`);
  return element;
}

function propose(selector: string): Proposal[] {
  return proposeLocators(pick(selector), document, NO_LAYOUT);
}

/** Independent re-check of each proposal's proof with the engine the tours run on. */
function expectProven(proposals: Proposal[]): void {
  expect(proposals.length).toBeGreaterThan(0);
  for (const proposal of proposals) {
    const outcome = resolveTarget(proposal.locator, document, {
      ...NO_LAYOUT,
      frame: proposal.frame,
    });
    expect(outcome.kind, proposal.description).toBe('found');
    if (outcome.kind === 'found') expect(outcome.element).toBe(proposal.element);
  }
}

describe('proposeLocators on Ant Design', () => {
  it('proposes a select by the label of its form item first, pointing at the whole select box', () => {
    loadFixture('antd-form.html');
    // The author clicks the text inside the select, not its outer box.
    const proposals = propose('#doc_type');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ label: '文种' });
    expect(proposals[0]?.element.classList.contains('ant-select')).toBe(true);
    expect(proposals.map((p) => p.kind)).toEqual(['label', 'placeholder', 'css']);
  });

  it('orders label, role + name, placeholder, test id, then CSS with a note', () => {
    loadFixture('antd-form.html');
    const proposals = propose('#doc_title');
    expectProven(proposals);
    expect(proposals.map((p) => p.locator)).toEqual([
      { label: '标题' },
      { role: 'textbox', name: '标题' },
      { placeholder: '请输入公文标题' },
      { testid: 'doc-title' },
      { css: [{ selector: '#doc_title', note: expect.stringContaining('标题') as unknown }] },
    ]);
    expect(proposals.at(-1)?.note).toMatch(/CSS/u);
  });

  it('lifts a click on the label span of a button to the button, named without icon glyphs', () => {
    loadFixture('antd-form.html');
    const inner = pick('button[type="submit"] span');
    expect(pickTarget(inner).localName).toBe('button');
    const proposals = proposeLocators(inner, document, NO_LAYOUT);
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ role: 'button', name: '提交审核' });
    expect(proposals[1]?.locator).toEqual({ text: '提交审核' });
  });

  it('narrows a repeated table action with its row, never with nth, and finds the right row', () => {
    loadFixture('antd-table.html');
    const link = pick('tr[data-row-key="7"] a[href="#/docs/view"]');
    const proposals = proposeLocators(link, document, NO_LAYOUT);
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({
      role: 'link',
      name: '查看',
      within: { role: 'row', name: '办〔2024〕7号', exact: false },
    });
    expect(proposals.every((p) => p.locator.nth === undefined)).toBe(true);
    // Unscoped, the same name is ambiguous: the proof is what makes the row necessary.
    const unscoped = resolveTarget({ role: 'link', name: '查看' }, document, NO_LAYOUT);
    expect(unscoped).toMatchObject({ kind: 'ambiguous', count: 30 });
  });

  it('uses nth only inside the narrowest container, with a warning note, after the unique ones', () => {
    loadFixture('antd-form.html');
    // 联系人 has two inputs (姓名, 联系电话) in one form item.
    const proposals = propose('#doc_contact_name');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ placeholder: '姓名' });
    const withNth = proposals.find((p) => p.locator.nth !== undefined);
    expect(withNth?.locator).toEqual({ role: 'textbox', within: { label: '联系人' }, nth: 1 });
    expect(withNth?.note).toMatch(/第 1 个/u);
    // A label alone would point at both inputs' wrapper: never proposed for one input.
    expect(proposals.some((p) => 'label' in p.locator && p.locator.within === undefined)).toBe(
      false,
    );
  });

  it('skips generated ids and hashed or state classes in CSS proposals', () => {
    loadFixture('antd-modal.html');
    const proposals = propose('.ant-modal-close');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ role: 'button', name: 'Close' });
    const css = proposals.filter((p) => p.kind === 'css');
    for (const proposal of css) {
      const selector = 'css' in proposal.locator ? proposal.locator.css[0]?.selector : '';
      expect(selector).not.toMatch(/_r_|css-var|:r/u);
    }
  });

  it('proposes nothing for an element nobody can see (a button in a closed modal)', () => {
    loadFixture('antd-modal.html');
    const hidden = [...document.querySelectorAll('button')].find(
      (button) => button.textContent === '关闭的按钮',
    );
    expect(hidden).toBeDefined();
    expect(proposeLocators(hidden as Element, document, NO_LAYOUT)).toEqual([]);
  });
});

describe('proposeLocators on Element Plus', () => {
  it('proposes a dialog input by its form label and never by its generated el-id', () => {
    loadFixture('element-plus-dialog.html');
    const proposals = propose('input[placeholder="请输入材料名称"]');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ label: '材料名称' });
    expect(proposals[0]?.element.classList.contains('el-input')).toBe(true);
    expect(JSON.stringify(proposals.map((p) => p.locator))).not.toMatch(/el-id-/u);
  });

  it('accepts the test id of the only input inside a picked Element Plus input', () => {
    loadFixture('element-plus-form.html');
    const proposals = propose('[data-testid="uscc"]');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ label: '统一社会信用代码' });
    expect(proposals.map((p) => p.locator)).toContainEqual({ testid: 'uscc' });
  });

  it('proposes the primary button by role and name', () => {
    loadFixture('element-plus-form.html');
    const proposals = propose('.el-button--primary span');
    expectProven(proposals);
    expect(proposals[0]?.locator).toEqual({ role: 'button', name: '提交审批' });
  });
});
