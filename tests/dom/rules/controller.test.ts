// @vitest-environment happy-dom
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TipDecision } from '../../../features/rules/engine';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import type { RulesChannel } from '../../../features/rules/content/controller';
import { startRulesInPage } from '../../../features/rules/content/controller';
import type { GuardHint } from '../../../features/guards/content/guards';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';
import { loadFixture } from '../locate/load-fixture';

const projectRoot = join(import.meta.dirname, '../../..');
const { rules } = loadProjectRules(projectRoot, tourDirs(projectRoot, {}));
const SIM = 'http://127.0.0.1:4173';

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** Resolves after pending promise callbacks and zero-delay timers. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

let controller: AbortController;
let tips: readonly TipDecision[];
let hints: readonly GuardHint[];
let store: ReturnType<typeof createMemoryRulesStore>;

function start(role: '业务操作人员' | '技术支持人员' = '业务操作人员') {
  controller = new AbortController();
  tips = [];
  hints = [];
  store = createMemoryRulesStore();
  // The background's service, called directly instead of through runtime messaging.
  const service = createRulesService({
    rules,
    store,
    now: () => Date.UTC(2026, 10, 28, 2, 0),
    session: () => 's1',
    role: () => role,
  });
  const channel: RulesChannel = {
    action: (message) => service.onAction(message),
    shown: (message) => service.onShown(message),
    respond: async (message) => void (await service.onResponse(message)),
  };
  return startRulesInPage(window, {
    rules,
    channel,
    view: { setTips: (next) => (tips = next), setHints: (next) => (hints = next) },
    signal: controller.signal,
    visibility: { layout: false },
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('tips and guards in a page, end to end with the project rules', () => {
  it('不准修改系统配置 on the sim’s 系统管理 page; the acknowledgement is stored and it does not come back', async () => {
    setUrl(`${SIM}/admin.html#/system/flows`);
    const inPage = start();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-config-change']);
    const [first] = tips;
    inPage.respond(first!, 'acknowledge');
    await flush();
    expect(tips).toEqual([]);
    expect(store.acknowledgements).toMatchObject([
      {
        tipId: 'no-config-change',
        response: 'acknowledge',
        role: '业务操作人员',
        url: `${SIM}/admin.html#/system/flows`,
        action: 'page-open',
      },
    ]);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    setUrl(`${SIM}/admin.html#/system/users`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect(tips).toEqual([]);
  });

  it('an export click on a real antd table without personal data shows nothing', async () => {
    setUrl(`${SIM}/analytics.html#/dashboard`);
    loadFixture('antd-table.html');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button type="button" class="ant-btn"><span>导出 CSV</span></button>',
    );
    start();
    document
      .querySelector('body > button')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    expect(tips).toEqual([]);
  });

  it('an export click on a real antd table with phone numbers queues the data-protection tip once', async () => {
    setUrl(`${SIM}/analytics.html#/dashboard`);
    loadFixture('antd-table.html');
    document
      .querySelector('table tbody')!
      .insertAdjacentHTML('beforeend', '<tr><td>联系电话</td><td>13912345678</td></tr>');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button type="button" class="ant-btn"><span>导出 CSV</span></button>',
    );
    start();
    const exportButton = document.querySelector('body > button')!;
    exportButton.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    exportButton.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual(['no-data-leak-export']);
  });

  it('first run: the 四必须 reminders queue most severe first', async () => {
    setUrl(`${SIM}/index.html#/`);
    const inPage = start();
    inPage.firstRun();
    await flush();
    expect(tips.map((tip) => tip.tipId)).toEqual([
      'change-password',
      'keep-operation-records',
      'licensed-software',
    ]);
  });

  it('page guards follow the page; a tour step can show a guard elsewhere until its step ends', async () => {
    setUrl(`${SIM}/index.html#/docs/new`);
    loadFixture('antd-form.html');
    const inPage = start();
    await flush();
    const files = document.getElementById('doc_files') as HTMLInputElement;
    Object.defineProperty(files, 'files', {
      value: [{ name: '通知.txt', size: 10, type: 'text/plain' }],
    });
    files.dispatchEvent(new Event('change', { bubbles: true }));
    expect(hints.map((hint) => [hint.guardId, hint.level])).toEqual([['attachment', 'warning']]);

    setUrl(`${SIM}/index.html#/todo`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect(hints).toEqual([]);

    const step = new AbortController();
    expect(inPage.showGuard('mobile', step.signal)).toBe(true);
    expect(inPage.showGuard('no-such-guard', step.signal)).toBe(false);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<label for="tel">联系电话</label><input id="tel">',
    );
    await flush();
    const tel = document.getElementById('tel') as HTMLInputElement;
    tel.value = '12345';
    tel.dispatchEvent(new Event('change', { bubbles: true }));
    expect(hints.map((hint) => hint.guardId)).toContain('mobile');
    step.abort();
    expect(hints.map((hint) => hint.guardId)).not.toContain('mobile');
  });
});
