// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startRecorder } from '../../../features/author/content/recorder';
import { MAX_DRAFT_STEPS, type DraftStep } from '../../../features/author/draft';

const FORM = `
  <nav><a href="#/docs/new">新建公文</a></nav>
  <form>
    <label for="title">标题</label><input id="title" />
    <label for="kind">文种</label>
    <select id="kind"><option>通知</option><option>请示</option></select>
    <label><input type="checkbox" id="urgent" /> 加急</label>
    <div role="table">
      <div role="row"><span>身份证 110101199003071234</span><button type="button">删除</button></div>
      <div role="row"><span>身份证 110101198512125678</span><button type="button">删除</button></div>
    </div>
    <button type="button">保存草稿</button>
  </form>
  <div id="own"><button>停止录制</button></div>`;

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  window.location.hash = '';
});

function record(trust: 'all' | 'none' = 'all') {
  document.body.innerHTML = FORM;
  const controller = new AbortController();
  controllers.push(controller);
  let steps: DraftStep[] = [];
  let clock = 1_000;
  startRecorder({
    document,
    signal: controller.signal,
    layout: false,
    pollMs: 10_000,
    isOwnUi: (element) => element.closest('#own') !== null,
    isTrusted: () => trust === 'all',
    now: () => (clock += 100),
    onChange: (next) => {
      steps = next;
    },
  });
  return { steps: () => steps, controller };
}

const el = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const click = (selector: string) =>
  el(selector).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
function type(selector: string, value: string) {
  const input = el<HTMLInputElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the recorder', () => {
  it('turns clicks, typing and choices into steps with proven locators and advance kinds', () => {
    const { steps } = record();
    click('#title'); // focusing a field is not a step
    type('#title', '关于召开会议的通知');
    type('#title', '关于召开会议的通知（修改）'); // still the same step
    const select = el<HTMLSelectElement>('#kind');
    select.value = '请示';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    click('#urgent');
    el('#urgent').dispatchEvent(new Event('change', { bubbles: true })); // its click is the step
    click('form > button');
    expect(steps().map((step) => [step.advance, step.proposals[0]?.description])).toEqual([
      ['input', 'label "标题"'],
      ['change', 'label "文种"'],
      ['click', 'label "加急"'],
      ['click', 'role button "保存草稿"'],
    ]);
    expect(steps().map((step) => step.title)).toEqual([
      '填写「标题」',
      '选择「文种」',
      '点击「加急」',
      '点击「保存草稿」',
    ]);
    expect(new Set(steps().map((step) => step.id)).size).toBe(4);
  });

  it('never stores what was typed', () => {
    const { steps } = record();
    type('#title', '张三 13912345678');
    expect(JSON.stringify(steps())).not.toMatch(/张三|13912345678/u);
  });

  it('drops locators that would store personal data from the page', () => {
    const { steps } = record();
    // Two 删除 buttons: the row's first cell (an id number) would narrow it down.
    click('[role="row"] button');
    expect(steps()).toHaveLength(1);
    // What is left (here: nothing proven without the row's id number) holds no personal data;
    // a step without a locator is shown centred and the author picks another element.
    expect(JSON.stringify(steps())).not.toContain('110101199003071234');
  });

  it('a click that changes the route becomes a navigation step; the next step gets page:', () => {
    const { steps } = record();
    click('nav a');
    window.location.hash = '#/docs/new';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    type('#title', 'x');
    expect(steps()[0]).toMatchObject({ advance: 'navigation', navigationUrl: '/#/docs/new' });
    expect(steps()[1]).toMatchObject({ advance: 'input', page: '/#/docs/new' });
  });

  it('a route change without a click is a centred step', () => {
    const { steps } = record();
    window.location.hash = '#/report/2026';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(steps()).toHaveLength(1);
    expect(steps()[0]).toMatchObject({ advance: 'next', proposals: [], page: '/#/report/*' });
  });

  it('ignores our own panel, untrusted events, and everything after it stops', () => {
    const { steps, controller } = record();
    click('#own button');
    expect(steps()).toEqual([]);
    controller.abort();
    click('form > button');
    expect(steps()).toEqual([]);
    const untrusted = record('none');
    click('form > button');
    type('#title', 'x');
    expect(untrusted.steps()).toEqual([]);
  });

  it('stops at the draft limit instead of growing without bound', () => {
    const { steps } = record();
    for (let i = 0; i < MAX_DRAFT_STEPS + 5; i++) click('form > button');
    expect(steps()).toHaveLength(MAX_DRAFT_STEPS);
  });
});
