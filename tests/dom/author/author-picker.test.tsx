// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthorPicker } from '../../../features/author/views/AuthorPicker';
import { loadFixture } from '../locate/load-fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function mount() {
  loadFixture('antd-form.html');
  const host = document.createElement('div');
  document.body.append(host);
  const writeClipboard = vi.fn(async (_text: string) => {});
  const onExit = vi.fn();
  root = createRoot(host);
  act(() =>
    root?.render(
      <AuthorPicker
        document={document}
        onExit={onExit}
        isOwnUi={(element) => host.contains(element)}
        writeClipboard={writeClipboard}
        layout={false}
      />,
    ),
  );
  const panel = host.querySelector('[role="dialog"]') as HTMLElement;
  const button = (name: string) =>
    [...panel.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  return { host, panel, button, writeClipboard, onExit };
}

describe('AuthorPicker', () => {
  it('shows the YAML selected in a text box when the clipboard refuses', async () => {
    const { panel, button, writeClipboard } = mount();
    writeClipboard.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    const inner = document.querySelector('#doc_type') as HTMLElement;
    act(() => inner.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
    await act(async () => button('复制 YAML').click());
    const fallback = panel.querySelector('textarea[aria-label="YAML 步骤（手动复制）"]');
    expect(fallback).not.toBeNull();
    expect((fallback as HTMLTextAreaElement).value).toContain('target: { label: 文种 }');
    expect(panel.querySelector('[aria-live]')?.textContent).toContain('Ctrl+C');
  });

  it('lists proven proposals for a clicked field and copies a ready YAML step', async () => {
    const { panel, button, writeClipboard } = mount();
    expect(panel.getAttribute('aria-labelledby')).toBeTruthy();
    expect(button('复制 YAML').disabled).toBe(true);

    const inner = document.querySelector('#doc_type') as HTMLElement;
    act(() => inner.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));

    const options = [...panel.querySelectorAll('fieldset label')];
    expect(options.map((option) => option.querySelector('code')?.textContent)).toEqual([
      'label "文种"',
      'placeholder "请选择文种"',
      'css div.ant-select-in-form-item',
    ]);
    expect(options[0]?.textContent).toContain('表单标签');
    expect(options[0]?.textContent).toContain('唯一且可见');
    expect(panel.querySelector('pre')?.textContent).toContain('target: { label: 文种 }');

    await act(async () => button('复制 YAML').click());
    expect(writeClipboard).toHaveBeenCalledWith(
      '- id: wen-zhong\n  target: { label: 文种 }\n  body: 请选择「文种」。\n  advance: { on: change }\n',
    );
    expect(panel.querySelector('[aria-live]')?.textContent).toContain('已复制');
  });

  it('uses the chosen proposal and the typed title in the YAML, and clicks on the panel are not picks', () => {
    const { panel } = mount();
    act(() =>
      (document.querySelector('button[type="submit"] span') as HTMLElement).dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true }),
      ),
    );
    const radios = [...panel.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    act(() => radios[1]?.click());
    expect(panel.querySelector('pre')?.textContent).toContain('target: { text: 提交审核 }');
    const title = panel.querySelector('input:not([type])') as HTMLInputElement;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(title, '提交');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(panel.querySelector('pre')?.textContent).toContain('title: 提交');
    // Still the submit button's proposals: clicking inside the panel picked nothing new.
    expect(panel.querySelectorAll('fieldset label')).toHaveLength(radios.length);
  });

  it('says so when the picked element cannot be pointed at, and leaves with Esc', () => {
    const { panel, onExit } = mount();
    const hidden = document.createElement('button');
    hidden.textContent = '隐藏';
    hidden.hidden = true;
    document.body.prepend(hidden);
    act(() => hidden.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(panel.querySelector('[role="alert"]')?.textContent).toContain('不可见或无法唯一定位');
    act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});
