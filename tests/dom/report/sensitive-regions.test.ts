// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  findSensitiveRegions,
  findSensitiveTargets,
  type SensitiveTarget,
} from '../../../features/report/content/sensitive-regions';

/** What each target covers: a range's text, or `<tag>` for a whole element. */
function covered(doc: Document = document): string[] {
  return findSensitiveTargets(doc).targets.map(describeTarget);
}

function describeTarget({ cover }: SensitiveTarget): string {
  return 'startContainer' in cover ? cover.toString() : `<${cover.localName}>`;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findSensitiveTargets reads the page as a person does', () => {
  it('reads a number split by search highlighting as one number and covers only it', () => {
    document.body.innerHTML = '<p>搜索结果：110101<em>1990</em>03074514 的办件</p>';
    expect(covered()).toEqual(['110101199003074514']);
    const [target] = findSensitiveTargets(document).targets;
    const range = target?.cover as Range;
    // From inside the first text node to inside the last: 搜索结果 and 的办件 stay visible.
    expect(range.startContainer.textContent).toBe('搜索结果：110101');
    expect(range.startOffset).toBe(5);
    expect(range.endContainer.textContent).toBe('03074514 的办件');
    expect(range.endOffset).toBe(8);
  });

  it('finds every format the detector knows, in the ways people write them', () => {
    document.body.innerHTML = [
      '<p>身份证号：110101199003074514</p>',
      '<p>手机：138-0013-8000</p>',
      '<p>手机：139 1234 5678</p>',
      '<p>手机：+86 137 0000 1234</p>',
      '<p>邮箱：<a href="#">zhang.san@example.gov.cn</a></p>',
      '<p>银行卡：6222 0212 3456 7890 128</p>',
      '<p>全角：１３９０５１７２２６８</p>',
      '<p>换行写的：<span>186\n      0000\n      0001</span></p>',
      '<p>电话：010-65123456</p>',
    ].join('');
    expect(covered()).toEqual([
      '110101199003074514',
      '138-0013-8000',
      '139 1234 5678',
      '+86 137 0000 1234',
      'zhang.san@example.gov.cn',
      '6222 0212 3456 7890 128',
      '１３９０５１７２２６８',
      '186\n      0000\n      0001',
      '010-65123456',
    ]);
  });

  it('does not join text across blocks: two table cells are two texts', () => {
    document.body.innerHTML =
      '<table><tr><td>110101</td><td>199003074514</td></tr></table><p>1380013<br>8000</p>';
    expect(covered()).toEqual([]);
  });

  it('walks into open shadow roots, nested ones and slotted content', () => {
    document.body.innerHTML = '<citizen-card><span>wang.wu@example.com</span></citizen-card>';
    const host = document.querySelector('citizen-card') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<div>证件号码：510107199202153875</div><p>联系人：<slot></slot></p><inner-box></inner-box>';
    const inner = root.querySelector('inner-box') as HTMLElement;
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>手机 15800002222</p>';
    expect(covered()).toEqual(['510107199202153875', 'wang.wu@example.com', '15800002222']);
    const ranges = findSensitiveTargets(document).targets.map((target) => target.cover as Range);
    expect(ranges[0]?.startContainer.getRootNode()).toBe(root);
    // The slotted address is light DOM: its range lives in the document, not the shadow root.
    expect(ranges[1]?.startContainer.getRootNode()).toBe(document);
  });

  it('a value read across a slot boundary gets one range per tree (a range cannot span two)', () => {
    document.body.innerHTML = '<id-line><b>0307</b></id-line>';
    const host = document.querySelector('id-line') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>1101011990<slot></slot>4514</span>';
    expect(covered()).toEqual(['1101011990', '0307', '4514']);
  });

  it('covers form fields by their value: input, textarea, select, contenteditable', () => {
    document.body.innerHTML = [
      '<input id="mobile" value="" />',
      '<textarea id="note"></textarea>',
      '<select id="who"><option>请选择</option><option selected>张三 13800138000</option></select>',
      '<div contenteditable="true">联系 zhang@example.com</div>',
      '<input id="clean" value="河西博远科技有限公司" />',
      '<input type="hidden" value="110101199003074514" />',
      '<input type="password" value="x" />',
      '<div data-sensitive>内部备注</div>',
    ].join('');
    (document.getElementById('mobile') as HTMLInputElement).value = '138 0013 8000';
    (document.getElementById('note') as HTMLTextAreaElement).value = '身份证 11010519491231002X';
    const kinds = findSensitiveTargets(document).targets.map((target) => [
      describeTarget(target),
      target.kind,
    ]);
    expect(kinds).toEqual([
      ['<input>', 'personal-data'],
      ['<textarea>', 'personal-data'],
      ['<select>', 'personal-data'],
      ['<input>', 'password'],
      ['<div>', 'sensitive'],
      ['zhang@example.com', 'personal-data'],
    ]);
  });

  it('reads a field by its label: a name under 姓名 is covered, the same text under 单位 is not', () => {
    document.body.innerHTML = [
      '<label for="name">姓名</label><input id="name" />',
      '<div class="el-form-item"><label class="el-form-item__label">申请人：</label>',
      '<div class="el-form-item__content"><input id="applicant" /></div></div>',
      '<input id="by-placeholder" placeholder="请输入联系人" />',
      '<label for="org">单位</label><input id="org" />',
    ].join('');
    const set = (id: string, value: string) =>
      ((document.getElementById(id) as HTMLInputElement).value = value);
    set('name', '张伟');
    set('applicant', '欧阳明');
    set('by-placeholder', '李娜');
    set('org', '张伟');
    const ids = findSensitiveTargets(document).targets.map(({ cover }) => (cover as Element).id);
    expect(ids).toEqual(['name', 'applicant', 'by-placeholder']);
  });

  it('covers embedded documents it cannot read whole (a PDF, a plugin)', () => {
    document.body.innerHTML =
      '<p>材料预览</p><embed type="application/pdf" src="/files/a.pdf" /><object data="/files/b.pdf"></object>';
    expect(
      findSensitiveTargets(document).targets.map((target) => [describeTarget(target), target.kind]),
    ).toEqual([
      ['<embed>', 'sensitive'],
      ['<object>', 'sensitive'],
    ]);
  });

  it('does not read elements that are not rendered (hidden) into the text around them', () => {
    document.body.innerHTML = '<p>手机 138<span hidden>9</span>00138000</p>';
    // Found as the 11-digit number shown; the range runs from 138 to 8000, so its text includes
    // the hidden 9 (which is not drawn).
    expect(covered()).toEqual(['138900138000']);
    document.body.innerHTML = '<p>手机 138<span>9</span>00138000</p>';
    expect(covered()).toEqual([]);
  });

  it('leaves out the overlay, scripts and styles', () => {
    document.body.innerHTML =
      '<zhiyin-overlay>110101199003074514</zhiyin-overlay><script>var id = "110101199003074514";</script><style>.a{}</style>';
    expect(covered()).toEqual([]);
  });

  it('finds nothing on a clean page (document numbers, dates, amounts, serials)', () => {
    document.body.innerHTML = `
      <h1>关于印发《政务服务事项办理规范》的通知</h1>
      <p>文号：京政发〔2024〕12号\u3000受理编号：SL20261128000123</p>
      <table>
        <tr><th>日期</th><th>金额</th><th>订单号</th><th>请求ID</th></tr>
        <tr><td>2026-11-28</td><td>￥12,345.00</td><td>DD202611280001</td>
          <td>3f2b8c1e-4a5d-4e6f-9a0b-1c2d3e4f5a6b</td></tr>
      </table>
      <p>统一社会信用代码 91350100M000100Y43，共 3 页，第 1 页</p>`;
    expect(covered()).toEqual([]);
  });

  it('returns same-origin frames for the caller to enter', async () => {
    document.body.innerHTML = '<p>外层</p><iframe id="detail"></iframe>';
    const frame = document.getElementById('detail') as HTMLIFrameElement;
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.srcdoc = '<p>收件人手机：15800002222</p>';
    await loaded;
    const { targets, frames } = findSensitiveTargets(document);
    expect(targets).toEqual([]);
    expect(frames).toEqual([frame]);
    expect(covered(frame.contentDocument as Document)).toEqual(['15800002222']);
  });

  it('finds every value of a 200-row table (one pass over the page)', () => {
    const rows = Array.from({ length: 200 }, (_, index) => {
      const mobile = `138${String(index).padStart(8, '0')}`;
      return `<tr><td>${index + 1}</td><td>张三${index}</td><td>110101199003074514</td><td>${mobile}</td><td>北京市东城区</td><td>2026-11-28</td></tr>`;
    });
    document.body.innerHTML = `<table><tbody>${rows.join('')}</tbody></table>`;
    const found = covered();
    expect(found).toHaveLength(400);
    expect(found.filter((text) => text === '110101199003074514')).toHaveLength(200);
    expect(found).toContain('13800000199');
  });
});

