// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startElementPicker } from '../../../features/author/content/picker';

function page(): { button: HTMLButtonElement; own: HTMLElement; pageClicks: () => number } {
  document.body.innerHTML =
    '<form><button type="submit"><span>提交审核</span></button></form><div id="overlay-host"><button>复制 YAML</button></div>';
  let clicks = 0;
  const button = document.querySelector('form button') as HTMLButtonElement;
  button.addEventListener('click', () => clicks++);
  return {
    button,
    own: document.getElementById('overlay-host') as HTMLElement,
    pageClicks: () => clicks,
  };
}

const controllers: AbortController[] = [];
function start(overrides: Partial<Parameters<typeof startElementPicker>[0]> = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  const calls = { hover: [] as (Element | null)[], pick: [] as Element[], exit: 0 };
  startElementPicker({
    document,
    signal: controller.signal,
    isOwnUi: (element) => element.closest('#overlay-host') !== null,
    onHover: (element) => calls.hover.push(element),
    onPick: (element) => calls.pick.push(element),
    onExit: () => calls.exit++,
    ...overrides,
  });
  return { controller, calls };
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

describe('startElementPicker', () => {
  it('picks the clicked element instead of letting the page act on the click', () => {
    const { button, pageClicks } = page();
    const { calls } = start();
    const span = button.querySelector('span') as HTMLElement;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    span.dispatchEvent(click);
    expect(calls.pick).toEqual([span]);
    expect(pageClicks()).toBe(0);
    expect(click.defaultPrevented).toBe(true);
  });

  it('reports hovering and leaves the overlay alone', () => {
    const { button, own } = page();
    const { calls } = start();
    button.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const ownButton = own.querySelector('button') as HTMLButtonElement;
    ownButton.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    ownButton.dispatchEvent(click);
    expect(calls.hover).toEqual([button, null]);
    expect(calls.pick).toEqual([]);
    expect(click.defaultPrevented).toBe(false);
  });

  it('picks the focused element with Enter, and leaves with Esc', () => {
    const { button, pageClicks } = page();
    const { calls } = start();
    button.focus();
    expect(calls.hover).toEqual([button]);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    button.dispatchEvent(enter);
    expect(calls.pick).toEqual([button]);
    expect(enter.defaultPrevented).toBe(true);
    expect(pageClicks()).toBe(0);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(calls.exit).toBe(1);
  });

  it('gives the page its clicks back once aborted', () => {
    const { button, pageClicks } = page();
    const { controller, calls } = start();
    controller.abort();
    button.click();
    expect(calls.pick).toEqual([]);
    expect(pageClicks()).toBe(1);
  });

  it('does nothing with an already aborted signal', () => {
    const { button, pageClicks } = page();
    const controller = new AbortController();
    controller.abort();
    const onPick = vi.fn();
    startElementPicker({ document, signal: controller.signal, onPick });
    button.click();
    expect(onPick).not.toHaveBeenCalled();
    expect(pageClicks()).toBe(1);
  });
});
