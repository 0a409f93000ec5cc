/** Command-line options of `npm run tours:check`. */
import { parseArgs } from 'node:util';
import type { Credentials } from './plan';

export interface CheckArgs {
  url: string;
  toursDirs?: string[];
  tourIds: string[];
  /** `--login`, repeatable: the first is the default account, tours pick others by `check.login`. */
  logins: Credentials[];
  storageState?: string;
  startOverrides: Map<string, string>;
  minWaitMs?: number;
  screenshotDir?: string;
  json: boolean;
}

export const USAGE = `用法 / usage: npm run tours:check -- --url <起始地址 start URL> [选项 options]

  --url <url>              被检查系统的地址（引导中的路径相对于它）/ base URL of the checked system
  --tours <dir>            只检查这个文件夹的引导（可重复；默认 tours/ 与 ZHIYIN_TOURS_DIR）
                           / check the tours in this folder (repeatable; default tours/ + ZHIYIN_TOURS_DIR)
  --tour <id>              只检查这个引导（可重复）/ check only this tour (repeatable)
  --login <账号:密码>       先在 --url 的登录页登录（按 账号 / 密码 标签和 登录 按钮）；可重复，
                           第一个为默认账号，引导用 check.login 选用其他账号
                           / log in first on the --url login page (labels 账号 / 密码, button 登录);
                           repeatable: the first is the default, a tour's check.login picks another
  --storage-state <file>   使用已登录的 Playwright 存储状态文件 / use a logged-in Playwright storage state
  --start <id>=<url>       指定某个引导的起始页 / open this tour at this URL
  --timeout <ms>           每个目标至少等待的毫秒数（默认用步骤自己的 missing.wait）
                           / wait at least this long per target (default: the step's missing.wait)
  --screenshots <dir>      把未通过步骤的页面截图存到此文件夹 / save a screenshot of each step that did not pass
  --json                   输出 JSON / print JSON
  -h, --help               显示帮助 / show this help

退出码 / exit code: 0 全部通过 all passed · 1 有必需步骤失败 a required step failed · 2 用法或环境错误 usage/setup error`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        tours: { type: 'string', multiple: true },
        tour: { type: 'string', multiple: true },
        login: { type: 'string', multiple: true },
        'storage-state': { type: 'string' },
        start: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        screenshots: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  if (values.help) return 'help';
  if (!values.url) throw new UsageError('缺少 --url / --url is required');
  let url: string;
  try {
    url = new URL(values.url).href;
  } catch {
    throw new UsageError(`--url 不是完整地址 / --url is not an absolute URL: ${values.url}`);
  }
  const logins: Credentials[] = [];
  for (const entry of values.login ?? []) {
    const at = entry.indexOf(':');
    if (at <= 0 || at === entry.length - 1)
      throw new UsageError('--login 的格式是 账号:密码 / --login takes account:password');
    logins.push({ account: entry.slice(0, at), password: entry.slice(at + 1) });
  }
  if (logins.length > 0 && values['storage-state'])
    throw new UsageError(
      '--login 与 --storage-state 只能用一个 / use either --login or --storage-state',
    );
  const startOverrides = new Map<string, string>();
  for (const entry of values.start ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0)
      throw new UsageError(`--start 的格式是 <id>=<url> / --start takes <id>=<url>: ${entry}`);
    startOverrides.set(entry.slice(0, at), entry.slice(at + 1));
  }
  let minWaitMs: number | undefined;
  if (values.timeout !== undefined) {
    minWaitMs = Number(values.timeout);
    if (!Number.isFinite(minWaitMs) || minWaitMs < 0)
      throw new UsageError(
        `--timeout 需要毫秒数 / --timeout takes milliseconds: ${values.timeout}`,
      );
  }
  return {
    url,
    ...(values.tours ? { toursDirs: values.tours } : {}),
    tourIds: values.tour ?? [],
    logins,
    ...(values['storage-state'] ? { storageState: values['storage-state'] } : {}),
    startOverrides,
    ...(minWaitMs === undefined ? {} : { minWaitMs }),
    ...(values.screenshots ? { screenshotDir: values.screenshots } : {}),
    json: values.json ?? false,
  };
}
