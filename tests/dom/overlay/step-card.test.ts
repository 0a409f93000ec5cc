// @vitest-environment happy-dom
/**
 * The tour step card as the learner meets it (features/tour/views/tour-layer.ts, drawn without
 * React): the contract hooks, the buttons by their accessible names, the texts in both languages,
 * the keys, and focus staying on 下一步 from one step to the next.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TourView } from '../../../features/tour/content/view';
import type { Step, Tour } from '../../../features/tour/schema';
import { withCompiledMarkdown } from '../../../features/tour/compiled';
import { TourLayer, type TourLayerActions } from '../../../features/tour/views/tour-layer';
import { dispatchAsUser, userClick } from '../../support/user-events';

const step = (id: string, extra: Partial<Step> = {}): Step =>
  ({
    id,
    title: `标题 ${id}`,
    body: `**${id}** 的说明`,
    placement: 'auto',
    advance: { on: 'next' },
    optional: false,
    ...extra,
  }) as Step;

// As the build ships it: step bodies compiled from Markdown (the card has no parser of its own).
const tour = withCompiledMarkdown({
  id: 'demo-tour',
  title: '演示',
  steps: [step('a'), step('b'), step('c', { advance: { on: 'click' } } as Partial<Step>)],
} as unknown as Tour);

const view = (stepIndex: number, extra: Partial<TourView> = {}): TourView => ({
  tour,
  stepIndex,
  mode: 'centred',
  element: null,
  placement: 'auto',
  rejection: null,
  missingReason: null,
  report: 'idle',
  ...extra,
});

let root: HTMLDivElement;
let actions: { [K in keyof TourLayerActions]: ReturnType<typeof vi.fn<() => void>> };
let layer: TourLayer;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  actions = {
    onNext: vi.fn<() => void>(),
    onBack: vi.fn<() => void>(),
    onSkip: vi.fn<() => void>(),
    onExit: vi.fn<() => void>(),
    onTargetLost: vi.fn<() => void>(),
    onReport: vi.fn<() => void>(),
  };
  layer = new TourLayer(root, actions);
});
afterEach(() => {
  layer.clear();
  root.remove();
});

const card = () => root.querySelector<HTMLElement>('[role="dialog"]');
const button = (name: string) =>
  [...root.querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
  );
const buttonNames = () =>
  [...root.querySelectorAll('button')].map(
    (candidate) => candidate.getAttribute('aria-label') ?? candidate.textContent?.trim(),
  );

describe('tour step card (framework-free)', () => {
  it('carries the tour and step hooks, its title, Markdown body, progress and announcement', () => {
    layer.show(view(0), 'zh_CN');
    const shown = card();
    expect(shown?.dataset.zhiyinTour).toBe('demo-tour');
    expect(shown?.dataset.zhiyinStep).toBe('0');
    // Named by its title and position, described by its body (and the hint, when there is one).
    const [titleId, positionId] = shown?.getAttribute('aria-labelledby')?.split(' ') ?? [];
    expect(root.querySelector(`#${titleId ?? 'x'}`)?.textContent).toBe('标题 a');
    expect(root.querySelector(`#${positionId ?? 'x'}`)?.textContent).toBe('第 1 步，共 3 步');
    const [bodyId] = shown?.getAttribute('aria-describedby')?.split(' ') ?? [];
    const body = root.querySelector(`#${bodyId ?? 'x'}`);
    expect(body?.innerHTML).toBe('<p><strong>a</strong> 的说明</p>');
    expect(root.querySelector('.zy-card-progress')?.textContent).toBe('1 / 3');
    // Nothing had focus: it went to 下一步 (the reader says the card's name and description), so
    // the live region stays quiet for this step, and speaks for the next one.
    const live = () => root.querySelector('[aria-live="polite"]')?.textContent;
    expect(root.ownerDocument.activeElement).toBe(button('下一步'));
    expect(live()).toBe('');
    layer.show(view(1), 'zh_CN');
    expect(live()).toBe('演示，第 2 步，共 3 步：标题 b');
    layer.show(view(0), 'zh_CN');
    // First step: no 上一步.
    expect(buttonNames()).toEqual(['退出引导', '跳过', '下一步']);
  });

  it('shows 上一步 after the first step, 完成 on the last, and waits for the action', () => {
    layer.show(view(1), 'zh_CN');
    expect(buttonNames()).toEqual(['退出引导', '跳过', '上一步', '下一步']);
    layer.show(view(2), 'zh_CN');
    expect(buttonNames()).toEqual(['退出引导', '跳过', '上一步', '完成']);
    // A click step: 完成 is disabled, the hint says what to do.
    expect(button('完成')?.disabled).toBe(true);
    expect(root.querySelector('.zy-card-hint')?.textContent).toBeTruthy();
    expect(card()?.dataset.zhiyinStep).toBe('2');
  });

  it('keeps the same card and the focus on 下一步 from step to step', () => {
    layer.show(view(0), 'zh_CN');
    const first = card();
    button('下一步')?.focus();
    layer.show(view(1), 'zh_CN');
    expect(card()).toBe(first);
    expect(root.ownerDocument.activeElement).toBe(button('下一步'));
    expect(root.querySelector('.zy-card-body')?.textContent).toBe('b 的说明');
  });

  it('never takes focus from a field the learner types in; says the step and what to do instead', () => {
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    layer.show(view(0), 'zh_CN');
    layer.show(view(2, { mode: 'located', element: field }), 'zh_CN');
    expect(document.activeElement).toBe(field);
    const live = root.querySelector('[aria-live="polite"]')?.textContent ?? '';
    expect(live).toContain('第 3 步，共 3 步：标题 c');
    expect(live).toContain('请点击高亮的位置完成此步骤。');
    field.remove();
  });

  it('sends focus to the target a step waits for, and back to the page when the card closes', () => {
    const target = document.createElement('button');
    target.textContent = '保存';
    document.body.append(target);
    layer.show(view(1), 'zh_CN');
    expect(document.activeElement).toBe(button('下一步'));
    // 下一步 on step 2: step 3 waits for a click on the target, which takes focus.
    layer.show(view(2, { mode: 'located', element: target }), 'zh_CN');
    expect(document.activeElement).toBe(target);
    // Focus back in the card (the learner tabbed to it), then the tour ends: back to the target.
    button('跳过')?.focus();
    layer.clear();
    expect(document.activeElement).toBe(target);
    target.remove();
  });

  it('acts on the learner’s clicks and keys only', () => {
    layer.show(view(1), 'zh_CN');
    button('下一步')?.click();
    card()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(actions.onNext).not.toHaveBeenCalled();
    expect(actions.onExit).not.toHaveBeenCalled();

    userClick(button('下一步'));
    userClick(button('上一步'));
    userClick(button('跳过'));
    userClick(button('退出引导'));
    expect(actions.onNext).toHaveBeenCalledOnce();
    expect(actions.onBack).toHaveBeenCalledOnce();
    expect(actions.onSkip).toHaveBeenCalledOnce();
    expect(actions.onExit).toHaveBeenCalledOnce();

    const key = (name: string) =>
      dispatchAsUser(card(), new KeyboardEvent('keydown', { key: name, bubbles: true }));
    key('ArrowRight');
    key('ArrowLeft');
    key('Escape');
    expect(actions.onNext).toHaveBeenCalledTimes(2);
    expect(actions.onBack).toHaveBeenCalledTimes(2);
    expect(actions.onExit).toHaveBeenCalledTimes(2);
    // Arrow keys on a button belong to the button.
    dispatchAsUser(
      button('跳过'),
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    expect(actions.onNext).toHaveBeenCalledTimes(2);
  });

  it('says when the target is missing, offers 报告问题, then says it was recorded', () => {
    layer.show(
      view(1, { mode: 'missing', missingReason: 'timeout' } as Partial<TourView>),
      'zh_CN',
    );
    expect(card()?.className).toContain('zy-card-missing');
    expect(root.querySelector('.zy-card-title')?.textContent).not.toBe('标题 b');
    userClick(button('报告问题'));
    expect(actions.onReport).toHaveBeenCalledOnce();
    layer.show(view(1, { mode: 'missing', report: 'sent' } as Partial<TourView>), 'zh_CN');
    expect(button('报告问题')).toBeUndefined();
    expect(root.querySelector('[role="status"]')).not.toBeNull();
  });

  it('never tells the learner "not found" when the step fits several elements (issue 13)', () => {
    layer.show(
      view(1, { mode: 'missing', missingReason: 'ambiguous' } as Partial<TourView>),
      'zh_CN',
    );
    expect(root.querySelector('.zy-card-title')?.textContent).toBe('无法确定要指向哪一个');
    expect(card()?.textContent).not.toContain('找不到');
    expect(card()?.textContent).toContain('多个符合本步骤说明的位置');
    // The same card, the target now simply absent: the text follows.
    layer.show(
      view(1, { mode: 'missing', missingReason: 'not-found' } as Partial<TourView>),
      'zh_CN',
    );
    expect(root.querySelector('.zy-card-title')?.textContent).toBe('找不到该元素');
    expect(card()?.textContent).toContain('没有出现');
  });

  it('shows why an action did not count', () => {
    layer.show(view(2, { rejection: 'empty' }), 'zh_CN');
    expect(root.querySelector('[role="alert"]')?.textContent).toBeTruthy();
    layer.show(view(2, { rejection: 'validator-rejected', rejectionMessage: '格式不对' }), 'zh_CN');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('格式不对');
    layer.show(view(2), 'zh_CN');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('speaks English when the learner chose it', () => {
    layer.show(view(1), 'en');
    expect(buttonNames()).toEqual(['Exit guide', 'Skip', 'Back', 'Next']);
    layer.show(view(2), 'en');
    expect(buttonNames()).toContain('Done');
  });

  it('shows a body the build did not compile as plain text, never as markup', () => {
    const plain = { ...tour, markdown: undefined } as Tour;
    layer.show(view(0, { tour: plain }), 'zh_CN');
    const shown = card();
    const [bodyId] = shown?.getAttribute('aria-describedby')?.split(' ') ?? [];
    const body = root.querySelector(`#${bodyId ?? 'x'}`);
    expect(body?.innerHTML).toBe('<p>**a** 的说明</p>');
  });

  it('leaves nothing behind when cleared', () => {
    layer.show(view(0), 'zh_CN');
    layer.clear();
    expect(root.childNodes).toHaveLength(0);
  });
});
