/**
 * Generated benchmark pages (deterministic, no randomness): a small page and a ~20,000-element
 * government-admin page with the same four targets, plus the admin page with 200 nodes rewritten
 * every 50 ms. Every page carries the same ids so one tour (bench/tour/tours/bench-admin) and one
 * driver.js / Shepherd step list serve all of them:
 *
 * - `#deep-target`: an input nested 40 levels deep inside a long form, far below the fold;
 * - `#log-target`: an entry deep inside a scrollable log panel (a scroll container);
 * - `#header-target`: a button in the fixed header;
 * - `#row-target`: a button in row 1,900 of the 2,000-row table.
 */

export type PageKind = 'small' | 'admin' | 'churn';
export const PAGE_KINDS: readonly PageKind[] = ['small', 'admin', 'churn'];

const MODULES = ['公文管理', '便民服务', '数据上报', '账号与权限', '系统管理', '报表与分析'];
const VERBS = ['登记', '审核', '查询', '统计', '导出', '归档', '退回', '办结', '转办', '催办'];
const STATUSES = ['待审核', '已办结', '办理中', '已退回', '已归档'];
const FIELDS = [
  '单位名称',
  '联系人',
  '联系电话',
  '办理事项',
  '申请日期',
  '所属区县',
  '证件号码',
  '通讯地址',
  '邮政编码',
  '备注',
];

const css = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"WenQuanYi Micro Hei",sans-serif;color:#1f2937;background:#f3f4f6}
#app-header{position:fixed;top:0;left:0;right:0;height:56px;z-index:100;display:flex;align-items:center;
  gap:16px;padding:0 16px;background:#1d4ed8;color:#fff}
