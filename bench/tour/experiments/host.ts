/**
 * Experiment (bench/README.md, tour engine): what the overlay host's box costs the page's layout
 * on the bench admin page (~19,400 elements), in fresh browsers. The card is put in a shadow-root
 * host at the end of <body> and its rect read (style + layout forced), then its text changed and
 * read again (a next step), for hosts that are:
 *   inline   — WXT's `:host{all:initial}` alone (an inline box at the end of <body>);
 *   fixed    — `position: fixed` at the viewport's corner, 0 × 0;
 *   contained — fixed and `contain: size layout style` (the card's changes stay inside it);
 *   premounted — contained, on the page and laid out before the card comes (a warmed overlay);
 *   floor    — no host: a plain card appended to <body> (the bench's floor).
 * Prints medians; not part of bench:tour.
 *
 *   npx tsx bench/tour/experiments/host.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../../../scripts/lib/find-chromium';
import { renderPage } from '../pages';

const css = readFileSync(new URL('../../../app/overlay/overlay.css', import.meta.url), 'utf8');
const SCRIPT = `
window.__host = (name, css) => {
  const sys = name.endsWith('-sys');
  const variant = name.replace(/-sys$/, '');
  const doc = document;
  const make = () => {
    const host = doc.createElement('zhiyin-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    if (variant === 'adopted') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':host{all:initial !important;}\\n' + css);
      const root = doc.createElement('div');
      root.className = 'zy-root';
      return { host, root, shadow, sheet };
    }
    const style = doc.createElement('style');
    const hostCss = variant === 'inline' ? '' :
      ':host{position:fixed !important;left:0 !important;top:0 !important;width:0 !important;height:0 !important;overflow:visible !important;' +
      (variant === 'fixed' ? '' : 'contain:size layout style !important;') + '}';
    style.textContent = ':host{all:initial !important;}\\n' + (variant === 'nocss' ? '' : css) + '\\n' + hostCss + (sys ? '.zy-root{font-family:system-ui,sans-serif}' : '');
    const root = doc.createElement('div');
    root.className = 'zy-root';
    shadow.append(style, root);
    return { host, root };
  };
  const card = doc.createElement('div');
  card.className = 'zy-card zy-card-located';
  card.style.cssText = variant === 'floor-font' ? 'position:fixed;left:10px;top:10px;width:340px;background:#fff;padding:14px;font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",system-ui,sans-serif' : variant === 'floor' ? 'position:fixed;left:10px;top:10px;width:340px;background:#fff;padding:14px' : '';
  card.innerHTML = '<div class="zy-card-head"><span>基层政务办公 · 第 1 步，共 4 步</span></div><h2 class="zy-card-title">填写申请人姓名</h2><div class="zy-card-body"><p>在这里输入申请人的姓名，与身份证一致。</p></div><div class="zy-card-actions"><button class="zy-button">跳过</button><button class="zy-button zy-button-primary">下一步</button></div>';
  let made = null;
  if (variant === 'adopted') made = make();
  if (variant === 'premounted' || variant === 'nocss') { made = make(); doc.body.append(made.host); made.host.getBoundingClientRect(); doc.body.offsetHeight; }
  return new Promise((done) => setTimeout(() => {
    const t0 = performance.now();
    if (variant.startsWith('floor')) doc.body.append(card);
    else {
      if (!made || !made.host.isConnected) { made ??= make(); if (made.sheet) { made.shadow.adoptedStyleSheets = [made.sheet]; made.shadow.append(made.root); } doc.body.append(made.host); }
      made.root.append(card);
    }
    card.getBoundingClientRect();
    const first = performance.now() - t0;
    requestAnimationFrame(() => setTimeout(() => {
      const t1 = performance.now();
      card.querySelector('.zy-card-title').textContent = '选择事项类型，然后在下拉列表中选一项';
      card.style.left = '40px';
      card.getBoundingClientRect();
      const next = performance.now() - t1;
      done({ first, next });
    }, 50));
  }, 300));
};`;

const runs = Number(process.argv[2] ?? 6);
const variants = process.argv[3]?.split(',') ?? [
  'inline',
  'fixed',
  'contained',
  'premounted',
  'floor',
];
const html = renderPage({ kind: 'admin' });
const rows = new Map<string, { first: number[]; next: number[] }>();
for (let run = 0; run < runs; run += 1) {
  const order = run % 2 ? [...variants].reverse() : [...variants];
  for (const variant of order) {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.setContent(html);
    await page.addScriptTag({ content: SCRIPT });
    await page.waitForTimeout(300);
    const timing = (await page.evaluate(
      `window.__host(${JSON.stringify(variant)}, ${JSON.stringify(css)})`,
    )) as { first: number; next: number };
    const row = rows.get(variant) ?? { first: [], next: [] };
    row.first.push(timing.first);
    row.next.push(timing.next);
    rows.set(variant, row);
    await browser.close();
  }
}
const median = (values: number[]) =>
  ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN).toFixed(1);
for (const [variant, row] of rows)
  console.log(
    `${variant.padEnd(11)} card in + layout ${median(row.first).padStart(5)} ms, next step's change + layout ${median(row.next).padStart(5)} ms (medians of ${runs})`,
  );
