// @vitest-environment happy-dom
/**
 * Pages where only the rules for every page apply (copy, export, the 403 marker): content.js
 * watches them itself (features/rules/content/triggers.ts) and loads rules.js on the first event that
 * can matter, handing that event to the watcher so its tip still shows.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TipDecision } from '../../../features/rules/engine';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import { startRulesInPage } from '../../../features/rules/content/controller';
import {
  MARKER_RECHECK_MS,
  watchRuleTriggers,
  type PendingAction,
} from '../../../features/rules/content/triggers';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';
import { loadFixture } from '../locate/load-fixture';
import type { RuleTriggers } from '../../../features/rules/helpers';

const projectRoot = join(import.meta.dirname, '../../..');
const { rules } = loadProjectRules(projectRoot, tourDirs(projectRoot, {}));
const SIM = 'http://127.0.0.1:4173';
const PLAIN_PAGE = `${SIM}/analytics.html#/dashboard`;

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

/** A fresh background per test: tip frequencies (once per session…) never carry over. */
const newService = () =>
  createRulesService({
    rules,
    store: createMemoryRulesStore(),
    now: () => Date.UTC(2026, 10, 28, 2, 0),
    session: () => 's1',
    role: () => '业务操作人员',
  });
let service = newService();

let triggersWatch: AbortController;
let rulesSignal: AbortController;
let loads: number;
let pending: PendingAction[];
let tips: readonly TipDecision[];

/** What content.ts does: watch the hello reply's triggers; the first one "loads" rules.js. */
async function openPlainPage(): Promise<RuleTriggers> {
  setUrl(PLAIN_PAGE);
  const hello = await service.forPage(PLAIN_PAGE);
  expect(hello.load).toBe(false);
  if (!hello.triggers) throw new Error('the project rules have triggers for every page');
  return hello.triggers;
}

function watch(triggers: RuleTriggers): void {
  watchRuleTriggers(window, triggers, triggersWatch.signal, (action) => {
    if (action) pending.push(action);
    loads += 1;
  });
}

/** rules.js loaded: the triggers stop and the watcher starts with what they noticed. */
function startRulesBundle(): void {
  triggersWatch.abort();
  startRulesInPage(window, {
    rules,
    channel: {
      action: (message) => service.onAction(message),
      shown: (message) => service.onShown(message),
      respond: async (message) => void (await service.onResponse(message)),
    },
    view: { setTips: (next) => (tips = next), setHints: () => undefined },
    signal: rulesSignal.signal,
    visibility: { layout: false },
    initial: pending.splice(0),
  });
}

function tableWithPersonalData(): Element[] {
  loadFixture('antd-table.html');
  const cells = [...document.querySelectorAll('tbody td.ant-table-cell')].filter((cell) =>
    cell.textContent?.includes('请示'),
  );
  cells[0]!.textContent = '张三 110101199003071233 13800138000';
  return cells;
}

function select(nodes: Element[]): void {
  const range = document.createRange();
  range.setStartBefore(nodes[0]!);
  range.setEndAfter(nodes.at(-1)!);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
}

beforeEach(() => {
  service = newService();
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
  triggersWatch = new AbortController();
  rulesSignal = new AbortController();
  loads = 0;
  pending = [];
  tips = [];
});
afterEach(() => {
  triggersWatch.abort();
  rulesSignal.abort();
});

describe('global triggers watched by content.js', () => {
  it('a copy of personal data on a page without page rules loads rules.js and shows the tip for that copy', async () => {
    const triggers = await openPlainPage();
    const cells = tableWithPersonalData();
    watch(triggers);
    expect(loads).toBe(0);
    select(cells.slice(0, 2));
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(loads).toBe(1);
    // The selection is gone by the time the bundle runs: the copy's own range and text count.
    window.getSelection()!.removeAllRanges();
    startRulesBundle();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-data-leak-copy']);
    // From now on the watcher's own listener reports copies; the triggers are gone.
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(loads).toBe(1);
  });

  it('an export click before rules.js is loaded still brings the export tip', async () => {
    const triggers = await openPlainPage();
    loadFixture('antd-table.html');
    document
      .querySelector('table tbody')!
      .insertAdjacentHTML('beforeend', '<tr><td>联系电话</td><td>13912345678</td></tr>');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button type="button" class="ant-btn"><span>导出 CSV</span></button>',
    );
    watch(triggers);
    document
      .querySelector('body > button span')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(loads).toBe(1);
    startRulesBundle();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-data-leak-export']);
  });

  it('the 403 result on the page loads rules.js, whose page-open shows 不准越权操作', async () => {
    const triggers = await openPlainPage();
    document.body.innerHTML = '<div class="ant-result"><div>无权限 访问</div></div>';
    watch(triggers);
    expect(loads).toBe(1);
    startRulesBundle();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-overreach']);
  });

  it('a 403 the page shows later, without a route change, still loads rules.js', async () => {
    const triggers = await openPlainPage();
    document.body.innerHTML = '<div id="app">加载中…</div>';
    watch(triggers);
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the idle check: nothing yet
    expect(loads).toBe(0);
    // A slow request answers 403: the SPA renders the result in place.
    document.getElementById('app')!.innerHTML =
      '<div class="ant-result"><div>无权限访问</div></div>';
    await new Promise((resolve) => setTimeout(resolve, MARKER_RECHECK_MS + 200));
    expect(loads).toBe(1);
    startRulesBundle();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-overreach']);
  });

  it('a page where nothing applicable happens loads nothing', async () => {
    const triggers = await openPlainPage();
    const cells = tableWithPersonalData();
    document.body.insertAdjacentHTML('beforeend', '<p id="free">说明文字</p>');
    watch(triggers);
    // A copy with nothing selected, a click outside any control, no 403 text.
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    document.getElementById('free')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the idle re-check
    expect(loads).toBe(0);
    // After the triggers stop (page left), even a real copy loads nothing.
    triggersWatch.abort();
    select(cells.slice(0, 2));
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(loads).toBe(0);
  });

  it('a page with no rules at all gets no triggers from the background', async () => {
    const bare = createRulesService({
      rules: {
        markers: [],
        guards: [],
        tips: rules.tips.filter((t) => t.id === 'licensed-software'),
      },
      store: createMemoryRulesStore(),
      session: () => 's1',
      role: () => null,
    });
    expect(await bare.forPage(PLAIN_PAGE)).toEqual({ load: false, triggers: null });
  });
});
