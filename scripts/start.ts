/**
 * `npm start`: builds the extension (test build: it also runs on localhost) and the simulated
 * e-government system, serves the sim on 127.0.0.1 and opens Chromium with Zhiyin loaded on it.
 *
 * With a display, the browser window stays open until you close it (or press Ctrl+C).
 * Without one (no DISPLAY / WAYLAND_DISPLAY on Linux, or --headless), it walks the first-run
 * experience headless, saves a screenshot of each screen into output/first-run-<time>/, prints
 * that folder and exits 0.
 *
 * Options: --no-build (reuse .output and sim/dist), --headless (force headless walk-through).
 * Environment: CHROMIUM_PATH (browser binary), SIM_PORT (default 4173; 0 picks a free port).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findTabId } from './lib/extension-tabs';
import { CLOSED_NETWORK_FLAGS, findChromium } from './lib/find-chromium';
import { serveStatic } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-test');
const args = new Set(process.argv.slice(2));

function step(message: string) {
  console.log(`\n▶ ${message}`);
}

function hasDisplay(): boolean {
  if (args.has('--headless')) return false;
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main() {
  const browserPath = findChromium();
  if (!args.has('--no-build')) {
    step('构建扩展 / building the extension (npm run build:test)');
    execSync('npm run --silent build:test', { cwd: ROOT, stdio: 'inherit' });
    step('构建模拟政务系统 / building the simulated system (npm run build:sim)');
    execSync('npm run --silent build:sim', { cwd: ROOT, stdio: 'inherit' });
  }

  const requestedPort = Number(process.env.SIM_PORT ?? 4173);
  const { server, url } = await serveStatic(join(ROOT, 'sim/dist'), requestedPort).catch(
    (error) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        console.log(`端口 ${requestedPort} 已被占用，改用空闲端口 / port busy, using a free one`);
        return serveStatic(join(ROOT, 'sim/dist'), 0);
      }
      throw error;
    },
  );
  console.log(`模拟政务系统 / simulated system: ${url}/login.html`);

  const headed = hasDisplay();
  const profile = mkdtempSync(join(tmpdir(), 'zhiyin-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: !headed,
    viewport: headed ? null : { width: 1366, height: 800 },
    locale: 'zh-CN',
    args: [
      ...CLOSED_NETWORK_FLAGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    if (headed) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${url}/login.html`);
      step(
        '浏览器已打开，关闭浏览器窗口或按 Ctrl+C 结束 / close the browser or press Ctrl+C to stop',
      );
      console.log(
        '演示账号 / demo accounts: zhangsan, lisi, wangwu, zhaoliu, admin — 密码 Zhiyin@2024',
      );
      process.once('SIGINT', () => void cleanup().then(() => process.exit(0)));
      await new Promise<void>((done) => context.once('close', () => done()));
      server.close();
      return;
    }
    const folder = await walkFirstRun(context, url);
    step(`完成 / done. 截图保存在 / screenshots are in:\n  ${folder}`);
  } finally {
    await cleanup();
  }
}

/** The first-run experience, screen by screen, as a new member of staff meets it. */
async function walkFirstRun(context: BrowserContext, simUrl: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const folder = join(ROOT, 'output', `first-run-${stamp}`);
  mkdirSync(folder, { recursive: true });
  let shot = 0;
  const capture = async (page: Page, name: string, what: string) => {
    shot += 1;
    const file = join(folder, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(`  📷 ${what} → ${file}`);
  };

  step('无显示器，以无界面方式演示首次使用流程 / no display: walking the first run headless');
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${simUrl}/login.html`);
  const welcome = page.getByRole('dialog', { name: '欢迎使用指引' });
  await welcome.waitFor({ state: 'visible', timeout: 15_000 });
  await capture(page, 'welcome', '欢迎卡片：选择岗位 / welcome card: choose a role');

  await welcome.getByRole('button', { name: /业务操作人员/ }).click();
  await welcome.getByRole('status').waitFor();
  await capture(page, 'role-chosen', '已选择岗位 / role chosen');
  await welcome.getByRole('button', { name: '开始使用' }).click();

  // First run: the compliance reminders (正版软件, 操作留痕, 定期改密), answered one by one.
  const tip = page.locator('[data-zhiyin-tip]');
  for (let shown = 0; shown < 5; shown += 1) {
    if (!(await tip.isVisible({ timeout: 3000 }).catch(() => false))) {
      await tip.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
      if (!(await tip.isVisible())) break;
    }
    if (shown === 0)
      await capture(page, 'compliance-tip', '首次使用的合规提醒 / first-run compliance reminder');
    await tip.getByRole('button', { name: '我已知晓' }).click();
  }

  await page.getByRole('textbox', { name: '账号' }).fill('zhangsan');
  await page.getByRole('textbox', { name: '密码' }).fill('Zhiyin@2024');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/index\.html/);
  await page.waitForLoadState('networkidle');
  // The interface tour starts by itself on the first visit to 首页.
  const card = page.locator('[data-zhiyin-tour][data-zhiyin-step]');
  if (
    await card.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    )
  ) {
    await capture(
      page,
      'first-tour',
      '首次访问首页的界面引导 / the interface tour on the first visit',
    );
    await card.getByRole('button', { name: '下一步' }).click();
    // Capture once the second step's card is shown, not the frame in between.
    const second = page.locator('[data-zhiyin-tour][data-zhiyin-step="1"]');
    const shown = await second.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (!shown) console.warn('  ⚠ 第二步的引导卡片没有出现 / the second step card did not appear');
    await capture(page, 'first-tour-step-2', '界面引导第二步 / the interface tour, step 2');
  } else {
    await capture(page, 'workbench', '模拟系统工作台 / the sim workbench, signed in as 张三');
  }

  const tabId = await findTabId(worker, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('recent-activity').waitFor();
  await capture(popup, 'popup', '工具栏弹窗 / toolbar popup for that tab');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByText('大字号模式').waitFor();
  await capture(options, 'options', '设置页 / options page');

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.getByTestId('dashboard-role').waitFor();
  await capture(dashboard, 'dashboard', '学习档案 / training record');
  return folder;
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
