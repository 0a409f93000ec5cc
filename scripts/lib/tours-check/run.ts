/**
 * The browser side of `npm run tours:check`: open every tour's page in headless Chromium, look up
 * each step's target with the real locator engine (bundled at check time), and drive the tour the
 * way a person would (click, type a sample value, choose an option) so that later steps are
 * checked on the page state they really meet.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ElementHandle, Frame, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CLOSED_NETWORK_FLAGS, findChromium } from '../find-chromium';
import { safeDecode } from '../../../lib/url/decode';
import { matchUrlGlob } from '../../../features/tour/match';
import type { Step, Tour } from '../../../features/tour/schema';
import { parseDuration } from '../../../features/tour/schema';
import { buildPageScript } from './bundle';
import type { Credentials } from './plan';
import {
  checkAction,
  describeTarget,
  sampleChoice,
  sampleInput,
  stepPageUrl,
  tourAccount,
  tourStartUrl,
} from './plan';
import type { PageOutcome, StepReport, TourReport } from './types';
import type { ToursCheckPageApi } from './in-page';
import type { Locator } from '../../../lib/locate/locator';

export interface BrowserCheckOptions {
  /** `--url`: base for tour globs, and the login page when `login` is given. */
  baseUrl: string;
  /** `--login`: the first is the default account; a tour's `check.login` picks another. */
  logins?: readonly Credentials[];
  /** Every loaded tour, to find the tours named in `check.after`. Default: the checked tours. */
  allTours?: readonly Tour[];
  /** Playwright storage state file (cookies + localStorage) of a logged-in user. */
  storageState?: string;
  /** `--start <tour-id>=<url>`: where to open a tour whose globs have no concrete URL. */
  startOverrides?: ReadonlyMap<string, string>;
  /** Wait at least this long for each target (default: each step's own `missing.wait`). */
  minWaitMs?: number;
  /** Progress lines (stderr), one per tour. */
  onTourStart?: (tour: Tour, url: string) => void;
  /** `--screenshots <dir>`: save a full-page screenshot of every failed or warned step here. */
  screenshotDir?: string;
}

/** Raised when the checker cannot start (no browser, login failed): exit code 2, not a tour bug. */
export class CheckSetupError extends Error {
  override name = 'CheckSetupError';
}

const NAVIGATION_WAIT_MS = 10_000;
// Generous: a busy CI machine (the checker beside another browser) can take seconds per click;
// a real failure (covered, detached, disabled target) still ends in a clear report.
const ACTION_TIMEOUT_MS = 15_000;

declare global {
  var __zhiyinToursCheck: ToursCheckPageApi | undefined;
}

export async function checkToursInBrowser(
  tours: readonly Tour[],
  options: BrowserCheckOptions,
): Promise<TourReport[]> {
  const script = await buildPageScript();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: CLOSED_NETWORK_FLAGS,
      headless: true,
    });
  } catch (error) {
    throw new CheckSetupError(`无法启动 Chromium / cannot start Chromium: ${String(error)}`);
  }
  try {
    const logins = options.logins ?? [];
    const reports: TourReport[] = [];
    for (const tour of tours) {
      const startUrl = tourStartUrl(tour, options.baseUrl, options.startOverrides);
      options.onTourStart?.(tour, startUrl);
      // A tour that starts on the login page is for people who are not logged in yet: it runs
      // without the saved session (else the system sends the checker past the login form).
      const session =
        options.storageState !== undefined && !samePage(startUrl, options.baseUrl)
          ? options.storageState
          : undefined;
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...(session === undefined ? {} : { storageState: session }),
      });
      try {
        await context.addInitScript({ content: script });
        reports.push(await checkTourWithSetup(context, tour, startUrl, logins, options));
      } finally {
        await context.close();
      }
    }
    return reports;
  } finally {
    await browser.close();
  }
}

/**
 * One tour in its own browser context: first the tours of its `check.after` (each as its own
 * account: they create the data this tour needs), then log in as this tour's account, unless it
 * starts on the login page (such tours are for people who are not logged in yet).
 */
