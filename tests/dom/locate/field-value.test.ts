// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INPUT_SETTLE_MS,
  readFieldValue,
  watchFieldEntry,
  watchFieldValue,
} from '../../../lib/locate/field-value';
import { resolveTarget } from '../../../lib/locate/resolve';
import { loadFixture } from './load-fixture';
import { dispatchAsUser } from '../../support/user-events';
import type { Target } from '../../../lib/locate/locator';

function field(target: Target): Element {
  const outcome = resolveTarget(target, document, { layout: false });
  if (outcome.kind !== 'found') throw new Error(`expected found, got ${outcome.kind}`);
  return outcome.element;
}

describe('readFieldValue on real component markup', () => {
  it('reads antd selects (empty and selected) and inputs', () => {
    loadFixture('antd-form.html');
    expect(readFieldValue(field({ label: '文种' }))).toBe('');
    const title = field({ label: '标题' }) as HTMLInputElement;
    title.value = '关于召开会议的通知';
    expect(readFieldValue(title)).toBe('关于召开会议的通知');
    loadFixture('antd-select-open.html');
    expect(readFieldValue(field({ label: '文种' }))).toBe('请示');
  });

  it('reads Element Plus selects and wrapped inputs', () => {
    loadFixture('element-plus-dialog.html');
    expect(readFieldValue(field({ label: '事项类型' }))).toBe('社保查询');
    expect(readFieldValue(field({ label: '材料名称' }))).toBe('');
    loadFixture('element-plus-form.html');
    expect(readFieldValue(field({ label: '事项类型' }))).toBe('');
  });

  it('is undefined for elements that are not fields', () => {
    loadFixture('antd-form.html');
    expect(readFieldValue(field({ role: 'button', name: '提交审核' }))).toBeUndefined();
  });
});

describe('watchFieldValue', () => {
  it('reports typing as input and a component select showing a new label as change, until aborted', async () => {
    loadFixture('element-plus-dialog.html');
    const seen: [string, string][] = [];
    const controller = new AbortController();
    const wrapper = field({ label: '材料名称' });
    const select = field({ label: '事项类型' });
    watchFieldValue(wrapper, (value, kind) => seen.push([kind, value]), {
      signal: controller.signal,
    });
    watchFieldValue(select, (value, kind) => seen.push([kind, value]), {
      signal: controller.signal,
    });

    const input = wrapper.querySelector('input') as HTMLInputElement;
    input.value = '营业执照';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Element Plus re-renders the selected label when the user picks another option.
    const label = select.querySelector('.el-select__placeholder span') as HTMLElement;
    label.textContent = '营业执照办理';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([
      ['input', '营业执照'],
      ['change', '营业执照办理'],
    ]);

    controller.abort();
    input.value = '之后的输入';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    label.textContent = '社保查询';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toHaveLength(2);
  });
});

