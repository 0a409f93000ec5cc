// @vitest-environment happy-dom
/**
 * The open popup of a step's target (a teleported dropdown) is found so the card can be placed
 * beside both (issue 13). happy-dom has no layout: boxes are given per element.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { boxWithPopups, openPopups } from '../../../lib/overlay/popups';

function place(element: Element, x: number, y: number, width: number, height: number) {
  element.getBoundingClientRect = () => DOMRectReadOnly.fromRect({ x, y, width, height });
}

let target: Element;
beforeEach(() => {
  document.body.innerHTML = `
    <form><div class="el-cascader" id="target"><input placeholder="请选择服务区域"></div></form>
    <div class="el-popper el-cascader__dropdown" id="open" style="position:absolute">
      <ul role="menu"><li role="menuitem">北山乡</li></ul>
    </div>
    <div class="el-popper" id="far" style="position:absolute"></div>
    <div class="el-popper" id="closed" style="position:absolute;display:none"></div>
    <ul role="listbox" id="static"><li role="option">页面里的列表</li></ul>`;
  target = document.getElementById('target') as Element;
  place(target, 100, 100, 220, 32);
  place(document.getElementById('open') as Element, 100, 140, 360, 200);
  place(document.querySelector('#open ul') as Element, 100, 140, 180, 200);
  place(document.getElementById('far') as Element, 900, 600, 200, 100);
  place(document.getElementById('closed') as Element, 100, 140, 200, 100);
  // A list that is part of the page's layout, right under the target: not a popup.
  place(document.getElementById('static') as Element, 100, 136, 220, 80);
});

describe('openPopups', () => {
  it('finds the shown, floating popup next to the target, once (not its inner menu too)', () => {
    expect(openPopups(target).map((element) => element.id)).toEqual(['open']);
  });

  it('takes the outermost layer whichever kind holds which (an ARIA popup around a library layer)', () => {
    (document.getElementById('open') as HTMLElement).style.display = 'none';
    document.body.insertAdjacentHTML(
      'afterbegin',
      `<div role="listbox" id="aria" style="position:absolute">
        <div class="ant-select-dropdown" id="inner" style="position:absolute"></div>
      </div>`,
    );
    place(document.getElementById('aria') as Element, 100, 136, 240, 120);
    place(document.getElementById('inner') as Element, 100, 136, 240, 120);
    expect(openPopups(target).map((element) => element.id)).toEqual(['aria']);
  });

  it('finds nothing when the popup closes', () => {
    (document.getElementById('open') as HTMLElement).style.display = 'none';
    expect(openPopups(target)).toEqual([]);
  });

  it('the box to place the card beside holds the target and its popup', () => {
    const box = boxWithPopups(target, openPopups(target));
    expect([box.x, box.y, box.width, box.height]).toEqual([100, 100, 360, 240]);
  });
});

describe('a popup inside its target (layui)', () => {
  it('the open <dl> of a .layui-form-select, floating below the skin, is its popup', () => {
    document.body.innerHTML = `
      <div class="layui-form-select layui-form-selected" id="skin">
        <div class="layui-select-title"><input class="layui-input" readonly></div>
        <dl class="layui-anim" style="position:absolute"><dd lay-value="medical">医保报销</dd></dl>
      </div>`;
    const skin = document.getElementById('skin') as Element;
    place(skin, 100, 100, 400, 38);
    place(skin.querySelector('dl') as Element, 100, 143, 400, 150);
    expect(openPopups(skin)).toEqual([skin.querySelector('dl')]);
    const box = boxWithPopups(skin, openPopups(skin));
    expect([box.y, box.height]).toEqual([100, 193]);
    (skin.querySelector('dl') as HTMLElement).style.display = 'none';
    expect(openPopups(skin)).toEqual([]);
  });
});

describe('isLeaving', () => {
  it('sees a closing dropdown (Vue and rc-motion leave classes), not a class that merely says leave', async () => {
    const { isLeaving } = await import('../../../lib/overlay/popups');
    const option = document.querySelector('#open li') as Element;
    expect(isLeaving(option)).toBe(false);
    (document.getElementById('open') as Element).classList.add('el-zoom-in-top-leave-active');
    expect(isLeaving(option)).toBe(true);
    document.body.innerHTML = `<div class="ant-select-dropdown ant-slide-up-leave ant-slide-up-leave-active"><div role="option">x</div></div>
      <form class="annual-leave"><button>提交年假申请</button></form>`;
    expect(isLeaving(document.querySelector('[role="option"]') as Element)).toBe(true);
    expect(isLeaving(document.querySelector('button') as Element)).toBe(false);
  });
});