async function checkTourWithSetup(
  context: BrowserContext,
  tour: Tour,
  startUrl: string,
  logins: readonly Credentials[],
  options: BrowserCheckOptions,
): Promise<TourReport> {
  const setupProblems: string[] = [];
  for (const id of tour.check?.after ?? []) {
    const before = (options.allTours ?? []).find((candidate) => candidate.id === id);
    if (!before) {
      setupProblems.push(`check.after 中的引导不存在 / check.after names an unknown tour: ${id}`);
      continue;
    }
    const account = tourAccount(before, logins);
    if (account) await logIn(context, options.baseUrl, account);
    const beforeUrl = tourStartUrl(before, options.baseUrl, options.startOverrides);
    const setup = await checkTour(context, before, beforeUrl, account !== undefined, options);
    for (const step of setup.steps.filter((candidate) => candidate.status === 'fail')) {
      setupProblems.push(
        `准备步骤失败 / setup step failed: ${id} ${step.index + 1}. ${step.stepId} (${step.outcome})`,
      );
    }
  }
  const onLoginPage = logins.length > 0 && samePage(startUrl, options.baseUrl);
  const account = onLoginPage ? undefined : tourAccount(tour, logins);
  if (!onLoginPage && tour.check?.login !== undefined && !account) {
    // This tour only: the others are still checked.
    const step = tour.steps[0] as Step;
    return {
      tourId: tour.id,
      title: tour.title,
      startUrl,
      loggedIn: false,
      steps: [
        failure(tour, step, 0, startUrl, 'error', [
          `引导 ${tour.id} 需要以 ${tour.check.login} 登录，请加 --login ${tour.check.login}:<密码> / ` +
            `tour ${tour.id} is checked as ${tour.check.login}: pass --login ${tour.check.login}:<password>`,
        ]),
      ],
    };
  }
  if (account) await logIn(context, options.baseUrl, account);
  const withSession = options.storageState !== undefined && !samePage(startUrl, options.baseUrl);
  const loggedIn = account !== undefined || withSession;
  const report = await checkTour(context, tour, startUrl, loggedIn, options);
  if (withSession && report.sentToLogin) {
    // Every later tour would fail the same way, and not because of its steps.
    throw new CheckSetupError(
      `保存的登录状态已失效：打开 ${startUrl} 时被送回登录页 ${options.baseUrl}。` +
        `请重新运行 npm run tours:session 保存登录状态。 / The saved session has expired: ` +
        `${startUrl} sent the checker back to the login page. Run npm run tours:session again.`,
    );
  }
  delete report.sentToLogin;
  if (setupProblems.length > 0 && report.steps[0]) {
    report.steps[0].messages.unshift(...setupProblems);
    if (report.steps[0].status === 'pass') report.steps[0].status = 'warn';
  }
  return report;
}

function samePage(a: string, b: string): boolean {
  const left = new URL(a);
  const right = new URL(b);
  return left.origin === right.origin && left.pathname === right.pathname;
}

/**
 * Log in through the login form, by its labels 账号 / 密码 and its 登录 button, in this context
 * (its cookies and storage then carry the session for the tour's pages).
 */
async function logIn(context: BrowserContext, loginUrl: string, login: Credentials): Promise<void> {
  const page = await context.newPage();
  try {
    try {
      await page.goto(loginUrl);
    } catch (error) {
      throw new CheckSetupError(`无法打开登录页 / cannot open the login page: ${firstLine(error)}`);
    }
    if (await hasCaptcha(page)) {
      throw new CheckSetupError(
        `登录页有验证码，--login 无法自动登录。请先运行 npm run tours:session -- --url ${loginUrl} ` +
          `--out <文件> 由您亲自登录一次，再用 --storage-state <文件> 检查。 / The login page has a ` +
          `captcha, which --login cannot pass: log in once yourself with npm run tours:session, ` +
          `then check with --storage-state <file>.`,
      );
    }
    await page.getByLabel('账号', { exact: true }).fill(login.account);
    await page.getByLabel('密码', { exact: true }).fill(login.password);
    // Ant Design writes two-character button labels with a space (登 录).
    await page.getByRole('button', { name: /^登\s*录$/u }).click();
    try {
      await page.waitForURL((url) => !samePage(url.href, loginUrl), {
        timeout: NAVIGATION_WAIT_MS,
      });
    } catch {
      const alert = await page
        .getByRole('alert')
        .first()
        .textContent({ timeout: 500 })
        .catch(() => null);
      throw new CheckSetupError(
        `登录失败 / login failed as ${login.account} on ${loginUrl}${alert ? `: ${alert.trim()}` : ''}`,
      );
    }
  } finally {
    await page.close();
  }
}

