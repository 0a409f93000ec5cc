// @vitest-environment happy-dom
/**
 * The content-side tour controller against a runner standing in for the background: the card is
 * shown the moment the target is found, the background's show-step only confirms it (no second
 * render, no second set of listeners), and when the background disagrees its answer wins.
 * happy-dom has no layout, so lookups pass `layout: false` (see lib/locate/visibility.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TourController } from '../../../features/tour/content/controller';
import type { TourView } from '../../../features/tour/content/view';
import { TourRunner, type RunnerEffect } from '../../../features/tour/runner';
import { TourSchema, type StepInput } from '../../../features/tour/schema';
import { dispatchAsUser, userClick } from '../../support/user-events';
import type {
  ContentEffect,
  ContentTourEvent,
  TourEventMessage,
  TourInstruction,
} from '../../../features/tour/protocol';

function makeTour(steps: StepInput[]) {
  return TourSchema.parse({
    id: 'save-form',
    title: '保存表单',
    summary: '填写并保存',
    module: '操作',
    audience: ['业务操作人员'],
    applies: { url: '/index.html*' },
    steps,
  });
}

/** The background's side: a real runner; its replies wait until the test lets them go. */
function background(tour: ReturnType<typeof makeTour>) {
  const runner = new TourRunner(tour, { now: () => 0 });
  const pending: { event: ContentTourEvent; reply: (value: TourInstruction | null) => void }[] = [];
  const instruction = (effects: RunnerEffect[]): TourInstruction => ({
    run: 'run-1',
    snapshot: structuredClone(runner.state),
    tour,
    status: runner.state.status,
    stepIndex: runner.state.stepIndex,
    effects: effects.filter((effect): effect is ContentEffect => effect.type !== 'record'),
  });
  return {
    runner,
    pending,
    start: () => instruction(runner.dispatch({ type: 'START' })),
    send: ({ run: _run, ...event }: TourEventMessage) =>
      new Promise<TourInstruction | null>((reply) => pending.push({ event, reply })),
    /** Answers the oldest event the way the background's runner takes it. */
    answer() {
      const next = pending.shift();
      if (!next) throw new Error('no event waiting for an answer');
      if (next.event.type === 'SUBMIT') throw new Error('not an exam');
      next.reply(instruction(runner.dispatch(next.event)));
      return next.event;
    },
    /**
     * Answers the oldest event as if the background had seen `instead` (its session moved on
     * otherwise: an exam's time ran out, another start): the background disagrees with the page.
     */
    answerAs(instead: Parameters<typeof runner.dispatch>[0]) {
      const next = pending.shift();
      if (!next) throw new Error('no event waiting for an answer');
      next.reply(instruction(runner.dispatch(instead)));
      return next.event;
    },
  };
}

const tick = () => new Promise((done) => setTimeout(done, 0));
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

function setup(steps: StepInput[], html = `<form><button type="button">保存</button></form>`) {
  document.body.innerHTML = html;
  const tour = makeTour(steps);
  const bg = background(tour);
  const renders: (TourView | null)[] = [];
  const controller = new TourController({
    document,
    lookup: { layout: false },
    send: bg.send,
    render: (view) => renders.push(view),
    report: async () => ({ scrubSummary: null }),
    finished: () => {},
  });
  const button = document.querySelector('button');
  if (!button) throw new Error('no button');
  return { bg, controller, renders, button };
}

const save: StepInput = {
  id: 'save',
  body: '点击保存',
  target: { role: 'button', name: '保存' },
  placement: 'bottom',
  advance: { on: 'click' },
};

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

