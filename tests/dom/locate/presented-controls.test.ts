// @vitest-environment happy-dom
/**
 * Component libraries hide the native control behind what people see: a step about it must point
 * at the visible wrapper (Ant Design / Element markup as the libraries render it).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../lib/locate/resolve';
import type { Target } from '../../../lib/locate/locator';

const NO_LAYOUT = { layout: false } as const;

function found(target: Target): Element {
  const outcome = resolveTarget(target, document, NO_LAYOUT);
  if (outcome.kind !== 'found') throw new Error(`expected found, got ${outcome.kind}`);
  return outcome.element;
}

beforeEach(() => {
  document.body.innerHTML = `
    <label class="ant-checkbox-wrapper" id="antd-box">
      <span class="ant-checkbox"><input class="ant-checkbox-input" type="checkbox" id="agree" /></span>
      <span>已核对申请人身份证件原件</span>
    </label>
    <div class="ant-radio-group" role="radiogroup">
      <label class="ant-radio-wrapper" id="radio-bar"><span class="ant-radio"><input class="ant-radio-input" type="radio" name="c" value="bar" /></span><span>柱状图</span></label>
      <label class="ant-radio-wrapper" id="radio-line"><span class="ant-radio"><input class="ant-radio-input" type="radio" name="c" value="line" /></span><span>折线图</span></label>
    </div>
    <label class="el-checkbox" id="el-box"><span class="el-checkbox__input"><input class="el-checkbox__original" type="checkbox" aria-label="公司章程" /></span><span class="el-checkbox__label">公司章程</span></label>
    <label for="region-input">所属地区</label>
    <div class="ant-select ant-select-single" id="region-select">
      <div class="ant-select-selector">
        <span class="ant-select-selection-search"><input id="region-input" role="combobox" class="ant-select-selection-search-input" /></span>
        <span class="ant-select-selection-placeholder">请选择</span>
      </div>
    </div>
    <input type="checkbox" id="plain" /><label for="plain">记住我</label>`;
});

describe('native controls hidden behind component wrappers', () => {
  it('points at the antd checkbox wrapper, found by label, role or css', () => {
    expect(found({ label: '已核对申请人身份证件原件' }).id).toBe('antd-box');
    expect(found({ role: 'checkbox', name: '已核对申请人身份证件原件' }).id).toBe('antd-box');
    expect(found({ css: [{ selector: '#agree', note: 'the hidden input' }] }).id).toBe('antd-box');
  });

  it('points at the radio option a person clicks', () => {
    expect(found({ role: 'radio', name: '折线图' }).id).toBe('radio-line');
  });

  it('points at the Element Plus checkbox wrapper', () => {
    expect(found({ role: 'checkbox', name: '公司章程' }).id).toBe('el-box');
  });

  it('lifts a <label for> aimed at an antd Select search input to the whole select', () => {
    expect(found({ label: '所属地区' }).id).toBe('region-select');
    expect(found({ role: 'combobox' }).id).toBe('region-select');
  });

  it('leaves a plain checkbox outside any wrapper alone', () => {
    expect(found({ label: '记住我' }).id).toBe('plain');
  });
});