/** A field for a captcha (验证码 / 校验码 / captcha), by its label or placeholder. */
async function hasCaptcha(page: Page): Promise<boolean> {
  const words = /验证码|校验码|captcha/iu;
  const byLabel = page.getByLabel(words);
  const byPlaceholder = page.getByPlaceholder(words);
  return (await byLabel.count()) + (await byPlaceholder.count()) > 0;
}

async function checkTour(
  context: BrowserContext,
  tour: Tour,
  startUrl: string,
  loggedIn: boolean,
  options: BrowserCheckOptions,
): Promise<TourReport> {
  const page = await context.newPage();
  const steps: StepReport[] = [];
  const report: TourReport = { tourId: tour.id, title: tour.title, startUrl, loggedIn, steps };
  try {
    await page.goto(startUrl);
  } catch (error) {
    steps.push(
      failure(tour, tour.steps[0] as Step, 0, page.url(), 'page-not-reached', [
        `无法打开 / cannot open ${startUrl}: ${firstLine(error)}`,
      ]),
    );
    return report;
  }
  if (loggedIn && !samePage(startUrl, options.baseUrl)) {
    // Systems send a visitor without a session to the login page by script, after the load.
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
    if (samePage(page.url(), options.baseUrl)) report.sentToLogin = true;
  }
  for (const [index, step] of tour.steps.entries()) {
    const stepReport = await checkStep(page, tour, step, index, options);
    if (stepReport.status !== 'pass' && options.screenshotDir) {
      stepReport.screenshot = await saveScreenshot(page, options.screenshotDir, tour, stepReport);
    }
    steps.push(stepReport);
  }
  return report;
}

/** A screenshot of the page as the checker saw it at a failed step (the trainer sees why). */
async function saveScreenshot(
  page: Page,
  dir: string,
  tour: Tour,
  step: StepReport,
): Promise<string | undefined> {
  const path = join(dir, `${tour.id}--${step.index + 1}-${step.stepId}.png`);
  try {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path, fullPage: false, timeout: ACTION_TIMEOUT_MS });
    return path;
  } catch {
    return undefined;
  }
}

async function checkStep(
  page: Page,
  tour: Tour,
  step: Step,
  index: number,
  options: BrowserCheckOptions,
): Promise<StepReport> {
  // 1. Be on the step's page: wait for the navigation an earlier step caused, else open it.
  if (step.page && !matchUrlGlob(step.page, page.url())) {
    const glob = step.page;
    const reached = await page
      .waitForURL((url) => matchUrlGlob(glob, url), { timeout: NAVIGATION_WAIT_MS })
      .then(() => true)
      .catch(() => false);
    if (!reached) {
      const direct = stepPageUrl(step, options.baseUrl);
      if (direct) await page.goto(direct).catch(() => undefined);
      if (!matchUrlGlob(glob, page.url())) {
        return failure(tour, step, index, page.url(), 'page-not-reached', [
          `未到达步骤页面 / step page not reached: 期望 expected ${glob}, 实际 actual ${page.url()}` +
            (direct ? `（已尝试直接打开 / tried opening ${direct}）` : ''),
        ]);
      }
    }
  }
  const base = {
    tourId: tour.id,
    stepId: step.id,
    index,
    optional: step.optional ?? false,
    url: page.url(),
  };
  if (!step.target) {
    return { ...base, status: 'pass', outcome: 'centred', messages: [] };
  }

  // 2. Look the target up, as the content script would, waiting as long as the step waits.
  const waitMs = Math.max(parseDuration(step.missing?.wait ?? '5s'), options.minWaitMs ?? 0);
  let frame: Frame = page.mainFrame();
  let outcome: PageOutcome;
  try {
    outcome = await lookUp(page, frame, step.target, step.frame ?? null, waitMs);
    if (outcome.kind === 'cross-origin-frame') {
      // The extension delegates to the content script inside that frame; so does the checker.
      const { frameUrl, remainingFrames } = outcome;
      const inner = page.frames().find((candidate) => candidate.url() === frameUrl);
      if (inner) {
        frame = inner;
        const rest = remainingFrames.length > 0 ? remainingFrames : null;
        outcome = await lookUp(page, inner, step.target, rest, waitMs);
      }
    }
  } catch (error) {
    return {
      ...base,
      status: base.optional ? 'warn' : 'fail',
      outcome: 'error',
      target: describeTarget(step.target),
      messages: [`检查出错 / check error: ${firstLine(error)}`],
    };
  }

  const target = describeTarget(step.target);
  if (outcome.kind !== 'found') {
    return {
      ...base,
      status: base.optional ? 'warn' : 'fail',
      outcome: outcome.kind,
      target,
      detail: outcome,
      messages: explain(outcome, base.optional),
    };
  }
  const messages = outcome.problems.map(
    (problem) =>
      `无效的选择器已跳过 / invalid selector skipped (${problem.where}): ${problem.selector} — ${problem.message}`,
  );

  // 3. Act like a person, so later steps meet the page state they are written for.
  const action = await act(page, frame, step, options).catch(
    (error: unknown) => `操作失败 / action failed: ${firstLine(error)}`,
  );
  const actionFailed = action?.startsWith('操作失败') ?? false;
  if (actionFailed && action) messages.push(action);
  return {
    ...base,
    status: messages.length > 0 ? 'warn' : 'pass',
    outcome: 'found',
    target,
    detail: outcome,
    ...(action && !actionFailed ? { action } : {}),
    messages,
  };
}

