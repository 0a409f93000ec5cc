/**
 * Experiment (bench/README.md, tour engine, row 6): the untraced cost of placing a card with the
 * overlay's floating-ui middleware at the bench admin page's first target (an input 40 levels
 * deep), with and without `hide`, in fresh browsers. Prints medians; not part of bench:tour.
 *
 *   npx tsx bench/tour/experiments/placement.ts [runs]
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../../../scripts/lib/find-chromium';
import { renderPage } from '../pages';

const ENTRY = `
import { arrow, autoPlacement, autoUpdate, computePosition, hide, limitShift, offset, shift } from '@floating-ui/dom';
window.__place = async (withHide) => {
  const target = document.querySelector('#deep-target');
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  const host = document.createElement('div');
  host.setAttribute('popover', 'manual');
  host.style.cssText = 'position:fixed;inset:0;width:0;height:0;margin:0;padding:0;border:0;overflow:visible';
  const card = document.createElement('div');
  card.style.cssText = 'position:fixed;width:320px;height:180px;background:#fff';
  const arrowElement = document.createElement('div');
  card.append(arrowElement);
  host.attachShadow({ mode: 'open' }).append(card);
  document.body.append(host);
  host.showPopover();
  card.getBoundingClientRect();
  const middleware = [
    offset(12),
    autoPlacement({ allowedPlacements: ['bottom', 'top', 'right', 'left'] }),
    shift({ padding: 8, limiter: limitShift() }),
    arrow({ element: arrowElement, padding: 10 }),
  ];
  if (withHide) middleware.push(hide({ strategy: 'referenceHidden' }));
  const place = () => computePosition(target, card, { strategy: 'fixed', placement: 'bottom', middleware });
  let t = performance.now();
  await place();
  const first = performance.now() - t;
  t = performance.now();
  await place();
  const second = performance.now() - t;
  t = performance.now();
  autoUpdate(target, card, () => undefined, { animationFrame: false })();
  const setup = performance.now() - t;
  return { first, second, setup };
};`;

interface Timing {
  first: number;
  second: number;
  setup: number;
}

const runs = Number(process.argv[2] ?? 6);
const bundled = await build({
  stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
});
const script = bundled.outputFiles[0]?.text ?? '';
const html = renderPage({ kind: 'admin' });
const rows: Record<'with hide' | 'without hide', Timing[]> = {
  'with hide': [],
  'without hide': [],
};
for (let run = 0; run < runs; run += 1) {
  for (const withHide of run % 2 ? [true, false] : [false, true]) {
    const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.setContent(html);
    await page.addScriptTag({ content: script });
    await page.waitForTimeout(300);
    const timing = await page.evaluate(
      (hideToo) => (window as unknown as { __place(h: boolean): Promise<Timing> }).__place(hideToo),
      withHide,
    );
    rows[withHide ? 'with hide' : 'without hide'].push(timing);
    await browser.close();
  }
}
const median = (values: number[]) =>
  ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN).toFixed(1);
for (const [name, timings] of Object.entries(rows))
  console.log(
    `${name}: first placement ${median(timings.map((t) => t.first))} ms, second ${median(
      timings.map((t) => t.second),
    )} ms, autoUpdate set-up ${median(timings.map((t) => t.setup))} ms (medians of ${runs})`,
  );