describe('tour controller: one round trip per step', () => {
  it('shows the card as soon as the target is found, before the background answers', async () => {
    const { bg, controller, renders, button } = setup([save, { id: 'done', body: '完成' }]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    // TARGET_FOUND is on its way; the card is already there, next to the button.
    expect(bg.pending[0]?.event).toEqual({ type: 'TARGET_FOUND', stepIndex: 0 });
    const shown = renders.at(-1);
    expect(shown).toMatchObject({ mode: 'located', stepIndex: 0, placement: 'bottom' });
    expect(shown?.element).toBe(button);

    // The background's show-step confirms it: nothing is drawn again.
    const count = renders.length;
    bg.answer();
    await tick();
    expect(renders.length).toBe(count);
    expect(bg.runner.state.status).toBe('running');

    // One click sends one action (the confirmation installed no second listener).
    userClick(button);
    await until(() => bg.pending.length === 1);
    await tick();
    expect(bg.pending.map((pending) => pending.event)).toEqual([
      { type: 'USER_ACTION', stepIndex: 0, kind: 'click' },
    ]);
    bg.answer();
    await until(() => renders.at(-1)?.stepIndex === 1);
    expect(renders.at(-1)).toMatchObject({ mode: 'centred', stepIndex: 1 });
  });

  it('a click is sent the moment it happens, even while an earlier answer is slow (登录 loads a new page)', async () => {
    const { bg, controller, renders, button } = setup([save, { id: 'done', body: '完成' }]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    // TARGET_FOUND is still unanswered (a busy worker) when the learner clicks. A click that
    // loads a new page gives the page no time to wait: it must be on its way already.
    userClick(button);
    expect(bg.pending.map((pending) => pending.event)).toEqual([
      { type: 'TARGET_FOUND', stepIndex: 0 },
      { type: 'USER_ACTION', stepIndex: 0, kind: 'click' },
    ]);
    bg.answer();
    bg.answer();
    await controller.settled();
    expect(bg.runner.state.stepIndex).toBe(1);
    expect(renders.at(-1)).toMatchObject({ mode: 'centred', stepIndex: 1 });
  });

  it('a click the page’s own script makes on the target is not the learner’s (issue 10)', async () => {
    const { bg, controller, renders, button } = setup([save, { id: 'done', body: '完成' }]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    bg.answer();
    await tick();
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await tick();
    await tick();
    expect(bg.pending).toEqual([]);
    expect(renders.at(-1)).toMatchObject({ stepIndex: 0 });
    userClick(button);
    await until(() => bg.pending.length === 1);
    expect(bg.pending[0]?.event).toEqual({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' });
  });

  it('when the background disagrees, its answer wins (here: it ended the run)', async () => {
    const { bg, controller, renders, button } = setup([save, { id: 'done', body: '完成' }]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    bg.answer(); // TARGET_FOUND: confirmed
    userClick(button);
    // The page moved on at once: the last step's card.
    await until(() => renders.at(-1)?.stepIndex === 1);
    await until(() => bg.pending.length === 1);
    // The background ended the run instead (an exam's time ran out): the card goes.
    bg.answerAs({ type: 'EXIT' });
    await until(() => renders.at(-1) === null);
    await controller.settled();
    expect(bg.runner.state.status).toBe('abandoned');
  });

  it('a missing target is shown as missing at once; the answer only confirms it', async () => {
    const { bg, controller, renders } = setup([
      { ...save, target: { role: 'button', name: '撤回' }, missing: { wait: '1ms' } },
    ]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    expect(bg.pending[0]?.event).toMatchObject({ type: 'TARGET_MISSING', stepIndex: 0 });
    expect(renders.at(-1)).toMatchObject({ mode: 'missing', stepIndex: 0 });
    const count = renders.length;
    bg.answer();
    await controller.settled();
    expect(renders.length).toBe(count);
    expect(bg.runner.state.missing).toBeDefined();
  });

  it('a target that shows up after 找不到该元素 takes the card, and acting on it counts', async () => {
    const { bg, controller, renders } = setup(
      [
        { ...save, target: { role: 'button', name: '撤回' }, missing: { wait: '1ms' } },
        { id: 'done', body: '完成' },
      ],
      `<form><button type="button">保存</button></form>`,
    );
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => renders.at(-1)?.mode === 'missing');
    bg.answer(); // TARGET_MISSING
    await controller.settled();
    // The page renders the control late (a slow intranet page, a dropdown still opening).
    const late = document.createElement('button');
    late.type = 'button';
    late.textContent = '撤回';
    document.querySelector('form')?.append(late);
    await until(() => renders.at(-1)?.mode === 'located');
    expect(renders.at(-1)).toMatchObject({ stepIndex: 0, element: late });
    await until(() => bg.pending.length === 1);
    expect(bg.pending[0]?.event).toEqual({ type: 'TARGET_FOUND', stepIndex: 0 });
    bg.answer();
    await controller.settled();
    expect(bg.runner.state.missing).toBeUndefined();
    userClick(late);
    await until(() => bg.pending.length === 1);
    bg.answer();
    await controller.settled();
    expect(bg.runner.state.stepIndex).toBe(1);
  });

  it('the watch for a late target ends when the learner moves on', async () => {
    const { bg, controller, renders } = setup([
      { ...save, target: { role: 'button', name: '撤回' }, missing: { wait: '1ms' } },
      { id: 'done', body: '完成' },
    ]);
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => renders.at(-1)?.mode === 'missing');
    bg.answer();
    void controller.next();
    await until(() => renders.at(-1)?.stepIndex === 1);
    bg.answer();
    await controller.settled();
    const late = document.createElement('button');
    late.textContent = '撤回';
    document.querySelector('form')?.append(late);
    await tick();
    await tick();
    expect(bg.pending).toEqual([]);
    expect(renders.at(-1)).toMatchObject({ mode: 'centred', stepIndex: 1 });
  });
});

describe('tour controller: 下一步 moves the card at once, the background confirms', () => {
  const intro: StepInput = {
    id: 'intro',
    body: '先看这里',
    target: { css: [{ selector: 'form', note: '整个表单' }] },
    placement: 'right',
    advance: { on: 'next' },
  };

  async function onIntro(steps: StepInput[]) {
    const setUp = setup(steps);
    dispose = () => setUp.controller.dispose();
    setUp.controller.apply(setUp.bg.start());
    await until(() => setUp.bg.pending.length === 1);
    setUp.bg.answer(); // TARGET_FOUND
    await setUp.controller.settled();
    return setUp;
  }

  it('the next target is looked up at once; the answer confirms the card, never blanking it', async () => {
    const { bg, controller, renders, button } = await onIntro([intro, save]);
    const count = renders.length;
    void controller.next();
    // The save button's card is drawn at once (its lookup settles in microtasks, before any
    // later input), and NEXT goes on its way.
    await until(() => renders.at(-1)?.stepIndex === 1);
    expect(renders.at(-1)).toMatchObject({ mode: 'located', stepIndex: 1, element: button });
    // NEXT and the new target's TARGET_FOUND both go at once, in the order the page applied them.
    await until(() => bg.pending.length === 2);
    expect(bg.pending.map((pending) => pending.event)).toEqual([
      { type: 'NEXT' },
      { type: 'TARGET_FOUND', stepIndex: 1 },
    ]);
    bg.answer(); // hide-step + resolve-target: the same button
    await tick();
    // Between the two steps the card was never taken away (so the overlay stays mounted).
    expect(renders.slice(count)).not.toContain(null);
    expect(renders.at(-1)).toMatchObject({ mode: 'located', stepIndex: 1, element: button });
    // The confirmed card listens to the learner: one click, one action for step 2.
    bg.answer();
    await controller.settled();
    userClick(button);
    await until(() => bg.pending.length === 1);
    expect(bg.pending[0]?.event).toEqual({ type: 'USER_ACTION', stepIndex: 1, kind: 'click' });
  });

  it('a click on the next target before the background answers NEXT still counts (busy machine)', async () => {
    const { bg, controller, button, renders } = await onIntro([intro, save]);
    void controller.next();
    await until(() => renders.at(-1)?.stepIndex === 1);
    // The learner clicks 保存 on the card shown at once, while NEXT is still on its way.
    userClick(button);
    // The background first hears the target is there, then the click (it would not count a
    // click while it waits for the target).
    await until(() => bg.pending.length === 3);
    expect(bg.pending.map((pending) => pending.event)).toEqual([
      { type: 'NEXT' },
      { type: 'TARGET_FOUND', stepIndex: 1 },
      { type: 'USER_ACTION', stepIndex: 1, kind: 'click' },
    ]);
    bg.answer(); // NEXT: hide-step + resolve-target
    bg.answer();
    bg.answer();
    await controller.settled();
    expect(bg.runner.state.status).toBe('finished');
    // One click, one action: no listener left over from the step before.
    expect(bg.pending).toEqual([]);
  });

  it('下一步 pressed twice quickly (the second before the background answered) moves two steps', async () => {
    const read: StepInput = { ...intro, id: 'read', target: { role: 'button', name: '保存' } };
    const { bg, controller, renders } = await onIntro([intro, read, save]);
    void controller.next();
    await until(() => renders.at(-1)?.stepIndex === 1);
    // The second press lands on step 1's card before the background has answered the first.
    void controller.next();
    await until(() => renders.at(-1)?.stepIndex === 2);
    // Everything in the order the page applied it: the second 下一步 after step 1's lookup.
    await until(() => bg.pending.length === 4);
    expect(bg.pending.map((pending) => pending.event)).toEqual([
      { type: 'NEXT' },
      { type: 'TARGET_FOUND', stepIndex: 1 },
      { type: 'NEXT' },
      { type: 'TARGET_FOUND', stepIndex: 2 },
    ]);
    for (let i = 0; i < 4; i++) bg.answer();
    await controller.settled();
    expect(bg.runner.state.stepIndex).toBe(2);
    expect(renders.at(-1)).toMatchObject({ mode: 'located', stepIndex: 2 });
  });

  it('a background that does not move on brings the current card back', async () => {
    const { bg, controller, renders } = await onIntro([intro, save]);
    void controller.next();
    await until(() => renders.at(-1)?.stepIndex === 1);
    await until(() => bg.pending.length === 2);
    bg.answerAs({ type: 'CONTINUE' }); // the background did not take NEXT: it stays on step 0
    await until(() => renders.at(-1)?.stepIndex === 0);
    expect(renders.at(-1)).toMatchObject({ mode: 'located', stepIndex: 0, placement: 'right' });
    expect(renders.at(-1)?.element).toBe(document.querySelector('form'));
  });

  it('a next target that is not there: the card goes while it is looked for, then says so', async () => {
    const { bg, controller, renders } = await onIntro([
      intro,
      { ...save, target: { role: 'button', name: '撤回' }, missing: { wait: '1ms' } },
    ]);
    const count = renders.length;
    void controller.next();
    // The intro card goes (the lookup waits; no stale card stays), then the missing card.
    await until(() => renders.at(-1)?.mode === 'missing');
    expect(renders.slice(count).map((view) => view && view.stepIndex)).toEqual([null, 1]);
    await until(() => bg.pending.length === 2);
    bg.answer(); // NEXT
    bg.answer(); // TARGET_MISSING
    await controller.settled();
    expect(bg.runner.state).toMatchObject({
      stepIndex: 1,
      missing: { reason: expect.any(String) },
    });
    expect(renders.at(-1)).toMatchObject({ mode: 'missing', stepIndex: 1 });
  });
});

describe('tour controller: values checked by a validator', () => {
  it('the background’s refusal shows on the card, which stays where it is', async () => {
    const { bg, controller, renders } = setup(
      [
        {
          id: 'code',
          body: '填写代码',
          target: { label: '代码' },
          advance: { on: 'input', validator: 'creditCode' },
        },
        { id: 'done', body: '完成' },
      ],
      `<form><label for="code">代码</label><input id="code"><button type="button">保存</button></form>`,
    );
    dispose = () => controller.dispose();
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    bg.answer(); // TARGET_FOUND
    await controller.settled();
    const input = document.querySelector('input');
    if (!input) throw new Error('no input');
    input.value = '91350100M000100Y44';
    dispatchAsUser(input, new Event('change', { bubbles: true }));
    await until(() => bg.pending.length === 1);
    // The page does not judge a validator's value itself: no refusal before the answer.
    expect(renders.at(-1)?.rejection ?? null).toBeNull();
    const count = renders.length;
    bg.answer(); // this background's runner has no validators: it refuses the value
    await until(() => renders.at(-1)?.rejection != null);
    expect(renders.at(-1)).toMatchObject({ stepIndex: 0, mode: 'located' });
    expect(renders.slice(count)).not.toContain(null);
  });
});

describe('tour controller: a click with `until` that changes the route', () => {
  it('one click is enough: the success signal is still watched for after the route change', async () => {
    const { bg, controller, renders, button } = setup([
      { ...save, advance: { on: 'click', until: { text: '保存成功' } } },
      { id: 'done', body: '完成' },
    ]);
    dispose = () => controller.dispose();
    bg.runner.dispatch({ type: 'NAVIGATED', url: 'http://127.0.0.1/index.html#/form' });
    controller.apply(bg.start());
    await until(() => bg.pending.length === 1);
    bg.answer(); // TARGET_FOUND
    userClick(button);
    await until(() => bg.pending.length === 1);
    bg.answer(); // USER_ACTION: watch for 保存成功
    await controller.settled();

    // The click changed the route (what content.ts reports after settled()): the page re-renders
    // the form and the step looks its button up again.
    document.body.innerHTML = `<form><button type="button">保存</button></form>`;
    const navigated = bg.runner
      .dispatch({ type: 'NAVIGATED', url: 'http://127.0.0.1/index.html#/saved' })
      .filter((effect): effect is ContentEffect => effect.type !== 'record');
    controller.apply({
      run: 'run-1',
      snapshot: structuredClone(bg.runner.state),
      tour: bg.runner.tour,
      status: 'waiting-for-target',
      stepIndex: 0,
      effects: navigated,
    });
    await until(() => bg.pending.length === 1);
    bg.answer(); // TARGET_FOUND again
    // The page now says it saved: no second click needed.
    const notice = document.createElement('p');
    notice.textContent = '保存成功';
    document.body.append(notice);
    await until(() => bg.pending.length === 1);
    expect(bg.answer()).toEqual({ type: 'ELEMENT_APPEARED', stepIndex: 0 });
    await until(() => renders.at(-1)?.stepIndex === 1);
    expect(bg.runner.state.stepIndex).toBe(1);
  });
});
