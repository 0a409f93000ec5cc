/**
 * Experiment (bench/README.md, tour engine, row 5): the first style and layout of a card like
 * Zhiyin's (overlay.css, Chinese text, in a shadow root) inserted into the bench admin page, with
 * the overlay's font list and with the page's own Chinese font first, in fresh browsers (font
 * lookups are cached per renderer). Prints medians; not part of bench:tour.
 *
 *   npx tsx bench/tour/experiments/fonts.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../../../scripts/lib/find-chromium';
import { renderPage } from '../pages';

const css = readFileSync(new URL('../../../app/overlay/overlay.css', import.meta.url), 'utf8');
const variants = {
  "the overlay's fonts": '',
  "the page's font first": `.zy-root{font-family:'WenQuanYi Micro Hei',system-ui,sans-serif !important}`,
};
const CARD =
  '<div class="zy-card" role="dialog" style="position:fixed;left:100px;top:100px">' +
  '<div class="zy-card-head"><span class="zy-card-tour">基准测试引导</span>' +
  '<span class="zy-card-progress">1 / 4</span><button class="zy-close">×</button></div>' +
  '<h2 class="zy-card-title">填写深层表单字段</h2><div class="zy-card-body"><p>在这里输入' +
  '<strong>统一社会信用代码</strong>，系统会自动校验。</p></div>' +
  '<div class="zy-progress-bar"><div></div></div><div class="zy-card-actions">' +
  '<button class="zy-button">报告问题</button><button class="zy-button zy-button-text">跳过</button>' +
  '<button class="zy-button zy-button-primary">下一步</button></div></div>';

const runs = Number(process.argv[2] ?? 6);
const html = renderPage({ kind: 'admin' });
const results = new Map<string, number[]>();
for (let run = 0; run < runs; run += 1) {
  const names = Object.keys(variants) as (keyof typeof variants)[];
  for (const name of run % 2 ? names : [...names].reverse()) {
    const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.setContent(html);
    await page.waitForTimeout(300);
    const ms = await page.evaluate(
      ({ styles, card }) => {
        document.body.getBoundingClientRect();
        const start = performance.now();
        const host = document.createElement('zhiyin-overlay');
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = styles;
        const root = document.createElement('div');
        root.className = 'zy-root';
        root.innerHTML = card;
        shadow.append(style, root);
        document.body.append(host);
        root.firstElementChild?.getBoundingClientRect();
        return performance.now() - start;
      },
      { styles: css + variants[name], card: CARD },
    );
    results.set(name, [...(results.get(name) ?? []), ms]);
    await browser.close();
  }
}
for (const [name, values] of results) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${name}: insert + first layout ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)} ms median of ${runs} (${values.map((v) => v.toFixed(1)).join(', ')})`,
  );
}
