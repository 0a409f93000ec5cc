// @vitest-environment happy-dom
/**
 * The runner's effects carried out against real component markup, the way the content script
 * will: resolve-target → lookUpStepTarget → event back into the runner. happy-dom has no layout,
 * so lookups pass `layout: false` (see lib/locate/visibility.ts).
 */
import { describe, expect, it } from 'vitest';
import type { RunnerEffect } from '../../../features/tour/runner';
import { TourRunner } from '../../../features/tour/runner';
import { TourSchema } from '../../../features/tour/schema';
import { lookUpStepTarget, watchStepElement } from '../../../features/tour/content/step-dom';
import { loadFixture } from './load-fixture';

const tour = TourSchema.parse({
  id: 'gongwen-submit',
  title: '提交审核',
  summary: '在对话框中选择审核人并提交',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/index.html#/gongwen/*' },
  steps: [
    { id: 'reviewer', target: { label: '审核人' }, body: '选择审核人', advance: { on: 'change' } },
    {
      id: 'confirm',
      target: { role: 'button', name: '确定提交' },
      body: '确认提交',
      advance: { on: 'click' },
    },
    {
      id: 'closed',
      body: '等待对话框关闭',
      advance: { on: 'disappear', locator: { role: 'dialog', name: '提交审核' } },
    },
    {
      id: 'missing',
      target: { role: 'button', name: '撤回' },
      missing: { wait: '1ms' },
      body: '撤回按钮',
    },
  ],
});

function only<T extends RunnerEffect['type']>(
  effects: RunnerEffect[],
  type: T,
): Extract<RunnerEffect, { type: T }> {
  const effect = effects.find((candidate) => candidate.type === type);
  if (!effect) throw new Error(`no ${type} effect in ${JSON.stringify(effects)}`);
  return effect as Extract<RunnerEffect, { type: T }>;
}

describe('runner effects carried out in the page', () => {
  it('walks a tour through the antd modal: found targets, a disappearing dialog, a missing button', async () => {
    loadFixture('antd-modal.html');
    const runner = new TourRunner(tour, { now: () => 0 });
    const signal = new AbortController().signal;
    const options = { layout: false, signal } as const;

    let effects = runner.dispatch({
      type: 'START',
      url: 'http://127.0.0.1/index.html#/gongwen/new',
    });
    let lookup = await lookUpStepTarget(only(effects, 'resolve-target'), document, options);
    expect(lookup.kind === 'event' && lookup.element?.classList.contains('ant-select')).toBe(true);
    if (lookup.kind !== 'event') return;
    expect(only(runner.dispatch(lookup.event), 'show-step')).toMatchObject({
      stepId: 'reviewer',
      progress: { label: '1 / 4' },
    });

    effects = runner.dispatch({ type: 'USER_ACTION', kind: 'change', value: 'a' });
    lookup = await lookUpStepTarget(only(effects, 'resolve-target'), document, options);
    expect(lookup.kind === 'event' && lookup.element?.textContent).toBe('确定提交');
    if (lookup.kind !== 'event') return;
    runner.dispatch(lookup.event);

    effects = runner.dispatch({ type: 'USER_ACTION', kind: 'click' });
    const watching = watchStepElement(only(effects, 'watch-element'), document, options);
    // The host app closes the dialog after the click.
    setTimeout(() => document.querySelector('.ant-modal-root')?.remove(), 0);
    const disappeared = await watching;
    expect(disappeared).toEqual({ type: 'ELEMENT_DISAPPEARED', stepIndex: 2 });
    if (!disappeared) return;

    effects = runner.dispatch(disappeared);
    lookup = await lookUpStepTarget(only(effects, 'resolve-target'), document, options);
    expect(lookup).toMatchObject({
      kind: 'event',
      event: { type: 'TARGET_MISSING', reason: 'not-found', stepIndex: 3 },
    });
    if (lookup.kind !== 'event') return;
    expect(only(runner.dispatch(lookup.event), 'show-step').missing).toEqual({
      reason: 'not-found',
      offerReport: true,
    });
  });

  it('returns aborted when the step ends while waiting', async () => {
    document.body.innerHTML = '';
    const runner = new TourRunner(tour, { now: () => 0 });
    const controller = new AbortController();
    const effect = only(runner.dispatch({ type: 'START' }), 'resolve-target');
    const pending = lookUpStepTarget({ ...effect, timeoutMs: 60_000 }, document, {
      layout: false,
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
  });
});