describe('watchFieldValue in an exam (freshOnly)', () => {
  it('never reports the value a field already holds, and counts a select the page fills in only once the learner works it', async () => {
    loadFixture('element-plus-dialog.html');
    const select = field({ label: '事项类型' });
    const label = select.querySelector('.el-select__placeholder span') as HTMLElement;
    const watch = (freshOnly: boolean) => {
      const seen: [string, string][] = [];
      const controller = new AbortController();
      watchFieldValue(select, (value, kind) => seen.push([kind, value]), {
        signal: controller.signal,
        freshOnly,
      });
      return { seen, stop: () => controller.abort() };
    };
    const training = watch(false);
    const exam = watch(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The pre-filled 社保查询 is nobody's entry.
    expect(exam.seen).toEqual([]);
    expect(training.seen).toEqual([]);
    // The page restores a saved draft on its own: training reports it, an exam does not.
    label.textContent = '营业执照办理';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(training.seen).toEqual([['change', '营业执照办理']]);
    expect(exam.seen).toEqual([]);
    // The learner opens the select and picks another option: that counts.
    select.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    label.textContent = '社保查询';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(exam.seen).toEqual([['change', '社保查询']]);
    training.stop();
    exam.stop();
  });

  it('counts typing into a pre-filled text field as the learner’s entry', () => {
    loadFixture('element-plus-dialog.html');
    const wrapper = field({ label: '材料名称' });
    const input = wrapper.querySelector('input') as HTMLInputElement;
    input.value = '营业执照';
    const seen: [string, string][] = [];
    const controller = new AbortController();
    watchFieldValue(wrapper, (value, kind) => seen.push([kind, value]), {
      signal: controller.signal,
      freshOnly: true,
    });
    input.value = '营业执照副本';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual([['input', '营业执照副本']]);
    controller.abort();
  });
});

describe('watchFieldValue for a step that advances on the learner’s action (learnerOnly, issue 10)', () => {
  it('ignores a page script typing, changing or working the field; counts the learner', async () => {
    loadFixture('element-plus-dialog.html');
    const seen: [string, string][] = [];
    const controller = new AbortController();
    const wrapper = field({ label: '材料名称' });
    const select = field({ label: '事项类型' });
    for (const element of [wrapper, select]) {
      watchFieldValue(element, (value, kind) => seen.push([kind, value]), {
        signal: controller.signal,
        learnerOnly: true,
      });
    }
    const input = wrapper.querySelector('input') as HTMLInputElement;
    const label = select.querySelector('.el-select__placeholder span') as HTMLElement;

    // A page script: sets values, dispatches input/change, "works" the select, re-renders it.
    input.value = '伪造的输入';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    select.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    label.textContent = '营业执照办理';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([]);

    // The learner types, then opens the select and picks another option.
    input.value = '营业执照';
    dispatchAsUser(input, new Event('input', { bubbles: true }));
    dispatchAsUser(select, new Event('pointerdown', { bubbles: true }));
    label.textContent = '社保查询';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([
      ['input', '营业执照'],
      ['change', '社保查询'],
    ]);
    controller.abort();
  });

  it('takes Enter in a one-line field as a commit, but not a pinyin candidate or a text area', () => {
    document.body.innerHTML =
      '<label>受理编号 <input id="code"></label><label>意见 <textarea id="note"></textarea></label>';
    const seen: [string, string][] = [];
    const controller = new AbortController();
    const code = document.getElementById('code') as HTMLInputElement;
    const note = document.getElementById('note') as HTMLTextAreaElement;
    for (const element of [code, note])
      watchFieldValue(element, (value, kind) => seen.push([kind, value]), {
        signal: controller.signal,
        learnerOnly: true,
      });
    const enter = (init: KeyboardEventInit = {}) =>
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init });

    code.value = 'YZ2026';
    dispatchAsUser(code, new Event('input', { bubbles: true }));
    dispatchAsUser(code, enter({ isComposing: true }));
    expect(seen).toEqual([['input', 'YZ2026']]);
    dispatchAsUser(code, enter());
    expect(seen).toEqual([
      ['input', 'YZ2026'],
      ['change', 'YZ2026'],
    ]);
    // A page script pressing Enter is not the learner.
    code.dispatchEvent(enter());
    note.value = '同意';
    dispatchAsUser(note, new Event('input', { bubbles: true }));
    dispatchAsUser(note, enter());
    expect(seen).toEqual([
      ['input', 'YZ2026'],
      ['change', 'YZ2026'],
      ['input', '同意'],
    ]);
    controller.abort();
    dispatchAsUser(code, enter());
    expect(seen).toHaveLength(3);
  });
});

describe('watchFieldEntry (what an input or change step hears)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(on: 'input' | 'change') {
    document.body.innerHTML = '<label>申请人姓名 <input id="name"></label>';
    const name = document.getElementById('name') as HTMLInputElement;
    const seen: [string, boolean][] = [];
    const controller = new AbortController();
    watchFieldEntry(name, on, (value, typing) => seen.push([value, typing]), {
      signal: controller.signal,
    });
    const type = (value: string) => {
      name.value = value;
      dispatchAsUser(name, new Event('input', { bubbles: true }));
    };
    const commit = () => dispatchAsUser(name, new Event('change', { bubbles: true }));
    return { name, seen, controller, type, commit };
  }

  it('reports typing once it pauses, not each key; a commit at once, replacing the pending typing', () => {
    vi.useFakeTimers();
    const { seen, type, commit, controller } = setUp('input');
    type('张');
    vi.advanceTimersByTime(INPUT_SETTLE_MS - 50);
    type('张三');
    vi.advanceTimersByTime(INPUT_SETTLE_MS - 50);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(seen).toEqual([['张三', true]]);
    type('张三丰');
    commit();
    expect(seen).toEqual([
      ['张三', true],
      ['张三丰', false],
    ]);
    // The typing report the commit replaced never comes.
    vi.advanceTimersByTime(INPUT_SETTLE_MS * 2);
    expect(seen).toHaveLength(2);
    controller.abort();
  });

  it('a change step ignores typing and hears only the commit', () => {
    vi.useFakeTimers();
    const { seen, type, commit, controller } = setUp('change');
    type('李四');
    vi.advanceTimersByTime(INPUT_SETTLE_MS * 2);
    expect(seen).toEqual([]);
    commit();
    expect(seen).toEqual([['李四', false]]);
    controller.abort();
  });

  it('ends with its signal: typing pending at the abort is never reported, nor is a page script', () => {
    vi.useFakeTimers();
    const { name, seen, type, controller } = setUp('input');
    name.value = '王五';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    vi.advanceTimersByTime(INPUT_SETTLE_MS * 2);
    expect(seen).toEqual([]);
    type('王五六');
    controller.abort();
    vi.advanceTimersByTime(INPUT_SETTLE_MS * 2);
    expect(seen).toEqual([]);
  });
});