async function lookUp(
  page: Page,
  frame: Frame,
  target: NonNullable<Step['target']>,
  framePath: Locator[] | null,
  waitMs: number,
): Promise<PageOutcome> {
  const run = () =>
    frame.evaluate(
      ([t, f, ms]) => {
        const api = globalThis.__zhiyinToursCheck;
        if (!api) throw new Error('tours:check page script missing');
        return api.check(t, f, ms);
      },
      [target, framePath, waitMs] as const,
    );
  try {
    return await run();
  } catch (error) {
    // A navigation (full page load after a click) destroyed the context mid-lookup: once more on
    // the new page.
    if (!/context was destroyed|navigat|Target closed|page script missing/iu.test(String(error)))
      throw error;
    await page.waitForLoadState('load').catch(() => undefined);
    return await run();
  }
}

async function foundElement(frame: Frame): Promise<ElementHandle<Element>> {
  const handle = await frame.evaluateHandle(
    () => globalThis.__zhiyinToursCheck?.lastFound() ?? null,
  );
  const element = handle.asElement();
  if (!element) throw new Error('the found element is gone');
  return element as ElementHandle<Element>;
}

/** Returns what was done (for the report), or undefined for steps a person only reads. */
async function act(
  page: Page,
  frame: Frame,
  step: Step,
  options: BrowserCheckOptions,
): Promise<string | undefined> {
  const filled = await fillFields(frame, step.check?.fill ?? {});
  const action = checkAction(step);
  if (action === 'read') return filled;
  let element = await foundElement(frame);
  if (action === 'upload') return upload(page, element, step.check?.file ?? '', options.baseUrl);
  if (action === 'tick-all') {
    // Click the visible wrapper of each unticked box (antd / Element hide the native input).
    const boxes = await element.$$(
      'label:has(input[type="checkbox"]:not(:checked)), [role="checkbox"][aria-checked="false"]',
    );
    for (const box of boxes) await box.click({ timeout: ACTION_TIMEOUT_MS });
    return `已勾选 / ticked ${boxes.length}`;
  }
  if (action === 'click') {
    const inner = step.check?.click;
    if (inner !== undefined) {
      const outcome = await frame.evaluate(
        ([t, ms]) => {
          const api = globalThis.__zhiyinToursCheck;
          if (!api) throw new Error('tours:check page script missing');
          return api.checkWithin(t, ms);
        },
        [inner, ACTION_TIMEOUT_MS] as const,
      );
      if (outcome.kind !== 'found') {
        throw new Error(
          `check.click ${describeTarget(inner)}: ${explain(outcome, false).join(' ')}`,
        );
      }
      element = await foundElement(frame);
    }
    await element.click({ timeout: ACTION_TIMEOUT_MS });
    await page.waitForLoadState('domcontentloaded').catch(() => undefined);
    const until = step.advance.on === 'click' ? step.advance.until : undefined;
    if (until !== undefined) {
      // The step declares the page's success signal: a click whose action failed is a finding.
      const confirmed = await lookUp(page, frame, until, null, ACTION_TIMEOUT_MS);
      if (confirmed.kind !== 'found') {
        throw new Error(
          `点击后页面未显示成功提示 / the page did not confirm the click: ${describeTarget(until)}`,
        );
      }
    }
    return inner === undefined ? '已点击 / clicked' : `已点击 / clicked ${describeTarget(inner)}`;
  }
  if (action === 'type') {
    const value = sampleInput(step, options.logins?.[0]);
    if (value === undefined) {
      throw new Error(
        '没有符合 pattern 的示例值，请为该步骤提供 check.value / no sample value matches the pattern; give the step a check.value',
      );
    }
    const field = await element.evaluateHandle((node) =>
      node.matches('input, textarea, [contenteditable="true"], [contenteditable=""]')
        ? node
        : (node.querySelector(
            'input:not([type="hidden"]), textarea, [contenteditable="true"], [contenteditable=""]',
          ) ?? node),
    );
    await (field.asElement() ?? element).fill(value, { timeout: ACTION_TIMEOUT_MS });
    return `已输入 / typed "${step.target && isSecret(step) ? '••••••' : value}"`;
  }
  return choose(page, element, sampleChoice(step));
}

