// @vitest-environment happy-dom
/**
 * Waiting (MutationObserver + frame load, cancellable) and frame paths. happy-dom has no layout,
 * so lookups pass `layout: false` (see lib/locate/visibility.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveTarget } from '../../../lib/locate/resolve';
import { waitForTarget } from '../../../lib/locate/wait';
import { loadFixture } from './load-fixture';
import type { Locator } from '../../../lib/locate/locator';

const NO_LAYOUT = { layout: false } as const;
// Long enough never to fire in these tests: outcomes come from DOM changes or abort, not time.
const NEVER = 60_000;

afterEach(() => {
  document.body.innerHTML = '';
});

function frameLoaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
}

describe('waitForTarget', () => {
  it('returns at once when the target is already there', async () => {
    loadFixture('antd-form.html');
    const outcome = await waitForTarget({ label: '文种' }, document, {
      ...NO_LAYOUT,
      timeoutMs: NEVER,
    });
    expect(outcome.kind).toBe('found');
  });

  it('resolves an element that appears later (a modal opened by the user)', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const waiting = waitForTarget({ role: 'dialog', name: '提交审核' }, document, {
      ...NO_LAYOUT,
      timeoutMs: NEVER,
    });
    // Mount the real antd modal markup after the wait started.
    setTimeout(() => loadFixture('antd-modal.html'), 0);
    const outcome = await waiting;
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') expect(outcome.element.getAttribute('role')).toBe('dialog');
  });

  it('resolves when a hidden element becomes visible', async () => {
    document.body.innerHTML = '<div id="wrap" style="display:none"><button>确定</button></div>';
    const waiting = waitForTarget({ role: 'button', name: '确定' }, document, {
      ...NO_LAYOUT,
      timeoutMs: NEVER,
    });
    setTimeout(() => document.getElementById('wrap')?.removeAttribute('style'), 0);
    expect((await waiting).kind).toBe('found');
  });

  it('stops at once with `ambiguous`: waiting would not make a tour bug go away', async () => {
    document.body.innerHTML = '<button>保存</button><button>保存</button>';
    const outcome = await waitForTarget({ text: '保存' }, document, {
      ...NO_LAYOUT,
      timeoutMs: NEVER,
    });
    expect(outcome.kind === 'ambiguous' && outcome.count).toBe(2);
  });

  it('abort ends the wait with `aborted` and disconnects the observer', async () => {
    const disconnect = vi.spyOn(window.MutationObserver.prototype, 'disconnect');
    const controller = new AbortController();
    const waiting = waitForTarget({ text: '不会出现' }, document, {
      ...NO_LAYOUT,
      timeoutMs: NEVER,
      signal: controller.signal,
    });
    controller.abort();
    expect(await waiting).toEqual({ kind: 'aborted' });
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('returns `aborted` without observing when the signal is already aborted', async () => {
    const observe = vi.spyOn(window.MutationObserver.prototype, 'observe');
    const outcome = await waitForTarget({ text: 'x' }, document, {
      timeoutMs: NEVER,
      signal: AbortSignal.abort(),
    });
    expect(outcome).toEqual({ kind: 'aborted' });
    expect(observe).not.toHaveBeenCalled();
  });

  it('gives up with `timeout` and the last outcome when nothing appears', async () => {
    document.body.innerHTML = '<button hidden>提交</button>';
    const outcome = await waitForTarget({ text: '提交' }, document, { ...NO_LAYOUT, timeoutMs: 1 });
    expect(outcome.kind).toBe('timeout');
    if (outcome.kind === 'timeout') expect(outcome.last.kind).toBe('hidden');
  });
});

describe('frame paths', () => {
  const frame: Locator[] = [
    { css: [{ selector: 'iframe#content', note: 'business frame of the portal' }] },
  ];

  it('walks into a same-origin iframe', async () => {
    document.body.innerHTML = '<iframe id="content"></iframe>';
    const iframe = document.querySelector('iframe') as HTMLIFrameElement;
    const loaded = frameLoaded(iframe);
    iframe.srcdoc = '<form><label for="q">事项名称</label><input id="q"></form>';
    await loaded;
    const outcome = resolveTarget({ label: '事项名称' }, document, { ...NO_LAYOUT, frame });
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found')
      expect(outcome.element.ownerDocument).toBe(iframe.contentDocument);
  });

  it('waits for the iframe to load its page (frame load event)', async () => {
    document.body.innerHTML = '<iframe id="content"></iframe>';
    const iframe = document.querySelector('iframe') as HTMLIFrameElement;
    const waiting = waitForTarget({ role: 'button', name: '查询' }, document, {
      ...NO_LAYOUT,
      frame,
      timeoutMs: NEVER,
    });
    iframe.srcdoc = '<button>查询</button>';
    const outcome = await waiting;
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found')
      expect(outcome.element.ownerDocument).toBe(iframe.contentDocument);
  });

  it('sees elements added later inside the frame document', async () => {
    document.body.innerHTML = '<iframe id="content"></iframe>';
    const iframe = document.querySelector('iframe') as HTMLIFrameElement;
    const loaded = frameLoaded(iframe);
    iframe.srcdoc = '<div id="root"></div>';
    await loaded;
    const waiting = waitForTarget({ text: '办理结果' }, document, {
      ...NO_LAYOUT,
      frame,
      timeoutMs: NEVER,
    });
    setTimeout(() => iframe.contentDocument?.getElementById('root')?.append('办理结果'), 0);
    expect((await waiting).kind).toBe('found');
  });

  it('returns cross-origin-frame with the frame URL for the lead to delegate', () => {
    document.body.innerHTML =
      '<iframe id="content" src="https://zwfw.example.invalid/app/form.html"></iframe>';
    const outcome = resolveTarget({ label: '事项名称' }, document, {
      ...NO_LAYOUT,
      frame: [...frame, { css: [{ selector: 'iframe', note: 'nested frame' }] }],
    });
    expect(outcome.kind).toBe('cross-origin-frame');
    if (outcome.kind !== 'cross-origin-frame') return;
    expect(outcome.frameUrl).toBe('https://zwfw.example.invalid/app/form.html');
    expect(outcome.remainingFrames).toHaveLength(1);
  });

  it('rejects a frame path step that finds something other than an iframe', () => {
    document.body.innerHTML = '<div id="content"></div>';
    const outcome = resolveTarget({ text: 'x' }, document, {
      ...NO_LAYOUT,
      frame: [{ css: [{ selector: '#content', note: 'wrong element' }] }],
    });
    expect(outcome.kind).toBe('invalid-locator');
  });
});
