// @vitest-environment happy-dom
/**
 * The card follows its target when anything around it scrolls (lib/overlay/position.ts): a scroll
 * container the target sits in, the page, a shadow root of the page's own components (its scroll
 * events stay inside it), a resize of the window; and stops listening when the step ends.
 * happy-dom has no layout: what is checked is that the card is placed again, not where.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anchorCard } from '../../../lib/overlay/position';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function setUp(targetHtml: (root: HTMLElement) => Element) {
  document.body.innerHTML = '<div id="page"></div><div id="card"></div>';
  const target = targetHtml(document.getElementById('page') as HTMLElement);
  const card = document.getElementById('card') as HTMLElement;
  let placements = 0;
  const stop = anchorCard(target, card, { placement: 'bottom', onUpdate: () => (placements += 1) });
  return { stop, placed: () => placements };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('anchorCard follows scrolls around the target', () => {
  it('places the card again when the target’s scroll container, the page or the window moves, and not after the step', async () => {
    const made = setUp((page) => {
      page.innerHTML =
        '<div id="log" style="overflow:auto;height:100px"><div><p><input id="target"></p></div></div>';
      return document.getElementById('target') as Element;
    });
    stop = made.stop;
    await settle();
    const first = made.placed();
    expect(first).toBeGreaterThan(0);

    document.getElementById('log')?.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 1);
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 2);
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(made.placed()).toBe(first + 3);

    made.stop();
    stop = undefined;
    document.getElementById('log')?.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(made.placed()).toBe(first + 3);
  });

  it('hears a scroll inside a page component’s shadow root, which never reaches the document', async () => {
    let inner: Element | null = null;
    const made = setUp((page) => {
      const host = document.createElement('x-list');
      page.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML =
        '<div id="scroller" style="overflow:auto"><button id="target">办理</button></div>';
      inner = shadow.getElementById('scroller');
      return shadow.getElementById('target') as Element;
    });
    stop = made.stop;
    await settle();
    const first = made.placed();
    inner!.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 1);
  });
});