/** `check.fill`: type each value into the field with that label (the step's own target stays found). */
async function fillFields(
  frame: Frame,
  fields: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  const labels = Object.keys(fields);
  if (labels.length === 0) return undefined;
  const target = await foundElement(frame).catch(() => null);
  for (const label of labels) {
    const field = await frame.evaluateHandle((text) => {
      const all = [
        ...document.querySelectorAll('label, .ant-form-item-label, .el-form-item__label'),
      ];
      // No named helper functions in here: the bundler's keepNames helper is not in the page.
      const wanted = text.replace(/\s+/gu, '');
      const label = all.find(
        (node) =>
          (node.textContent ?? '')
            .replace(/\s+/gu, '')
            .replace(/^[*＊]/u, '')
            .replace(/[:：]$/u, '') === wanted,
      );
      if (!label) return null;
      const id = label.getAttribute('for') ?? label.querySelector('label')?.getAttribute('for');
      const byId = id ? document.getElementById(id) : null;
      if (byId) return byId;
      const item = label.closest('.ant-form-item, .el-form-item, label');
      return item?.querySelector('input:not([type="hidden"]), textarea') ?? null;
    }, label);
    const element = field.asElement();
    if (!element) throw new Error(`check.fill: 找不到标签 / no field labelled ${label}`);
    await (element as ElementHandle<HTMLInputElement>).fill(fields[label] ?? '', {
      timeout: ACTION_TIMEOUT_MS,
    });
  }
  if (target) {
    await frame.evaluate((element) => globalThis.__zhiyinToursCheck?.setLastFound(element), target);
  }
  return `已填写 / filled ${labels.length} 项`;
}

/**
 * `check.file`: fetch the file from the checked system (a template it serves) and put it into the
 * file input of the target's upload area, as a person choosing it in the file dialog would.
 */
async function upload(
  page: Page,
  element: ElementHandle<Element>,
  file: string,
  baseUrl: string,
): Promise<string> {
  const url = new URL(file, baseUrl).href;
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`check.file ${url}: HTTP ${response.status()}`);
  const input = await element.evaluateHandle((node) => {
    for (let scope: Element | null = node; scope; scope = scope.parentElement) {
      const found = scope.matches('input[type="file"]')
        ? scope
        : scope.querySelector('input[type="file"]');
      if (found) return found;
    }
    return null;
  });
  const inputElement = input.asElement();
  if (!inputElement) throw new Error('no file input in or around the target');
  const name = safeDecode(new URL(url).pathname.split('/').pop() ?? 'upload');
  await (inputElement as ElementHandle<HTMLInputElement>).setInputFiles({
    name,
    mimeType: response.headers()['content-type'] ?? 'application/octet-stream',
    buffer: await response.body(),
  });
  return `已上传 / uploaded ${name}`;
}

function isSecret(step: Step): boolean {
  return /密码/u.test(describeTarget(step.target as NonNullable<Step['target']>));
}