#app-header nav{display:flex;gap:12px;flex:1}
#app-header a{color:#dbeafe;text-decoration:none}
#app-header button{background:#fff;color:#1d4ed8;border:0;border-radius:4px;padding:4px 10px}
#side{position:fixed;top:56px;left:0;bottom:0;width:220px;overflow:auto;background:#111827;color:#d1d5db}
#side ul{list-style:none;margin:0;padding:0}
#side .group>div{padding:8px 12px;font-weight:600}
#side li li a{display:block;padding:4px 24px;color:#9ca3af;text-decoration:none}
main{margin-left:220px;padding:72px 24px 24px}
section{background:#fff;border-radius:6px;padding:16px;margin-bottom:16px}
#log-panel{height:240px;overflow:auto;border:1px solid #e5e7eb;font:12px/20px monospace}
#log-panel .entry{display:flex;gap:8px;padding:0 8px}
.form-item{display:flex;align-items:center;gap:12px;margin:6px 0}
.form-item label{width:140px;text-align:right}
.form-item input{width:320px;padding:4px 8px;border:1px solid #d1d5db;border-radius:4px}
.help{color:#6b7280;font-size:12px}
table{width:100%;border-collapse:collapse;background:#fff}
td{border-bottom:1px solid #e5e7eb;padding:6px 8px}
`;

function header(): string {
  const nav = MODULES.map((m) => `<a href="#${encodeURIComponent(m)}">${m}</a>`).join('');
  return (
    `<div id="app-header"><div class="logo"><strong>政务服务平台</strong> <span>管理后台</span></div>` +
    `<nav>${nav}<a href="#help">帮助</a><a href="#about">关于</a></nav>` +
    `<div class="user"><button id="header-target" type="button">消息中心</button> <span>张三</span></div></div>`
  );
}

function menu(groups: number, perGroup: number): string {
  const items: string[] = [];
  for (let g = 0; g < groups; g += 1) {
    const module = MODULES[g % MODULES.length] ?? '';
    const links: string[] = [];
    for (let i = 0; i < perGroup; i += 1) {
      const verb = VERBS[i % VERBS.length] ?? '';
      links.push(`<li><a href="#m${g}-${i}"><i>·</i><span>${module}${verb}</span></a></li>`);
    }
    items.push(
      `<li class="group"><div><span>${module} ${g + 1}</span><i>▾</i></div><ul>${links.join('')}</ul></li>`,
    );
  }
  return `<aside id="side"><ul class="menu">${items.join('')}</ul></aside>`;
}

function logPanel(entries: number, targetAt: number): string {
  const rows: string[] = [];
  for (let i = 0; i < entries; i += 1) {
    const id = i === targetAt ? ' id="log-target"' : '';
    const hh = String(8 + (i % 10)).padStart(2, '0');
    const mm = String(i % 60).padStart(2, '0');
    rows.push(
      `<div class="entry"${id}><span>${hh}:${mm}</span><span>${i % 7 === 0 ? 'WARN' : 'INFO'}</span>` +
        `<span>第${i + 1}条：用户${(i * 7) % 97}${VERBS[i % VERBS.length]}了事项 ${1000 + i}</span></div>`,
    );
  }
  return `<section><h2>操作日志</h2><div id="log-panel" aria-label="操作日志">${rows.join('')}</div></section>`;
}

function deepField(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<div class="d${i % 5}">`).join('');
  const close = '</div>'.repeat(depth);
  return (
    `${open}<div class="form-item"><label for="deep-target">统一社会信用代码</label>` +
    `<div class="control"><input id="deep-target" placeholder="18 位代码"></div></div>${close}`
  );
}

function forms(sections: number, fieldsPer: number, deepInSection: number): string {
  const out: string[] = [];
  for (let s = 0; s < sections; s += 1) {
    const items: string[] = [];
    for (let f = 0; f < fieldsPer; f += 1) {
      const name = `${FIELDS[f % FIELDS.length]}${f >= FIELDS.length ? Math.floor(f / FIELDS.length) + 1 : ''}`;
      items.push(
        `<div class="form-item"><label for="f${s}-${f}">${name}</label><div class="control">` +
          `<input id="f${s}-${f}"></div><div class="help">请如实填写</div></div>`,
      );
      if (s === deepInSection && f === Math.floor(fieldsPer / 2)) items.push(deepField(40));
    }
    out.push(`<section><h2>申请表 ${s + 1}</h2><form>${items.join('')}</form></section>`);
  }
  return out.join('');
}

function table(rows: number, targetRow: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    const button =
      r === targetRow
        ? '<button id="row-target" type="button">查看</button>'
        : '<button type="button">查看</button>';
    out.push(
      `<tr><td>${r + 1}</td><td>ZW-2024-${String(r).padStart(5, '0')}</td>` +
        `<td class="c">${MODULES[r % MODULES.length]}${VERBS[r % VERBS.length]}申请</td>` +
        `<td>${STATUSES[r % STATUSES.length]}</td><td>2024-${String((r % 12) + 1).padStart(2, '0')}-${String((r % 28) + 1).padStart(2, '0')}</td>` +
        `<td>${button}</td></tr>`,
    );
  }
  return `<section><h2>办件列表</h2><table><tbody>${out.join('')}</tbody></table></section>`;
}

/**
 * 200 cells rewritten every 50 ms: each tick replaces the content of 200 table cells (rotating
 * through the table, never a target) with a new element.
 */
const CHURN_SCRIPT = `
(function(){
  var cells = Array.prototype.slice.call(document.querySelectorAll('td.c'));
  var at = 0, tick = 0;
  setInterval(function(){
    tick++;
    for (var i = 0; i < 200; i++) {
      var cell = cells[at]; at = (at + 1) % cells.length;
      var span = document.createElement('span');
      span.textContent = '更新 ' + tick + '-' + i;
      cell.replaceChildren(span);
    }
  }, 50);
})();`;

export interface PageOptions {
  kind: PageKind;
  /** Extra markup for the end of <head> (library CSS) and <body> (library scripts, harness). */
  head?: string;
  body?: string;
}

export function renderPage({ kind, head = '', body = '' }: PageOptions): string {
  const big = kind !== 'small';
  const content = big
    ? menu(30, 10) + `<main>${logPanel(300, 220)}${forms(3, 50, 1)}${table(2000, 1899)}</main>`
    : menu(2, 4) + `<main>${logPanel(40, 30)}${forms(1, 8, 0)}${table(20, 18)}</main>`;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务服务平台 · ${kind}</title>` +
    `<style>${css}</style>${head}</head><body>${header()}${content}` +
    `${kind === 'churn' ? `<script>${CHURN_SCRIPT}</script>` : ''}${body}</body></html>`
  );
}
