// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuardHint } from '../../../features/guards/content/guards';
import { attachGuard, guardsForPage, parseDeadline } from '../../../features/guards/content/guards';
import type { Guard } from '../../../features/rules/schema';
import { GuardSchema } from '../../../features/rules/schema';
import { loadFixture } from '../locate/load-fixture';

let controller: AbortController;
let hints: Map<string, GuardHint | null>;
let calls: number;

function attach(input: unknown, now?: () => number, language?: () => 'zh_CN' | 'en'): Guard {
  const guard = GuardSchema.parse(input);
  attachGuard(guard, document, {
    signal: controller.signal,
    onHint: (id, hint) => {
      calls += 1;
      hints.set(id, hint);
    },
    visibility: { layout: false },
    ...(now ? { now } : {}),
    ...(language ? { language } : {}),
  });
  return guard;
}

/** Let waitForTarget's first look and the MutationObserver callbacks run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function type(input: HTMLInputElement, value: string, commit = true): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
}

function chooseFiles(
  input: HTMLInputElement,
  files: { name: string; size: number; type: string }[],
) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  controller = new AbortController();
  hints = new Map();
  calls = 0;
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('validator guards on real antd form markup', () => {
  it('a wrong mobile number gets a warning next to the field; a fixed one clears it', async () => {
    loadFixture('antd-form.html');
    attach({
      id: 'mobile',
      field: { label: '电话' },
      check: { kind: 'validator', validator: 'mobile' },
    });
    await tick();
    const phone = document.getElementById('doc_contact_phone') as HTMLInputElement;
    type(phone, '1380013800');
    const hint = hints.get('mobile');
    expect(hint?.level).toBe('warning');
    expect(hint?.anchor).toBe(phone);
    expect(hint?.messages.join()).toMatch(/手机号/);
    type(phone, '13800138000');
    expect(hints.get('mobile')?.level).toBe('ok');
    type(phone, '');
    expect(hints.get('mobile')).toBeNull();
  });

  it('speaks the learner’s language, following a change of it', async () => {
    loadFixture('antd-form.html');
    let language: 'zh_CN' | 'en' = 'en';
    attach(
      { id: 'mobile', field: { label: '电话' }, check: { kind: 'validator', validator: 'mobile' } },
      undefined,
      () => language,
    );
    await tick();
    const phone = document.getElementById('doc_contact_phone') as HTMLInputElement;
    type(phone, '1380013800');
    expect(hints.get('mobile')?.messages.join()).toMatch(/mobile/i);
    expect(hints.get('mobile')?.messages.join()).not.toMatch(/[\u4e00-\u9fff]/u);
    language = 'zh_CN';
    type(phone, '1380013801');
    expect(hints.get('mobile')?.messages.join()).toMatch(/手机号/);
  });

  it('half-typed values are not called wrong until committed', async () => {
    loadFixture('antd-form.html');
    attach({
      id: 'mobile',
      field: { label: '电话' },
      check: { kind: 'validator', validator: 'mobile' },
    });
    await tick();
    const phone = document.getElementById('doc_contact_phone') as HTMLInputElement;
    type(phone, '138', false);
    expect(hints.get('mobile') ?? null).toBeNull();
  });

  it('the host DOM is left as it was', async () => {
    loadFixture('antd-form.html');
    const before = document.body.innerHTML;
    attach({
      id: 'mobile',
      field: { label: '电话' },
      check: { kind: 'validator', validator: 'mobile' },
    });
    await tick();
    type(document.getElementById('doc_contact_phone') as HTMLInputElement, '123');
    expect(document.body.innerHTML.replace(/value="[^"]*"/gu, '')).toBe(
      before.replace(/value="[^"]*"/gu, ''),
    );
  });
});

describe('password policy (configurable)', () => {
  it('lists every broken rule without echoing the password', async () => {
    document.body.innerHTML = '<label for="pw">新密码</label><input id="pw" type="password">';
    attach({ id: 'password', field: { label: '新密码' }, check: { kind: 'password' } });
    await tick();
    const input = document.getElementById('pw') as HTMLInputElement;
    type(input, 'abcdefg');
    expect(hints.get('password')?.messages).toEqual([
      '密码至少 8 位，当前为 7 位',
      '密码须包含数字',
      '密码须包含符号（如 ! @ # $ % _ -）',
    ]);
    expect(JSON.stringify(hints.get('password')?.messages)).not.toContain('abcdefg');
    type(input, 'Abc12345!');
    expect(hints.get('password')?.level).toBe('ok');
  });

  it('honours a policy from the guard file', async () => {
    document.body.innerHTML = '<label for="pw">新密码</label><input id="pw" type="password">';
    attach({
      id: 'password',
      field: { label: '新密码' },
      check: { kind: 'password', policy: { minLength: 12, requireSymbol: false } },
    });
    await tick();
    type(document.getElementById('pw') as HTMLInputElement, 'Abc12345');
    expect(hints.get('password')?.messages).toEqual(['密码至少 12 位，当前为 8 位']);
  });
});

describe('attachment: checked the moment a file is chosen', () => {
  it('wrong type and too large are warned with the file name; PDF within 10 MB passes', async () => {
    loadFixture('antd-form.html');
    attach({
      id: 'attachment',
      field: { label: '附件' },
      check: { kind: 'attachment', maxSize: '10MB' },
      note: '公文附件支持 PDF、Word 格式，单个文件不超过 10 MB。',
    });
    await tick();
    const input = document.getElementById('doc_files') as HTMLInputElement;
    chooseFiles(input, [{ name: '会议通知.xlsx', size: 2048, type: '' }]);
    expect(hints.get('attachment')?.messages[0]).toMatch(/会议通知\.xlsx.*仅支持 PDF、Word/);
    expect(hints.get('attachment')?.note).toMatch(/10 MB/);
    chooseFiles(input, [{ name: '材料.pdf', size: 12 * 1024 * 1024, type: 'application/pdf' }]);
    expect(hints.get('attachment')?.messages).toEqual([
      '文件“材料.pdf”大小为 12 MB，超过 10 MB 的限制',
    ]);
    chooseFiles(input, [{ name: '材料.pdf', size: 800 * 1024, type: 'application/pdf' }]);
    expect(hints.get('attachment')).toMatchObject({
      level: 'ok',
      messages: ['“材料.pdf”（800 KB）符合要求'],
    });
  });
});

describe('report ranges and logical relations', () => {
  it('warns about a part larger than its total, and passes once consistent', async () => {
    document.body.innerHTML = `<form class="rpt-form">
      <label for="gdp">地区生产总值（亿元）</label><input id="gdp">
      <label for="industry">规模以上工业增加值（亿元）</label><input id="industry">
      <label for="growth">同比增长（%）</label><input id="growth">
    </form>`;
    attach({
      id: 'report',
      field: { css: [{ selector: 'form.rpt-form', note: 'report form' }] },
      check: {
        kind: 'report',
        fields: {
          gdp: { label: '地区生产总值（亿元）' },
          industry: { label: '规模以上工业增加值（亿元）' },
          growth: { label: '同比增长（%）' },
        },
        labels: { gdp: '地区生产总值', industry: '规模以上工业增加值', growth: '同比增长' },
        rules: [
          { field: 'growth', min: -50, max: 100 },
          { left: 'industry', op: '<=', right: 'gdp' },
        ],
      },
    });
    await tick();
    const input = (id: string) => document.getElementById(id) as HTMLInputElement;
    type(input('gdp'), '1,200.5');
    type(input('industry'), '1300');
    expect(hints.get('report')?.messages).toEqual([
      '“规模以上工业增加值”应小于或等于“地区生产总值”（当前分别为 1300 和 1200.5）',
    ]);
    type(input('industry'), '400');
    type(input('growth'), '120');
    expect(hints.get('report')?.messages).toEqual(['“同比增长”应在 -50 至 100 之间，当前为 120']);
    type(input('growth'), '6.5');
    expect(hints.get('report')?.level).toBe('ok');
  });
});

describe('deadline countdown', () => {
  it('reads the deadline from the page (China time) and counts down with the injected clock', async () => {
    document.body.innerHTML =
      '<div data-testid="report-deadline"><span>上报截止时间：<strong>2026年12月10日 18:00</strong>（次月10日 18:00 前上报）</span></div>';
    let now = Date.UTC(2026, 11, 8, 8, 0); // 8 Dec 16:00 China time
    attach(
      { id: 'deadline', field: { testid: 'report-deadline' }, check: { kind: 'deadline' } },
      () => now,
    );
    await tick();
    expect(hints.get('deadline')).toMatchObject({
      level: 'info',
      messages: ['距截止还有 2 天 2 小时'],
    });
    now = Date.UTC(2026, 11, 10, 2, 0);
    document.querySelector('strong')!.textContent = '2026年12月10日 18:00';
    await tick();
    expect(hints.get('deadline')).toMatchObject({
      level: 'warning',
      messages: ['距截止还有 8 小时'],
    });
    now = Date.UTC(2026, 11, 10, 10, 0);
    document.querySelector('strong')!.textContent = '2026年12月10日 18:00';
    await tick();
    expect(hints.get('deadline')).toMatchObject({
      level: 'warning',
      messages: ['上报截止时间已过，逾期系统自动关闭上报通道'],
    });
  });

  it('parses the formats e-government pages use', () => {
    expect(parseDeadline('截止：2026-12-10 18:00')).toBe(Date.UTC(2026, 11, 10, 10, 0));
    expect(parseDeadline('2026/1/5 09:30:15')).toBe(Date.UTC(2026, 0, 5, 1, 30, 15));
    expect(parseDeadline('本期尚未设置截止时间')).toBeUndefined();
  });
});

describe('lifecycle', () => {
  it('waits for a field rendered later, withdraws the hint when it leaves, re-attaches when back', async () => {
    attach({
      id: 'id-card',
      field: { label: '法人身份证号' },
      check: { kind: 'validator', validator: 'idCard' },
    });
    await tick();
    const render = () => {
      document.body.innerHTML = '<label for="idn">法人身份证号</label><input id="idn">';
      return document.getElementById('idn') as HTMLInputElement;
    };
    let input = render();
    await tick();
    type(input, '110101199003071235');
    expect(hints.get('id-card')?.level).toBe('warning');
    document.body.innerHTML = '';
    await tick();
    expect(hints.get('id-card')).toBeNull();
    input = render();
    await tick();
    type(input, '110101199003071233');
    expect(hints.get('id-card')?.level).toBe('ok');
  });

  it('abort withdraws the hint and removes every listener', async () => {
    loadFixture('antd-form.html');
    attach({
      id: 'mobile',
      field: { label: '电话' },
      check: { kind: 'validator', validator: 'mobile' },
    });
    await tick();
    const phone = document.getElementById('doc_contact_phone') as HTMLInputElement;
    type(phone, '123');
    controller.abort();
    expect(hints.get('mobile')).toBeNull();
    const before = calls;
    type(phone, '456');
    chooseFiles(document.getElementById('doc_files') as HTMLInputElement, [
      { name: 'a.exe', size: 1, type: '' },
    ]);
    await tick();
    expect(calls).toBe(before);
  });

  it('guardsForPage picks the guards whose pages match the URL', () => {
    const guards = [
      GuardSchema.parse({
        id: 'a',
        pages: ['*service.html#/apply*'],
        field: { label: '甲' },
        check: { kind: 'validator', validator: 'idCard' },
      }),
      GuardSchema.parse({ id: 'b', field: { label: '乙' }, check: { kind: 'password' } }),
    ];
    expect(
      guardsForPage(guards, 'http://127.0.0.1:4173/service.html#/apply').map((g) => g.id),
    ).toEqual(['a']);
    expect(guardsForPage(guards, 'http://127.0.0.1:4173/report.html')).toEqual([]);
  });
});