/** Choose an option of a native select, an Ant Design / Element Plus select, or a radio group. */
async function choose(
  page: Page,
  element: ElementHandle<Element>,
  wanted: string | undefined,
): Promise<string> {
  const kind = await element.evaluate((node) => {
    if (node.localName === 'select') return 'native';
    if (node.querySelector('select')) return 'native-inside';
    if (node.matches('[role="radiogroup"]') || node.querySelector('input[type="radio"]'))
      return 'radio';
    return 'component';
  });
  if (kind === 'native' || kind === 'native-inside') {
    const select =
      kind === 'native' ? element : ((await element.$('select')) as ElementHandle<Element>);
    const values = await select.selectOption(
      wanted === undefined ? { index: await firstRealOption(select) } : { label: wanted },
      { timeout: ACTION_TIMEOUT_MS },
    );
    return `已选择 / chose ${values.join(', ')}`;
  }
  if (kind === 'radio') {
    // antd / Element hide the native input (opacity 0): click the label wrapper a person clicks.
    const radios = await element.$$(
      'label:has(input[type="radio"]), [role="radio"], input[type="radio"]',
    );
    const radio = radios[0];
    if (!radio) throw new Error('no radio button in the group');
    await radio.click({ timeout: ACTION_TIMEOUT_MS, force: true });
    return '已选择第一项 / chose the first option';
  }
  await element.click({ timeout: ACTION_TIMEOUT_MS });
  // Dropdowns are portals at the end of <body>. Look in the popup this control opened (its
  // combobox's aria-controls list, inside the component's dropdown), so the list of the previous
  // select, still fading out, is never taken for this one; else in any visible list.
  const listId = await element.evaluate((node) => {
    const box = node.matches('[role="combobox"]') ? node : node.querySelector('[role="combobox"]');
    return box?.getAttribute('aria-controls') ?? box?.getAttribute('aria-owns') ?? null;
  });
  const OPTIONS =
    '.ant-select-item-option, .ant-cascader-menu-item, .el-select-dropdown__item, [role="option"]';
  let scope = page.locator('body');
  if (listId) {
    const popup = page
      .locator('.ant-select-dropdown, .ant-cascader-dropdown, .el-select-dropdown, .el-popper')
      .filter({ has: page.locator(`[id="${listId.replace(/["\\]/gu, '\\$&')}"]`) });
    await popup
      .first()
      .waitFor({ state: 'attached', timeout: ACTION_TIMEOUT_MS })
      .catch(() => undefined);
    if ((await popup.count()) > 0) scope = popup.first();
  }
  const options = scope.locator(OPTIONS).filter({ visible: true });
  const option =
    wanted === undefined ? options.first() : options.filter({ hasText: wanted }).first();
  const text = (await option.textContent({ timeout: ACTION_TIMEOUT_MS }))?.trim() ?? '';
  await option.click({ timeout: ACTION_TIMEOUT_MS });
  return `已选择 / chose "${text}"`;
}

async function firstRealOption(select: ElementHandle<Element>): Promise<number> {
  return select.evaluate((node) => {
    const options = [...(node as HTMLSelectElement).options];
    const index = options.findIndex((option) => option.value !== '' && !option.disabled);
    return index < 0 ? 0 : index;
  });
}

function failure(
  tour: Tour,
  step: Step,
  index: number,
  url: string,
  outcome: StepReport['outcome'],
  messages: string[],
): StepReport {
  const optional = step.optional ?? false;
  return {
    tourId: tour.id,
    stepId: step.id,
    index,
    optional,
    status: optional ? 'warn' : 'fail',
    outcome,
    ...(step.target ? { target: describeTarget(step.target) } : {}),
    url,
    messages,
  };
}

/** Why a lookup failed and what usually fixes it, in Chinese and English. */
function explain(outcome: Exclude<PageOutcome, { kind: 'found' }>, optional: boolean): string[] {
  const suffix = optional ? '（可选步骤，仅警告 / optional step: warning only）' : '';
  switch (outcome.kind) {
    case 'not-found':
      return [`找不到目标 / target not found${suffix}`];
    case 'ambiguous':
      return [
        `目标不唯一：${outcome.count} 个可见匹配 / ambiguous: ${outcome.count} visible matches for ${outcome.locator}: ${outcome.elements.join(', ')} — 请加 within 或 nth / add within or nth${suffix}`,
      ];
    case 'hidden':
      return [
        `目标存在但不可见 / target exists but is hidden: ${outcome.locator} → ${outcome.element}${suffix}`,
      ];
    case 'invalid-locator':
      return outcome.errors.map(
        (error) =>
          `选择器无效 / invalid selector (${error.where}): ${error.selector} — ${error.message}${suffix}`,
      );
    case 'cross-origin-frame':
      return [
        `目标在无法进入的跨域 iframe 中 / target is in a cross-origin frame the checker could not enter: ${outcome.frameUrl}${suffix}`,
      ];
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
