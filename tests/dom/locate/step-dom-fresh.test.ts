// @vitest-environment happy-dom
/**
 * `watch-element` in an exam (`freshOnly`): an end state already on the page when the step began
 * is not the learner's doing and must not complete the step; an element appearing (or rendered
 * anew) afterwards does. Training keeps completing an already-satisfied step at once.
 * happy-dom has no layout, so lookups pass `layout: false` (see lib/locate/visibility.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunnerEvent } from '../../../features/tour/runner';
import {
  captureStepBaseline,
  watchStepElement,
  type WatchElementEffect,
} from '../../../features/tour/content/step-dom';

const RESULT = { testid: 'progress-result' } as const;
const appear: WatchElementEffect = {
  type: 'watch-element',
  stepIndex: 1,
  mode: 'appear',
  target: RESULT,
};
const disappear: WatchElementEffect = { ...appear, mode: 'disappear' };

const tick = () => new Promise((done) => setTimeout(done, 0));

function renderResult(text = '审批中'): HTMLElement {
  const card = document.createElement('div');
  card.dataset.testid = 'progress-result';
  card.textContent = text;
  document.querySelector('main')!.append(card);
  return card;
}

/** Starts the watch and records what it resolves with (`pending` until then). */
function watch(
  effect: WatchElementEffect,
  extra: { baseline?: ReturnType<typeof captureStepBaseline> } = {},
) {
  const controller = new AbortController();
  const state: { event: RunnerEvent | null | 'pending' } = { event: 'pending' };
  void watchStepElement(effect, document, {
    layout: false,
    signal: controller.signal,
    ...extra,
  }).then((event) => {
    state.event = event;
  });
  return { state, abort: () => controller.abort() };
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.innerHTML = '';
});

describe('watch-element in an exam counts only what happens after the step began', () => {
  it('training: a result already on the page completes the appear step at once', async () => {
    document.body.innerHTML = '<main></main>';
    renderResult();
    const watching = watch(appear);
    stop = watching.abort;
    await tick();
    expect(watching.state.event).toEqual({ type: 'ELEMENT_APPEARED', stepIndex: 1 });
  });

  it('exam: a result already on the page does not count; a newly rendered one does', async () => {
    document.body.innerHTML = '<main></main>';
    const stale = renderResult();
    const watching = watch({ ...appear, freshOnly: true });
    stop = watching.abort;
    await tick();
    // Unrelated changes, and changes inside the stale card, are not a new result.
    document.querySelector('main')!.append(document.createElement('p'));
    stale.textContent = '审批中（已刷新）';
    await tick();
    expect(watching.state.event).toBe('pending');
    // The page renders the result anew (the learner searched): that counts.
    stale.replaceWith(document.createElement('div'));
    renderResult('已通过');
    await tick();
    expect(watching.state.event).toEqual({ type: 'ELEMENT_APPEARED', stepIndex: 1 });
  });

  it('exam: the same element hidden and shown again counts as appearing', async () => {
    document.body.innerHTML = '<main></main>';
    const card = renderResult();
    const watching = watch({ ...appear, freshOnly: true });
    stop = watching.abort;
    await tick();
    card.hidden = true;
    await tick();
    expect(watching.state.event).toBe('pending');
    card.hidden = false;
    await tick();
    expect(watching.state.event).toEqual({ type: 'ELEMENT_APPEARED', stepIndex: 1 });
  });

  it('exam: with a baseline taken when the step began, what appeared since counts', async () => {
    document.body.innerHTML = '<main></main>';
    const baseline = captureStepBaseline(RESULT, document, { layout: false });
    renderResult(); // appeared between the step's start and the watch
    const watching = watch({ ...appear, freshOnly: true }, { baseline });
    stop = watching.abort;
    await tick();
    expect(watching.state.event).toEqual({ type: 'ELEMENT_APPEARED', stepIndex: 1 });
  });

  it('exam: a dialog already gone does not count as disappearing until it came and went', async () => {
    document.body.innerHTML = '<main></main>';
    const training = watch(disappear);
    await tick();
    expect(training.state.event).toEqual({ type: 'ELEMENT_DISAPPEARED', stepIndex: 1 });

    const watching = watch({ ...disappear, freshOnly: true });
    stop = watching.abort;
    await tick();
    expect(watching.state.event).toBe('pending');
    const card = renderResult();
    await tick();
    expect(watching.state.event).toBe('pending');
    card.remove();
    await tick();
    expect(watching.state.event).toEqual({ type: 'ELEMENT_DISAPPEARED', stepIndex: 1 });
  });

  it('exam: ends with null when the step ends first', async () => {
    document.body.innerHTML = '<main></main>';
    renderResult();
    const watching = watch({ ...appear, freshOnly: true });
    await tick();
    watching.abort();
    await tick();
    expect(watching.state.event).toBeNull();
  });
});