/**
 * Layout is the browser's (tests/e2e/screenshot.spec.ts checks real pixels); here the boxes the
 * browser would return are given, to check what findSensitiveRegions does with them: one box per
 * line, touching boxes on a line merged, frame offsets, clipping to the frame and the viewport.
 */
describe('findSensitiveRegions turns targets into boxes in the top viewport', () => {
  const rect = (x: number, y: number, width: number, height: number) =>
    new DOMRect(x, y, width, height);

  it('gives a span that wraps one box per line, and merges the boxes of one line', () => {
    document.body.innerHTML = '<div>联系电话：<span>186 0000 0001</span></div>';
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      // Line 1: two touching fragments (e.g. text, then an <em>), line 2: the rest.
      rect(100, 20, 30, 18),
      rect(130, 20, 20, 18),
      rect(10, 40, 60, 18),
    ] as unknown as DOMRectList);
    expect(findSensitiveRegions(document)).toEqual([
      { x: 100, y: 20, width: 50, height: 18, kind: 'personal-data' },
      { x: 10, y: 40, width: 60, height: 18, kind: 'personal-data' },
    ]);
  });

  it('clips to the viewport and drops what is outside it', () => {
    document.body.innerHTML = '<p>身份证号：110101199003074514</p><p>手机 13800138000</p>';
    const boxes = [rect(-20, 10, 100, 18), rect(10, window.innerHeight + 50, 100, 18)];
    let call = 0;
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [boxes[call++]] as unknown as DOMRectList,
    );
    expect(findSensitiveRegions(document)).toEqual([
      { x: 0, y: 10, width: 80, height: 18, kind: 'personal-data' },
    ]);
  });

  it('moves a same-origin frame’s boxes into the top viewport and clips them to the frame', async () => {
    document.body.innerHTML = '<iframe id="detail"></iframe>';
    const frame = document.getElementById('detail') as HTMLIFrameElement;
    const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
    frame.srcdoc = '<p>收件人手机：15800002222</p><p>身份证 110101199003074514</p>';
    await loaded;
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(rect(200, 300, 400, 100));
    vi.spyOn(frame, 'clientWidth', 'get').mockReturnValue(396);
    vi.spyOn(frame, 'clientHeight', 'get').mockReturnValue(96);
    vi.spyOn(frame, 'clientLeft', 'get').mockReturnValue(2);
    vi.spyOn(frame, 'clientTop', 'get').mockReturnValue(2);
    const inner = frame.contentWindow as unknown as { Range: typeof Range };
    const boxes = [rect(10, 10, 90, 18), rect(10, 80, 150, 18)];
    let call = 0;
    vi.spyOn(inner.Range.prototype, 'getClientRects').mockImplementation(
      () => [boxes[call++]] as unknown as DOMRectList,
    );
    expect(findSensitiveRegions(document)).toEqual([
      { x: 212, y: 312, width: 90, height: 18, kind: 'personal-data' },
      // The second line starts 80 px down a 96 px frame: only 16 px of it show.
      { x: 212, y: 382, width: 150, height: 16, kind: 'personal-data' },
    ]);
  });

  it('covers a frame it cannot read whole', () => {
    document.body.innerHTML = '<iframe id="other"></iframe>';
    const frame = document.getElementById('other') as HTMLIFrameElement;
    vi.spyOn(frame, 'contentDocument', 'get').mockReturnValue(null);
    vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(rect(0, 100, 300, 200));
    expect(findSensitiveRegions(document)).toEqual([
      { x: 0, y: 100, width: 300, height: 200, kind: 'sensitive' },
    ]);
  });
});
