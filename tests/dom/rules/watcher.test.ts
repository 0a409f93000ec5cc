// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuleAction } from '../../../features/rules/engine';
import type { Marker } from '../../../features/rules/schema';
import { MarkerSchema } from '../../../features/rules/schema';
import { watchRuleActions } from '../../../features/rules/content/watcher';
import { loadFixture } from '../locate/load-fixture';

const SIM = 'http://127.0.0.1:4173';
const markers: Marker[] = [
  MarkerSchema.parse({
    id: 'permission-denied',
    url: '*',
    note: '403 result',
    present: { text: '无权限访问' },
  }),
  MarkerSchema.parse({
    id: 'password-changed',
    url: '*#/settings/password*',
    note: 'success message',
    present: { text: '密码修改成功', exact: false },
  }),
];

/** happy-dom's test API: change the page URL without navigating. */
function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

let controller: AbortController;
let seen: { action: RuleAction; url: string }[];

function start(settleMs = 0): void {
  controller = new AbortController();
  seen = [];
  watchRuleActions(window, {
    signal: controller.signal,
    markers,
    onAction: (action, url) => seen.push({ action, url }),
    visibility: { layout: false },
    settleMs,
  });
}

const kinds = () => seen.map((entry) => entry.action.kind);

/** Resolve once the watcher's coalescing timer (settleMs 0) has run after a DOM change. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

function click(element: Element): void {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

function buttonNamed(text: string): HTMLButtonElement {
  const button = [...document.querySelectorAll('button')].find(
    (candidate) => candidate.textContent?.replace(/\s/gu, '') === text,
  );
  if (!button) throw new Error(`no button ${text}`);
  return button;
}

beforeEach(() => {
  setUrl(`${SIM}/index.html#/docs/new`);
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('page-open and markers', () => {
  it('reports page-open at start with the markers visible, and again on navigation', async () => {
    document.body.innerHTML =
      '<div class="ant-result ant-result-403"><div class="ant-result-title">无权限访问</div></div>';
    start();
    expect(seen).toEqual([
      {
        action: { kind: 'page-open', markers: ['permission-denied'] },
        url: `${SIM}/index.html#/docs/new`,
      },
    ]);
    document.body.innerHTML = '';
    setUrl(`${SIM}/index.html#/settings/password`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(seen.at(-1)).toEqual({
      action: { kind: 'page-open', markers: [] },
      url: `${SIM}/index.html#/settings/password`,
    });
  });

  it('reports a marker that appears after the page opened (密码修改成功), once per appearance', async () => {
    setUrl(`${SIM}/index.html#/settings/password`);
    start();
    const notice = document.createElement('div');
    notice.className = 'ant-message-notice';
    notice.textContent = '密码修改成功，下次登录请使用新密码';
    document.body.append(notice);
    await settled();
    expect(seen.map((entry) => entry.action)).toEqual([
      { kind: 'page-open', markers: [] },
      { kind: 'marker', marker: 'password-changed' },
    ]);
    notice.append(' ');
    await settled();
    expect(kinds()).toEqual(['page-open', 'marker']);
  });

  it('a marker for other pages is not reported here', async () => {
    start();
    const notice = document.createElement('div');
    notice.textContent = '密码修改成功';
    document.body.append(notice);
    await settled();
    expect(kinds()).toEqual(['page-open']);
  });
});

describe('clicks on real antd markup', () => {
  it('submit: the form’s 提交审核 button', () => {
    loadFixture('antd-form.html');
    start();
    click(buttonNamed('提交审核').querySelector('span') ?? buttonNamed('提交审核'));
    expect(seen.at(-1)?.action).toEqual({ kind: 'submit', name: '提交审核' });
  });

  it('export: a button named 导出, and a download link; templates and other buttons are not exports', () => {
    loadFixture('antd-table.html');
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button type="button" class="ant-btn"><span>导出 Excel</span></button>' +
        '<a href="report.pdf" download="上报结果.pdf">生成上报结果</a>' +
        '<a href="templates/x.xlsx" download="月度经济运行数据导入模板.xlsx">下载Excel模板</a>' +
        '<button type="button" class="ant-btn"><span>查询</span></button>' +
        '<button type="button" class="ant-btn" disabled><span>导出全部</span></button>',
    );
    start();
    for (const element of document.querySelectorAll('body > button, body > a')) click(element);
    // The fixture's table holds no ID card or mobile numbers.
    expect(seen.slice(1).map((entry) => entry.action)).toEqual([
      { kind: 'export', name: '导出 Excel', personalData: [] },
      { kind: 'export', name: '生成上报结果', personalData: [] },
    ]);
  });

  it('export: reports the kinds of personal data in the table the button belongs to', () => {
    document.body.innerHTML =
      '<section><button type="button">导出登记表</button><table><tbody>' +
      '<tr><td>张三</td><td>11010519491231002X</td><td>13912345678</td></tr>' +
      '</tbody></table></section>' +
      '<section><button type="button">导出统计</button><table><tbody>' +
      '<tr><td>朝阳区</td><td>128</td></tr></tbody></table></section>';
    start();
    for (const button of document.querySelectorAll('button')) click(button);
    expect(seen.slice(1).map((entry) => entry.action)).toEqual([
      { kind: 'export', name: '导出登记表', personalData: ['idCard', 'mobile'] },
      { kind: 'export', name: '导出统计', personalData: [] },
    ]);
  });

  it('never cancels the click: the page’s own handler still runs', () => {
    loadFixture('antd-form.html');
    const handler = vi.fn((event: Event) => event.defaultPrevented);
    buttonNamed('提交审核').addEventListener('click', handler);
    start();
    click(buttonNamed('提交审核'));
    expect(handler).toHaveReturnedWith(false);
  });
});

describe('copy', () => {
  function selectCells(cells: Element[]): void {
    const selection = window.getSelection();
    const range = document.createRange();
    const first = cells[0];
    const last = cells.at(-1);
    if (!selection || !first || !last) throw new Error('nothing to select');
    range.setStartBefore(first);
    range.setEndAfter(last);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function tableWithPersonalData(): Element[] {
    loadFixture('antd-table.html');
    // Same antd table markup, with a column of applicants as in 便民服务 审核.
    const cells = [...document.querySelectorAll('tbody td.ant-table-cell')].filter((cell) =>
      cell.textContent?.includes('请示'),
    );
    cells[0]!.textContent = '张三 110101199003071233 13800138000';
    return cells;
  }

  it('a selection in a table holding ID card and phone numbers is reported, without the text', () => {
    const cells = tableWithPersonalData();
    start();
    selectCells(cells.slice(0, 2));
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(seen.at(-1)?.action).toEqual({ kind: 'copy', personalData: ['idCard', 'mobile'] });
    expect(JSON.stringify(seen)).not.toContain('110101199003071233');
  });

  it('a table selection without personal data, or personal data outside a table, is not', () => {
    const cells = tableWithPersonalData();
    document.body.insertAdjacentHTML('beforeend', '<p id="free">联系人手机 13800138000</p>');
    start();
    selectCells(cells.slice(1, 3));
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    selectCells([document.getElementById('free')!]);
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    expect(kinds()).toEqual(['page-open']);
  });
});

describe('cleanup', () => {
  it('after abort, no click, copy, navigation or DOM change is reported', async () => {
    loadFixture('antd-form.html');
    start();
    controller.abort();
    click(buttonNamed('提交审核'));
    setUrl(`${SIM}/index.html#/settings/password`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const notice = document.createElement('div');
    notice.textContent = '密码修改成功';
    document.body.append(notice);
    await settled();
    expect(kinds()).toEqual(['page-open']);
  });
});
