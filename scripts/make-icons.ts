/**
 * Renders public/icon/icon.svg to the PNG sizes browsers ask for (16, 32, 48, 128), using the
 * same Chromium the tests use. Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CLOSED_NETWORK_FLAGS, findChromium } from './lib/find-chromium';

const dir = resolve(import.meta.dirname, '../public/icon');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: CLOSED_NETWORK_FLAGS,
});
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: join(dir, `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`icons written to ${dir}`);
