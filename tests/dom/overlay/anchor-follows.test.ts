// @vitest-environment happy-dom
/**
 * The card follows its target when anything around it scrolls (lib/overlay/position.ts): a scroll
 * container the target sits in, the page, a shadow root of the page's own components (its scroll
 * events stay inside), a resize of the window; and stops listening when the step ends. A scroll
 * that leaves the target where it was (the reveal's own scroll, reported after the card was
 * placed) places nothing, and a click on Zhiyin's own card looks for no popup of the page.
 * happy-dom has no layout: the target's box is given, and what is checked is that the card is
 * placed again, not where.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anchorCard } from '../../../lib/overlay/position';

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function setUp(targetHtml: (root: HTMLElement) => Element, own?: Element) {
  document.body.innerHTML = '<div id="page"></div><div id="card"></div>';
  const target = targetHtml(document.getElementById('page') as HTMLElement);
  const card = document.getElementById('card') as HTMLElement;
  const box = { x: 100, y: 300, width: 200, height: 32 };
  target.getBoundingClientRect = () => DOMRectReadOnly.fromRect(box);
  let placements = 0;
  const stop = anchorCard(target, card, {
    placement: 'bottom',
    onUpdate: () => (placements += 1),
    own: own ?? null,
  });
  return {
    stop,
    placed: () => placements,
    /** Something around the target scrolled by `dy` px: its box moves up. */
    scrolledBy: (dy: number) => (box.y -= dy),
  };
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

    made.scrolledBy(20);
    document.getElementById('log')?.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 1);
    made.scrolledBy(60);
    document.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 2);
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(made.placed()).toBe(first + 3);

    made.stop();
    stop = undefined;
    made.scrolledBy(20);
    document.getElementById('log')?.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(made.placed()).toBe(first + 3);
  });

  it('does not place the card again for a scroll that left the target where it was placed', async () => {
    const made = setUp((page) => {
      page.innerHTML =
        '<div id="log" style="overflow:auto;height:100px"><input id="target"></div><div id="other" style="overflow:auto"></div>';
      return document.getElementById('target') as Element;
    });
    stop = made.stop;
    await settle();
    const first = made.placed();
    // The reveal scrolled the page before the card was placed; the browser reports that scroll
    // a frame later. Another panel of the page scrolling does not move the target either.
    document.dispatchEvent(new Event('scroll'));
    document.getElementById('other')?.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first);
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
    made.scrolledBy(30);
    inner!.dispatchEvent(new Event('scroll'));
    await settle();
    expect(made.placed()).toBe(first + 1);
  });
});

describe('anchorCard looks for popups of the page', () => {
  it('after a click or key on the page, not after one on Zhiyin’s own card', async () => {
    const host = document.createElement('zhiyin-overlay');
    const made = setUp((page) => {
      page.innerHTML = '<div class="el-select" id="target"><input></div>';
      return document.getElementById('target') as Element;
    }, host);
    stop = made.stop;
    document.body.append(host);
    const button = document.createElement('button');
    host.attachShadow({ mode: 'open' }).append(button);
    // The looks that follow the step's start are over (the last one 1.6 s in).
    await settle(1700);
    const first = made.placed();
    // From now on a dropdown of the page is open next to the target.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="el-popper" id="dropdown" style="position:absolute"></div>',
    );
    (document.getElementById('dropdown') as Element).getBoundingClientRect = () =>
      DOMRectReadOnly.fromRect({ x: 100, y: 336, width: 200, height: 150 });

    button.click();
    button.dispatchEvent(
      new KeyboardEvent('keyup', { key: 'Enter', bubbles: true, composed: true }),
    );
    await settle(80);
    expect(made.placed()).toBe(first);

    document.body.dispatchEvent(
      new KeyboardEvent('keyup', { key: 'ArrowDown', bubbles: true, composed: true }),
    );
    await settle(80);
    expect(made.placed()).toBeGreaterThan(first);
  });
});
