// @vitest-environment happy-dom
/**
 * Issue 13: a layui 2.13 form as layui's form.render() leaves it (markup saved from sim/layui.html
 * in Chromium): each native select / checkbox / radio is followed by the div skin people see and
 * click, and labels are sibling <label.layui-form-label>s without `for`. happy-dom has no layout
 * (nor layui's CSS hiding the natives): lookups pass `layout: false`.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFieldValue, watchFieldValue } from '../../../lib/locate/field-value';
import type { Target } from '../../../lib/locate/locator';
import { resolveTarget } from '../../../lib/locate/resolve';
import { dispatchAsUser } from '../../support/user-events';

const RENDERED_FORM = `<form class="layui-form" lay-filter="apply">
    <div class="layui-form-item">
    <label class="layui-form-label">申请人</label>
    <div class="layui-input-block">
    <input type="text" name="applicant" lay-verify="required" lay-reqtext="请填写申请人" placeholder="请输入申请人姓名" autocomplete="off" class="layui-input">
    </div>
    </div>
    <div class="layui-form-item">
    <label class="layui-form-label">事项类型</label>
    <div class="layui-input-block">
    <select name="type" lay-filter="type" lay-verify="required">
    <option value="">请选择事项类型</option>
    <option value="pension">养老保险转移</option>
    <option value="medical">医保报销</option>
    <option value="injury">工伤认定</option>
    </select><div class="layui-form-select layui-unselect"><div class="layui-select-title"><input type="text" class="layui-input" placeholder="请选择事项类型" readonly=""><i class="layui-edge"></i></div><dl class="layui-anim layui-anim-upbit"><dd lay-value="" class="layui-select-tips">请选择事项类型</dd><dd lay-value="pension">养老保险转移</dd><dd lay-value="medical">医保报销</dd><dd lay-value="injury">工伤认定</dd></dl></div>
    </div>
    </div>
    <div class="layui-form-item">
    <label class="layui-form-label">办理渠道</label>
    <div class="layui-input-block">
    <input type="radio" name="channel" value="window" title="窗口办理" checked=""><div class="layui-unselect layui-form-radio layui-form-radioed"><i class="layui-anim layui-icon layui-icon-radio"></i><div>窗口办理</div></div>
    <input type="radio" name="channel" value="online" title="网上办理"><div class="layui-unselect layui-form-radio"><i class="layui-anim layui-icon layui-icon-circle"></i><div>网上办理</div></div>
    </div>
    </div>
    <div class="layui-form-item">
    <label class="layui-form-label">预约日期</label>
    <div class="layui-input-inline">
    <input type="text" name="date" id="lay-date" placeholder="请选择预约日期" autocomplete="off" class="layui-input" readonly="" lay-key="1" lay-laydate-id="lay-date">
    </div>
    </div>
    <div class="layui-form-item">
    <label class="layui-form-label">短信通知</label>
    <div class="layui-input-block">
    <input type="checkbox" name="notify" lay-skin="switch" title="开启|关闭"><div class="layui-unselect layui-form-switch" lay-skin="switch"><div>关闭</div><i></i></div>
    </div>
    </div>
    <div class="layui-form-item">
    <label class="layui-form-label">申请材料</label>
    <div class="layui-input-block">
    <button type="button" class="layui-btn layui-btn-normal" id="lay-upload">
    <i class="layui-icon layui-icon-upload"></i> 上传材料
    </button><input class="layui-upload-file" type="file" accept="" name="file">
    <span id="lay-upload-name" class="lay-sim-muted">未选择文件</span>
    </div>
    </div>
    <div class="layui-form-item">
    <div class="layui-input-block">
    <input type="checkbox" name="agree" lay-skin="primary" title="已阅读并同意办理须知"><div class="layui-unselect layui-form-checkbox" lay-skin="primary"><div>已阅读并同意办理须知</div><i class="layui-icon layui-icon-ok"></i></div>
    </div>
    </div>
  </form>`;

function found(target: Target): Element {
  const outcome = resolveTarget(target, document, { layout: false });
  if (outcome.kind !== 'found') throw new Error(`expected found, got ${outcome.kind}`);
  return outcome.element;
}

beforeEach(() => {
  document.body.innerHTML = RENDERED_FORM;
});

describe('layui form items by their label', () => {
  it('a text input: the <input lay-verify> beside the label', () => {
    expect(found({ label: '申请人' })).toBe(document.querySelector('input[name="applicant"]'));
  });

  it('a select: the .layui-form-select skin, not the hidden native <select>', () => {
    expect(found({ label: '事项类型' }).classList.contains('layui-form-select')).toBe(true);
  });

  it('a switch: the .layui-form-switch skin', () => {
    expect(found({ label: '短信通知' }).classList.contains('layui-form-switch')).toBe(true);
  });

  it('a radio group: the block holding every radio skin', () => {
    const group = found({ label: '办理渠道' });
    expect(group.querySelectorAll('.layui-form-radio')).toHaveLength(2);
  });
});

describe('text locators on layui skins', () => {
  it('the checkbox text is the checkbox skin people click', () => {
    expect(found({ text: '已阅读并同意办理须知' }).classList.contains('layui-form-checkbox')).toBe(
      true,
    );
  });
});

describe('values of layui skins', () => {
  it('a checkbox or switch skin reads its hidden input: its value when checked, empty when not', () => {
    const skin = document.querySelector('.layui-form-switch') as Element;
    const input = document.querySelector('input[name="notify"]') as HTMLInputElement;
    expect(readFieldValue(skin)).toBe('');
    input.checked = true;
    expect(readFieldValue(skin)).toBe('on');
  });

  it('a radio group (what its label finds) reads the checked radio; one radio skin reads its own', () => {
    const group = found({ label: '办理渠道' });
    expect(readFieldValue(group)).toBe('window');
    (document.querySelector('input[value="online"]') as HTMLInputElement).checked = true;
    expect(readFieldValue(group)).toBe('online');
    const online = found({ text: '网上办理' });
    expect(online.classList.contains('layui-form-radio')).toBe(true);
    expect(readFieldValue(online)).toBe('online');
  });

  it('a select skin reads the label layui writes into its title input', () => {
    const skin = document.querySelector('.layui-form-select') as Element;
    expect(readFieldValue(skin)).toBe('');
    (skin.querySelector('.layui-select-title input') as HTMLInputElement).value = '医保报销';
    expect(readFieldValue(skin)).toBe('医保报销');
  });

  it('toggling a switch as layui does (checked + class, no event) is a change once the learner worked it', async () => {
    const skin = document.querySelector('.layui-form-switch') as Element;
    const input = document.querySelector('input[name="notify"]') as HTMLInputElement;
    const changes: string[] = [];
    const abort = new AbortController();
    watchFieldValue(skin, (value, kind) => changes.push(`${kind}:${value}`), {
      signal: abort.signal,
      learnerOnly: true,
    });
    // The page toggling it on its own is not the learner.
    input.checked = true;
    skin.classList.add('layui-form-onswitch');
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toEqual([]);
    // The learner clicks: layui flips it back.
    dispatchAsUser(skin, new Event('pointerdown', { bubbles: true }));
    input.checked = false;
    skin.classList.remove('layui-form-onswitch');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toEqual(['change:']);
    abort.abort();
  });

  it('a date laydate writes from its calendar (no event, no mutation) is a change once the learner opened it', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="layui-laydate"><table><tr><td lay-ymd="2026-12-9">9</td></tr></table></div>',
    );
    const input = document.getElementById('lay-date') as HTMLInputElement;
    const day = document.querySelector('.layui-laydate td') as Element;
    const changes: string[] = [];
    const abort = new AbortController();
    watchFieldValue(input, (value, kind) => changes.push(`${kind}:${value}`), {
      signal: abort.signal,
      learnerOnly: true,
    });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    // A page script fills it in and clicks on its own: not the learner.
    input.value = '2026-12-01';
    day.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick();
    expect(changes).toEqual([]);
    // The learner opens the calendar and picks a day; laydate writes the value in its handler.
    dispatchAsUser(input, new MouseEvent('mousedown', { bubbles: true }));
    day.addEventListener('click', () => (input.value = '2026-12-09'), { once: true });
    dispatchAsUser(day, new MouseEvent('click', { bubbles: true }));
    await tick();
    expect(changes).toEqual(['change:2026-12-09']);
    abort.abort();
  });
});
