/**
 * `npm run tours:session`: a person logs in once (captcha, SMS code, USB key page — whatever the
 * system asks), and the browser's session (cookies + localStorage) is saved as a Playwright
 * storage state for `tours:check --storage-state`. Nothing is typed by this tool: it only waits
 * until the browser has left the login page, then saves.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { matchUrlGlob } from '../../../features/tour/match';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../find-chromium';

export const SESSION_USAGE = `用法 / usage: npm run tours:session -- --url <登录页 login page> --out <文件 file> [选项 options]

  打开浏览器，由您亲自登录一次（验证码、短信码等都由您填写），离开登录页后把登录状态保存到文件，
  供 npm run tours:check -- --storage-state <文件> 使用。
  Opens a browser where you log in yourself (captcha, SMS code…); once you have left the login
  page, the session is saved for npm run tours:check -- --storage-state <file>.

  --url <url>              登录页地址（与 tours:check 的 --url 相同）/ the login page (same as tours:check --url)
  --out <file>             保存到这个文件（含登录凭据，请妥善保管）/ where to save (a credential: keep it private)
  --done <网址模式 glob>    登录成功后到达的页面，例如 '/index.html*'（默认：离开登录页即算成功）
                           / the page reached after logging in (default: any page other than the login page)
  --wait <秒 seconds>      最多等待多久（默认 300）/ how long to wait at most (default 300)
  --debug-port <port>      没有图形界面时：浏览器在后台运行，您从另一台电脑用 Chrome 的 chrome://inspect
                           连接 127.0.0.1:<port>（经 ssh -L 转发）在其中登录
                           / on a machine without a display: run the browser headless and log in
                           through chrome://inspect on 127.0.0.1:<port> (forwarded with ssh -L)
  -h, --help               显示帮助 / show this help

退出码 / exit code: 0 已保存 saved · 2 用法错误、没有图形界面或超时 usage error, no display or timed out`;

export interface SessionArgs {
  url: string;
  out: string;
  done?: string;
  waitMs: number;
  debugPort?: number;
}

export class SessionUsageError extends Error {
  override name = 'SessionUsageError';
}

export function parseSessionArgs(argv: readonly string[]): SessionArgs | 'help' {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        out: { type: 'string' },
        done: { type: 'string' },
        wait: { type: 'string' },
        'debug-port': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new SessionUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (!values.url) throw new SessionUsageError('缺少 --url / --url is required');
  if (!values.out) throw new SessionUsageError('缺少 --out / --out is required');
  let url: string;
  try {
    url = new URL(values.url).href;
  } catch {
    throw new SessionUsageError(`--url 不是完整地址 / --url is not an absolute URL: ${values.url}`);
  }
  const seconds = values.wait === undefined ? 300 : Number(values.wait);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new SessionUsageError(`--wait 需要秒数 / --wait takes seconds: ${values.wait}`);
  let debugPort: number | undefined;
  if (values['debug-port'] !== undefined) {
    debugPort = Number(values['debug-port']);
    if (!Number.isInteger(debugPort) || debugPort < 1024 || debugPort > 65535)
      throw new SessionUsageError(
        `--debug-port 需要 1024–65535 的端口号 / --debug-port takes a port 1024–65535: ${values['debug-port']}`,
      );
  }
  return {
    url,
    out: values.out,
    ...(values.done ? { done: values.done } : {}),
    waitMs: seconds * 1000,
    ...(debugPort === undefined ? {} : { debugPort }),
  };
}

/** Whether this process can show a browser window. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Left the login page (or reached `done`): the person is logged in. */
export function loggedInAt(url: string, loginUrl: string, done?: string): boolean {
  let here: URL;
  try {
    here = new URL(url);
  } catch {
    return false;
  }
  if (here.protocol === 'about:' || here.protocol === 'chrome-error:') return false;
  const login = new URL(loginUrl);
  if (done !== undefined) {
    if (here.origin !== login.origin) return false;
    return matchUrlGlob(done, here);
  }
  return here.origin === login.origin && here.pathname !== login.pathname;
}

export class SessionError extends Error {
  override name = 'SessionError';
}

/**
 * Opens the login page in a browser the person can use, waits until they are logged in, saves the
 * storage state to `args.out` (mode 0600: it is a credential) and closes the browser.
 */
export async function captureSession(
  args: SessionArgs,
  log: (line: string) => void = (line) => console.error(line),
): Promise<void> {
  const visible = hasDisplay();
  if (!visible && args.debugPort === undefined) {
    throw new SessionError(
      '这台电脑没有图形界面，无法打开浏览器让您登录。请在有桌面的电脑上运行本命令后把文件复制过来，' +
        '或加 --debug-port <端口> 通过 chrome://inspect 远程登录。 / No display to show a browser: ' +
        'run this on a desktop machine and copy the file, or pass --debug-port <port> and log in ' +
        'through chrome://inspect.',
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'zhiyin-session-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: !visible,
      locale: 'zh-CN',
      viewport: null,
      args: [
        ...CLOSED_NETWORK_FLAGS,
        ...(args.debugPort === undefined
          ? []
          : [`--remote-debugging-port=${args.debugPort}`, '--remote-debugging-address=127.0.0.1']),
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(args.url);
    log(
      visible
        ? `请在打开的浏览器中登录（最多等待 ${Math.round(args.waitMs / 1000)} 秒）… / Log in in the browser window…`
        : `请用 chrome://inspect 连接 127.0.0.1:${args.debugPort} 并登录… / Connect chrome://inspect to 127.0.0.1:${args.debugPort} and log in…`,
    );
    try {
      await page.waitForURL((url) => loggedInAt(url.href, args.url, args.done), {
        timeout: args.waitMs,
        waitUntil: 'load',
      });
    } catch {
      throw new SessionError(
        `${Math.round(args.waitMs / 1000)} 秒内没有完成登录，未保存。 / Not logged in within ` +
          `${Math.round(args.waitMs / 1000)} s: nothing saved.`,
      );
    }
    // Scripts that store the session after the page loads (a token in localStorage) finish.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    await context.storageState({ path: args.out });
    await chmod(args.out, 0o600);
    log(
      `已保存登录状态 / session saved: ${args.out}\n` +
        '该文件相当于登录凭据：不要提交到代码库或发给他人，用完请删除。 / The file is a credential: ' +
        'do not commit or share it; delete it when done.',
    );
  } finally {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}
