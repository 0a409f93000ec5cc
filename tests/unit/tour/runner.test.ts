import { describe, expect, it } from 'vitest';
import type { ValidatorRegistry } from '../../../features/tour/advance';
import { evaluateAdvance } from '../../../features/tour/advance';
import type {
  RunnerEffect,
  RunnerEvent,
  RunnerSnapshot,
  TourRecord,
} from '../../../features/tour/runner';
import { TourRunner, transition, createRunnerState } from '../../../features/tour/runner';
import type { StepInput, Tour } from '../../../features/tour/schema';
import { TourSchema } from '../../../features/tour/schema';
import { parseSnapshot } from '../../../features/tour/snapshot';

function makeTour(steps: StepInput[]): Tour {
  return TourSchema.parse({
    id: 'gongwen-new-document',
    title: '新建公文并提交审核',
    summary: '从新建到提交审核的完整流程',
    module: '操作',
    audience: ['业务操作人员'],
    applies: { url: '/gongwen/new*' },
    steps,
  });
}

/** A clock the test moves by hand. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const validators: ValidatorRegistry = {
  // 18 characters; the real check lives in lib/validators.
  uscc: (value) => ({ ok: /^[0-9A-HJ-NPQRTUWXY]{18}$/u.test(value) }),
};

function setup(steps: StepInput[]) {
  const clock = fakeClock();
  const runner = new TourRunner(makeTour(steps), { now: clock.now, validators });
  return { clock, runner };
}

const records = (effects: RunnerEffect[]): TourRecord[] =>
  effects.flatMap((effect) => (effect.type === 'record' ? [effect.record] : []));
const kinds = (effects: RunnerEffect[]) => effects.map((effect) => effect.type);
const shown = (effects: RunnerEffect[]) => effects.find((effect) => effect.type === 'show-step');

const centred = (id: string, extra: Partial<StepInput> = {}): StepInput => ({
  id,
  body: `${id} 说明`,
  ...extra,
});
const targeted = (id: string, extra: Partial<StepInput> = {}): StepInput => ({
  id,
  body: `${id} 说明`,
  target: { label: id },
  ...extra,
});

describe('start and next', () => {
  it('starts at step 0, shows a centred step at once and records started + step-shown', () => {
    const { runner } = setup([centred('welcome'), centred('done')]);
    const effects = runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    expect(runner.state.status).toBe('running');
    expect(records(effects).map((record) => record.kind)).toEqual(['started', 'step-shown']);
    expect(shown(effects)).toMatchObject({
      stepIndex: 0,
      centred: true,
      progress: { label: '1 / 2' },
    });
  });

  it('asks the lead to resolve a target before showing the step', () => {
    const { runner } = setup([
      targeted('wen-zhong', { target: { label: '文种' }, missing: { wait: '3s' } }),
    ]);
    const effects = runner.dispatch({ type: 'START' });
    expect(runner.state.status).toBe('waiting-for-target');
    expect(effects).toContainEqual({
      type: 'resolve-target',
      stepIndex: 0,
      stepId: 'wen-zhong',
      target: { label: '文种' },
      frame: null,
      timeoutMs: 3000,
      progress: { current: 1, total: 1, label: '1 / 1' },
      placement: 'auto',
    });
  });

  it('says in resolve-target what the show-step answering TARGET_FOUND will say', () => {
    const { runner } = setup([
      centred('intro'),
      targeted('wen-zhong', { placement: 'bottom' }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    const resolve = runner
      .dispatch({ type: 'NEXT' })
      .find((effect) => effect.type === 'resolve-target');
    const show = shown(runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 1 }));
    expect(resolve).toMatchObject({ stepIndex: 1, placement: 'bottom' });
    expect(show).toMatchObject({
      stepIndex: resolve?.stepIndex,
      placement: resolve?.placement,
      progress: resolve?.progress,
      centred: false,
    });
  });

  it('moves through steps with NEXT and finishes after the last one', () => {
    const { runner } = setup([centred('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    const second = runner.dispatch({ type: 'NEXT' });
    expect(shown(second)).toMatchObject({
      stepIndex: 1,
      progress: { current: 2, total: 2, label: '2 / 2' },
    });
    const last = runner.dispatch({ type: 'NEXT' });
    expect(runner.state.status).toBe('finished');
    expect(records(last).map((record) => record.kind)).toEqual(['step-completed', 'finished']);
    expect(kinds(last)).toContain('hide-step');
  });

  it('ignores NEXT on a step that advances by another action', () => {
    const { runner } = setup([targeted('submit', { advance: { on: 'click' } }), centred('b')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
    expect(runner.dispatch({ type: 'NEXT' })).toEqual([]);
    expect(runner.state.stepIndex).toBe(0);
  });

  it('a second START while running changes nothing', () => {
    const { runner } = setup([centred('a')]);
    runner.dispatch({ type: 'START' });
    expect(runner.dispatch({ type: 'START' })).toEqual([]);
  });
});

describe('back, skip, exit', () => {
  it('BACK at the first step does nothing; BACK later returns to the previous step', () => {
    const { runner } = setup([centred('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    expect(runner.dispatch({ type: 'BACK' })).toEqual([]);
    runner.dispatch({ type: 'NEXT' });
    const back = runner.dispatch({ type: 'BACK' });
    expect(runner.state.stepIndex).toBe(0);
    expect(shown(back)).toMatchObject({ stepIndex: 0, progress: { label: '1 / 2' } });
    expect(runner.state.history.map((visit) => visit.outcome ?? 'open')).toEqual([
      'completed',
      'back',
      'open',
    ]);
  });

  it('SKIP records a user skip and moves on; skipping the last step finishes the tour', () => {
    const { runner } = setup([centred('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    const skip = runner.dispatch({ type: 'SKIP' });
    expect(records(skip)[0]).toMatchObject({ kind: 'step-skipped', stepId: 'a', reason: 'user' });
    runner.dispatch({ type: 'SKIP' });
    expect(runner.state.status).toBe('finished');
  });

  it('EXIT abandons the tour at the current step and ignores later events', () => {
    const { clock, runner } = setup([centred('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    clock.advance(4000);
    const exit = runner.dispatch({ type: 'EXIT' });
    expect(runner.state.status).toBe('abandoned');
    expect(records(exit)).toEqual([
      {
        kind: 'abandoned',
        tourId: 'gongwen-new-document',
        stepId: 'a',
        stepIndex: 0,
        ms: 4000,
        at: clock.now(),
      },
    ]);
    expect(runner.dispatch({ type: 'NEXT' })).toEqual([]);
  });

  it('EXIT before START does nothing', () => {
    const { runner } = setup([centred('a')]);
    expect(runner.dispatch({ type: 'EXIT' })).toEqual([]);
    expect(runner.state.status).toBe('idle');
  });

  it('BACK at the last step (index edge) returns to the one before', () => {
    const { runner } = setup([centred('a'), centred('b'), centred('c')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'NEXT' });
    runner.dispatch({ type: 'NEXT' });
    runner.dispatch({ type: 'BACK' });
    expect(runner.state.stepIndex).toBe(1);
  });
});

describe('missing targets', () => {
  it('skips an optional step whose target cannot be found', () => {
    const { runner } = setup([targeted('tip', { optional: true }), centred('next')]);
    runner.dispatch({ type: 'START' });
    const effects = runner.dispatch({ type: 'TARGET_MISSING', reason: 'timeout', stepIndex: 0 });
    expect(records(effects)[0]).toMatchObject({
      kind: 'step-skipped',
      stepId: 'tip',
      reason: 'timeout',
    });
    expect(runner.state.stepIndex).toBe(1);
    expect(runner.state.history[0]).toMatchObject({ outcome: 'skipped', reason: 'timeout' });
  });

  it('skips silently when the step says missing.then: skip', () => {
    const { runner } = setup([
      targeted('x', { missing: { wait: '1s', then: 'skip' } }),
      centred('y'),
    ]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_MISSING', reason: 'not-found' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('shows a required step centred with a report offer and records step-failed', () => {
    const { runner } = setup([targeted('submit', { advance: { on: 'click' } }), centred('after')]);
    runner.dispatch({ type: 'START' });
    const effects = runner.dispatch({ type: 'TARGET_MISSING', reason: 'not-found', stepIndex: 0 });
    expect(runner.state.status).toBe('running');
    expect(shown(effects)).toMatchObject({
      stepIndex: 0,
      centred: true,
      missing: { reason: 'not-found', offerReport: true },
    });
    expect(records(effects).map((record) => record.kind)).toEqual(['step-failed', 'step-shown']);
    // A click cannot complete a step whose target was not found; 下一步 moves past it.
    expect(runner.dispatch({ type: 'USER_ACTION', kind: 'click' })).toEqual([]);
    runner.dispatch({ type: 'NEXT' });
    expect(runner.state.stepIndex).toBe(1);
    expect(runner.state.history[0]).toMatchObject({ outcome: 'failed', reason: 'not-found' });
  });

  it('a target that appears after the card said 找不到该元素 is taken: the step goes on', () => {
    const { runner } = setup([targeted('size', { advance: { on: 'click' } }), centred('after')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_MISSING', reason: 'hidden', stepIndex: 0 });
    // Late, and for the step on screen: the card moves to the target, no second step-shown.
    const effects = runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
    expect(shown(effects)).toMatchObject({ stepIndex: 0, centred: false });
    expect(shown(effects)).not.toHaveProperty('missing');
    expect(records(effects)).toEqual([]);
    expect(runner.state.missing).toBeUndefined();
    // Now a click on it counts; the failure stays on record (it came after the step's wait).
    runner.dispatch({ type: 'USER_ACTION', kind: 'click' });
    expect(runner.state.stepIndex).toBe(1);
    expect(runner.state.history[0]).toMatchObject({ outcome: 'completed' });
  });

  it('an ambiguous target or a late answer for another step does not lift 找不到该元素', () => {
    const { runner } = setup([targeted('row'), targeted('next')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_MISSING', reason: 'ambiguous', stepIndex: 0 });
    expect(runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 })).toEqual([]);
    expect(runner.state.missing).toEqual({ reason: 'ambiguous' });

    const other = setup([targeted('a'), targeted('b')]).runner;
    other.dispatch({ type: 'START' });
    other.dispatch({ type: 'TARGET_MISSING', reason: 'not-found', stepIndex: 0 });
    expect(other.dispatch({ type: 'TARGET_FOUND', stepIndex: 1 })).toEqual([]);
    expect(other.state.missing).toEqual({ reason: 'not-found' });
  });

  it('reports ambiguity as the failure reason', () => {
    const { runner } = setup([targeted('row')]);
    runner.dispatch({ type: 'START' });
    const effects = runner.dispatch({ type: 'TARGET_MISSING', reason: 'ambiguous' });
    expect(records(effects)[0]).toMatchObject({ kind: 'step-failed', reason: 'ambiguous' });
  });

  it('ignores a late answer about a step already left', () => {
    const { runner } = setup([targeted('a'), targeted('b')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'SKIP' });
    expect(runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 })).toEqual([]);
    expect(runner.state.status).toBe('waiting-for-target');
    expect(shown(runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 1 }))).toMatchObject({
      stepIndex: 1,
    });
  });
});

describe('advancing by user actions', () => {
  it('click advances a click step', () => {
    const { runner } = setup([targeted('submit', { advance: { on: 'click' } }), centred('done')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    const effects = runner.dispatch({ type: 'USER_ACTION', kind: 'click' });
    expect(records(effects)[0]).toMatchObject({ kind: 'step-completed', stepId: 'submit' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('input with a pattern advances only on a matching value and explains rejections', () => {
    const { runner } = setup([
      targeted('phone', { advance: { on: 'input', pattern: '1\\d{10}' } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    expect(runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '  ' })).toEqual([
      { type: 'advance-rejected', stepIndex: 0, reason: 'empty' },
    ]);
    expect(runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '1380013800' })).toEqual([
      { type: 'advance-rejected', stepIndex: 0, reason: 'pattern-mismatch' },
    ]);
    // The pattern must match the whole value, not a part of it.
    expect(
      runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '138001380001' })[0],
    ).toMatchObject({
      reason: 'pattern-mismatch',
    });
    runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '13800138000' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('input with a validator id uses the injected registry', () => {
    const { runner } = setup([
      targeted('code', { advance: { on: 'input', validator: 'uscc' } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    expect(
      runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '12345' })[0],
    ).toMatchObject({
      reason: 'validator-rejected',
    });
    runner.dispatch({ type: 'USER_ACTION', kind: 'input', value: '91350100M000100Y43' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it("a rejection carries the validator's own message (the real lib/validators)", async () => {
    const { VALIDATORS } = await import('../../../lib/validators');
    const runner = new TourRunner(
      makeTour([
        targeted('code', { advance: { on: 'input', validator: 'creditCode' } }),
        centred('done'),
      ]),
      { now: Date.now, validators: VALIDATORS },
    );
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    const wrongCheckCharacter = '91350100M000100Y44';
    const [rejected] = runner.dispatch({
      type: 'USER_ACTION',
      kind: 'input',
      value: wrongCheckCharacter,
    });
    const expected = VALIDATORS.creditCode?.(wrongCheckCharacter).messages[0];
    expect(expected).toBeTruthy();
    expect(rejected).toEqual({
      type: 'advance-rejected',
      stepIndex: 0,
      reason: 'validator-rejected',
      message: expected,
    });
  });

  it('a click step with `until` completes only when the page confirms success', () => {
    const until = { text: '保存成功' };
    const { runner } = setup([
      targeted('save', { advance: { on: 'click', until } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    // Before any click the success signal is not watched for: an old 保存成功 does not count.
    expect(kinds(runner.dispatch({ type: 'TARGET_FOUND' }))).not.toContain('watch-element');
    expect(runner.state.stepIndex).toBe(0);
  });

  it('a click whose page action fails keeps the step open until the signal appears', () => {
    const until = { text: '保存成功' };
    const { runner } = setup([
      targeted('save', { advance: { on: 'click', until } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    const clicked = runner.dispatch({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' });
    expect(clicked).toEqual([
      { type: 'watch-element', stepIndex: 0, mode: 'appear', target: until, confirmsClick: true },
    ]);
    expect(runner.state.stepIndex).toBe(0);
    // A second click (after fixing what the page complained about) watches again; then success.
    runner.dispatch({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' });
    const confirmed = runner.dispatch({ type: 'ELEMENT_APPEARED', stepIndex: 0 });
    expect(records(confirmed)[0]).toMatchObject({ kind: 'step-completed', stepId: 'save' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('a click with `until` that also changed the route needs no second click', () => {
    const until = { text: '保存成功' };
    const { runner } = setup([
      targeted('save', { advance: { on: 'click', until } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
    runner.dispatch({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' });
    // The click changed the route: the step looks its target up again on the new document and
    // keeps waiting for the success signal there (the page's earlier watch ended with it).
    const moved = runner.dispatch({
      type: 'NAVIGATED',
      url: 'http://gov.local/gongwen/new#/saved',
    });
    expect(kinds(moved)).toEqual(['hide-step', 'resolve-target', 'watch-element']);
    expect(moved.at(-1)).toEqual({
      type: 'watch-element',
      stepIndex: 0,
      mode: 'appear',
      target: until,
      confirmsClick: true,
    });
    // It survives a stored snapshot (a full page load, a restarted service worker).
    const restored = new TourRunner(runner.tour, { now: () => 0 });
    const resumed = restored.dispatch({ type: 'RESUME', snapshot: runner.snapshot() });
    expect(kinds(resumed)).toContain('watch-element');
    const confirmed = runner.dispatch({ type: 'ELEMENT_APPEARED', stepIndex: 0 });
    expect(records(confirmed)[0]).toMatchObject({ kind: 'step-completed', stepId: 'save' });
    expect(runner.state.stepIndex).toBe(1);
    expect(runner.state.confirming).toBeUndefined();
  });

  it('a click step with `until` not clicked yet does not watch for the signal after a route change', () => {
    const until = { text: '保存成功' };
    const { runner } = setup([targeted('save', { advance: { on: 'click', until } })]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
    const moved = runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/gongwen/new#/x' });
    expect(kinds(moved)).toEqual(['hide-step', 'resolve-target']);
  });

  it('change advances on the expected value only', () => {
    const { runner } = setup([
      targeted('type', { advance: { on: 'change', value: '请示' } }),
      centred('done'),
    ]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    runner.dispatch({ type: 'USER_ACTION', kind: 'change', value: '通知' });
    expect(runner.state.stepIndex).toBe(0);
    runner.dispatch({ type: 'USER_ACTION', kind: 'change', value: '请示' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('appear/disappear steps ask the lead to watch an element and advance on it', () => {
    const { runner } = setup([
      centred('wait-dialog', {
        advance: { on: 'appear', locator: { role: 'dialog', name: '提交审核' } },
      }),
      centred('wait-close', { advance: { on: 'disappear', locator: { role: 'dialog' } } }),
      centred('done'),
    ]);
    const start = runner.dispatch({ type: 'START' });
    expect(start).toContainEqual({
      type: 'watch-element',
      stepIndex: 0,
      mode: 'appear',
      target: { role: 'dialog', name: '提交审核' },
    });
    expect(runner.dispatch({ type: 'ELEMENT_DISAPPEARED' })).toEqual([]);
    runner.dispatch({ type: 'ELEMENT_APPEARED' });
    runner.dispatch({ type: 'ELEMENT_DISAPPEARED' });
    expect(runner.state.stepIndex).toBe(2);
  });
});

describe('navigation', () => {
  it('navigation-advance completes the step when the URL matches the glob', () => {
    const { runner } = setup([
      targeted('submit', { advance: { on: 'navigation', url: '/index.html#/docs/list*' } }),
      centred('list'),
    ]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/index.html#/docs/new' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/index.html#/docs/new?tab=2' });
    expect(runner.state.stepIndex).toBe(0);
    runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/index.html#/docs/list?page=1' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('waits for navigation when a step lives on another page, then resolves its target there', () => {
    const { runner } = setup([centred('intro'), targeted('list-row', { page: '/gongwen/list*' })]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    const next = runner.dispatch({ type: 'NEXT' });
    expect(runner.state.status).toBe('waiting-for-navigation');
    expect(next).toContainEqual({ type: 'await-navigation', stepIndex: 1, url: '/gongwen/list*' });
    expect(runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/home' })).toEqual([]);
    const arrived = runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/gongwen/list' });
    expect(runner.state.status).toBe('waiting-for-target');
    expect(kinds(arrived)).toContain('resolve-target');
  });

  it('re-resolves the target after a reload of the same page', () => {
    const { runner } = setup([targeted('a', { advance: { on: 'click' } })]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    const reload = runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/gongwen/new' });
    expect(kinds(reload)).toEqual(['hide-step', 'resolve-target']);
    // Showing it again is not a second step-shown.
    expect(records(runner.dispatch({ type: 'TARGET_FOUND' }))).toEqual([]);
  });

  it('counts a click whose route change reached the runner first (a menu link)', () => {
    const { runner } = setup([targeted('menu', { advance: { on: 'click' } }), centred('done')]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/index.html#/' });
    runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
    // The click changed the hash: the page reported in before the click event arrived.
    runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/index.html#/todo' });
    expect(runner.state.status).toBe('waiting-for-target');
    const effects = runner.dispatch({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' });
    expect(records(effects)[0]).toMatchObject({ kind: 'step-completed', stepId: 'menu' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('does not count a click on a target that was never shown', () => {
    const { runner } = setup([targeted('menu', { advance: { on: 'click' } }), centred('done')]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/index.html#/' });
    expect(runner.dispatch({ type: 'USER_ACTION', stepIndex: 0, kind: 'click' })).toEqual([]);
    expect(runner.state.stepIndex).toBe(0);
  });

  it('leaving the step page mid-step waits for the user to come back', () => {
    const { runner } = setup([targeted('a', { page: '/gongwen/new*', advance: { on: 'click' } })]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    runner.dispatch({ type: 'NAVIGATED', url: 'http://gov.local/home' });
    expect(runner.state.status).toBe('waiting-for-navigation');
  });
});

describe('pause', () => {
  it('PAUSE hides the card; CONTINUE brings the step back (re-resolving its target)', () => {
    const { runner } = setup([targeted('a')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    expect(runner.dispatch({ type: 'PAUSE' })).toEqual([{ type: 'hide-step' }]);
    expect(runner.state.status).toBe('paused');
    expect(runner.dispatch({ type: 'NEXT' })).toEqual([]);
    expect(kinds(runner.dispatch({ type: 'CONTINUE' }))).toContain('resolve-target');
  });
});

describe('timings with a fake clock', () => {
  it('records how long each step was shown and the whole tour took', () => {
    const { clock, runner } = setup([targeted('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    clock.advance(700); // resolving the target does not count as time on the step
    runner.dispatch({ type: 'TARGET_FOUND' });
    clock.advance(2500);
    const first = runner.dispatch({ type: 'NEXT' });
    expect(records(first)[0]).toMatchObject({ kind: 'step-completed', stepId: 'a', ms: 2500 });
    clock.advance(1000);
    const done = runner.dispatch({ type: 'NEXT' });
    expect(records(done)).toContainEqual(
      expect.objectContaining({ kind: 'step-completed', stepId: 'b', ms: 1000 }),
    );
    expect(records(done)).toContainEqual(expect.objectContaining({ kind: 'finished', ms: 4200 }));
    expect(runner.state.history.map((visit) => visit.ms)).toEqual([2500, 1000]);
  });
});

describe('snapshots', () => {
  it('round-trips through JSON and resumes at the same step, re-resolving its target', () => {
    const { clock, runner } = setup([centred('a'), targeted('b'), centred('c')]);
    runner.dispatch({ type: 'START', url: 'http://gov.local/gongwen/new' });
    runner.dispatch({ type: 'NEXT' });
    runner.dispatch({ type: 'TARGET_FOUND' });
    const stored: unknown = JSON.parse(JSON.stringify(runner.snapshot()));

    const snapshot = parseSnapshot(stored) as RunnerSnapshot;
    const revived = new TourRunner(runner.tour, { now: clock.now });
    const effects = revived.dispatch({ type: 'RESUME', snapshot });
    expect(revived.state.stepIndex).toBe(1);
    expect(revived.state.status).toBe('waiting-for-target');
    expect(kinds(effects)).toContain('resolve-target');
    revived.dispatch({ type: 'TARGET_FOUND' });
    revived.dispatch({ type: 'NEXT' });
    expect(revived.state.stepIndex).toBe(2);
    expect(revived.state.history).toHaveLength(3);
  });

  it('resumes by step id when the tour gained a step since the snapshot', () => {
    const { clock, runner } = setup([centred('a'), centred('b')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'NEXT' });
    const updated = makeTour([centred('a'), centred('new-step'), centred('b')]);
    const result = transition(
      updated,
      createRunnerState(updated),
      { type: 'RESUME', snapshot: runner.snapshot() },
      {
        now: clock.now,
      },
    );
    expect(result.state.stepIndex).toBe(2);
    expect(shown(result.effects)).toMatchObject({ stepId: 'b', progress: { label: '3 / 3' } });
  });

  it('resumes a finished tour without effects and rejects foreign or corrupt snapshots', () => {
    const { runner } = setup([centred('a')]);
    runner.dispatch({ type: 'START' });
    runner.dispatch({ type: 'NEXT' });
    const finished = runner.snapshot();
    const fresh = new TourRunner(runner.tour, { now: () => 0 });
    expect(fresh.dispatch({ type: 'RESUME', snapshot: finished })).toEqual([]);
    expect(fresh.state.status).toBe('finished');

    expect(parseSnapshot({ version: 2 })).toBeNull();
    const other = new TourRunner(runner.tour, { now: () => 0 });
    other.dispatch({ type: 'RESUME', snapshot: { ...finished, tourId: 'another-tour' } });
    expect(other.state.status).toBe('idle');
  });

  it('transition does not mutate the state it is given', () => {
    const tour = makeTour([centred('a'), centred('b')]);
    const env = { now: () => 1 };
    const idle = createRunnerState(tour);
    const started = transition(tour, idle, { type: 'START' }, env).state;
    const frozen = JSON.stringify(started);
    const events: RunnerEvent[] = [
      { type: 'NEXT' },
      { type: 'BACK' },
      { type: 'SKIP' },
      { type: 'EXIT' },
    ];
    for (const event of events) transition(tour, started, event, env);
    expect(JSON.stringify(started)).toBe(frozen);
    expect(idle.status).toBe('idle');
  });
});

describe('evaluateAdvance', () => {
  it('rejects actions of another kind and unknown validators', () => {
    expect(evaluateAdvance({ on: 'click' }, { kind: 'input', value: 'x' })).toEqual({
      advance: false,
      reason: 'not-this-kind',
    });
    expect(
      evaluateAdvance(
        { on: 'input', validator: 'nope' },
        { kind: 'input', value: 'x' },
        validators,
      ),
    ).toEqual({
      advance: false,
      reason: 'unknown-validator',
    });
    // Inherited properties are not validators.
    expect(
      evaluateAdvance(
        { on: 'input', validator: 'toString' },
        { kind: 'input', value: 'x' },
        validators,
      ),
    ).toEqual({
      advance: false,
      reason: 'unknown-validator',
    });
  });

  it('accepts any non-empty input when the step has no rule', () => {
    expect(evaluateAdvance({ on: 'input' }, { kind: 'input', value: '张三' })).toEqual({
      advance: true,
    });
  });
});
