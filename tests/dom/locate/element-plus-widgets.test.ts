// @vitest-environment happy-dom
/**
 * Issue 13: widgets of a real Element Plus office system (tests/fixtures/html/element-plus-widgets.html,
 * rendered from the library by scripts/fixtures). happy-dom has no layout: lookups pass
 * `layout: false`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFieldValue, watchFieldValue } from '../../../lib/locate/field-value';
import type { Target } from '../../../lib/locate/locator';
import { resolveTarget } from '../../../lib/locate/resolve';
import { dispatchAsUser } from '../../support/user-events';
import { loadFixture } from './load-fixture';

function found(target: Target): Element {
  const outcome = resolveTarget(target, document, { layout: false });
  if (outcome.kind !== 'found')
    throw new Error(
      `expected found, got ${outcome.kind}${'count' in outcome ? ` (${outcome.count})` : ''}`,
    );
  return outcome.element;
}

beforeEach(() => loadFixture('element-plus-widgets.html'));

describe('one control, one match', () => {
  it('an upload trigger wrapping a button of the same name is one target, the trigger', () => {
    const upload = found({ role: 'button', name: '选择文件' });
    expect(upload.classList.contains('el-upload')).toBe(true);
    // A click on the inner button is a click on the target.
    expect(upload.contains(document.querySelector('.el-upload button'))).toBe(true);
  });
});

describe('text locators land on the widget people click', () => {
  it('{ text: 10条/页 } is the whole page-size select, not the span inside it', () => {
    const sizes = found({ text: '10条/页' });
    expect(sizes.classList.contains('el-select')).toBe(true);
    expect(sizes.closest('.el-pagination__sizes')).not.toBeNull();
  });

  it('text inside a multiple select tag is the select', () => {
    expect(found({ text: '社保查询' }).classList.contains('el-select')).toBe(true);
  });
});

describe('multiple-select values live in tags', () => {
  it('reads a multiple cascader and a multiple select by their tags; empty ones read empty', () => {
    const chosen = document.querySelector('.area-chosen .el-cascader') as Element;
    const empty = document.querySelector('.area-empty .el-cascader') as Element;
    expect(readFieldValue(chosen)).toBe('北京 / 朝阳区、上海 / 浦东新区');
    expect(readFieldValue(empty)).toBe('');
    const select = document.querySelector('.types-chosen .el-select') as Element;
    expect(readFieldValue(select)).toBe('营业执照办理、社保查询');
  });

  it('a tag added after the learner opened the cascader is a change', async () => {
    const cascader = document.querySelector('.area-empty .el-cascader') as Element;
    const seen: string[] = [];
    const controller = new AbortController();
    watchFieldValue(cascader, (value, kind) => seen.push(`${kind}:${value}`), {
      signal: controller.signal,
      learnerOnly: true,
    });
    dispatchAsUser(cascader, new MouseEvent('mousedown', { bubbles: true }));
    // What Element Plus does when a region is ticked in the (teleported) panel: a tag appears.
    const tag = document.querySelector('.area-chosen .el-tag') as Element;
    const tags =
      cascader.querySelector('.el-cascader__tags') ??
      cascader.appendChild(
        Object.assign(document.createElement('div'), { className: 'el-cascader__tags' }),
      );
    tags.appendChild(tag.cloneNode(true));
    await new Promise((done) => setTimeout(done, 0));
    expect(seen).toEqual(['change:北京 / 朝阳区']);
    controller.abort();
  });
});
