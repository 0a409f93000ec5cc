// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TourDraft } from '../../../features/author/draft';
import { AuthorPicker } from '../../../features/author/views/AuthorPicker';
import { loadFixture } from '../locate/load-fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function mount(reply: { saved: boolean; reason?: string } = { saved: true }) {
  loadFixture('antd-form.html');
  const host = document.createElement('div');
  document.body.append(host);
  const saveDraft = vi.fn(async (_draft: TourDraft) => reply);
  const openEditor = vi.fn(async (_id: string) => {});
  root = createRoot(host);
  act(() =>
    root?.render(
      <AuthorPicker
        document={document}
        onExit={() => {}}
        isOwnUi={(element) => host.contains(element)}
        layout={false}
        saveDraft={saveDraft}
        openEditor={openEditor}
        // happy-dom's dispatched events are never trusted; the recorder's own test covers that.
        isTrusted={() => true}
      />,
    ),
  );
  const button = (name: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;
  return { host, button, saveDraft, openEditor };
}

const click = (element: Element) =>
  act(() => element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));

describe('AuthorPicker: 开始录制 / 停止录制', () => {
  it('records the page’s actions (the page acts as usual) and saves one draft on stop', async () => {
    const { host, button, saveDraft, openEditor } = mount();
    act(() => button('开始录制').click());
    expect(host.textContent).toContain('正在录制');
    const title = document.querySelector('#doc_title') as HTMLInputElement;
    act(() => {
      title.value = '机密文件标题';
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = [...document.querySelectorAll('form button')].find(
      (b) => b.textContent === '保存草稿',
    ) as HTMLButtonElement;
    const pageClicks = vi.fn();
    save.addEventListener('click', pageClicks);
    click(save);
    expect(pageClicks).toHaveBeenCalledTimes(1);
    expect(host.textContent).toContain('已录制 2 步');
    expect(host.querySelector('ol')?.textContent).toBe('填写「标题」点击「保存草稿」');

    await act(async () => button('停止录制').click());
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const draft = saveDraft.mock.calls[0]?.[0];
    expect(draft?.steps.map((step) => step.advance)).toEqual(['input', 'click']);
    expect(JSON.stringify(draft)).not.toContain('机密文件标题');
    expect(host.textContent).toContain('已保存草稿');
    await act(async () => button('在编辑器中打开').click());
    expect(openEditor).toHaveBeenCalledWith(draft?.id);
    // Back to picking: a click is a pick again, the page does not act.
    click(save);
    expect(pageClicks).toHaveBeenCalledTimes(1);
  });

  it('says why a draft was not saved, and saves nothing when nothing was recorded', async () => {
    const refused = mount({ saved: false, reason: '草稿已达 200 份' });
    act(() => refused.button('开始录制').click());
    await act(async () => refused.button('停止录制').click());
    expect(refused.saveDraft).not.toHaveBeenCalled();
    expect(refused.host.textContent).toContain('没有录到任何步骤，草稿未保存。');
    act(() => refused.button('开始录制').click());
    click(document.querySelector('form button[type="submit"]') as Element);
    await act(async () => refused.button('停止录制').click());
    expect(refused.host.textContent).toContain('草稿未能保存：草稿已达 200 份');
  });
});
