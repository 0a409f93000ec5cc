import { describe, expect, it } from 'vitest';
import type { RunnerEffect } from '../../../features/tour/runner';
import { TourRunner } from '../../../features/tour/runner';
import type { StepInput } from '../../../features/tour/schema';
import { TourSchema } from '../../../features/tour/schema';
import { parseSnapshot } from '../../../features/tour/snapshot';

/** Cross-origin frames: the frame holding a shown target goes away (features/tour/README.md). */
function setup(extra: Partial<StepInput> = {}) {
  const tour = TourSchema.parse({
    id: 'exchange',
    title: '收文登记',
    summary: '外部平台',
    module: '操作',
    audience: ['业务操作人员'],
    applies: { url: '/exchange.html*' },
    steps: [
      {
        id: 'unit',
        body: '填写来文单位',
        frame: [{ css: [{ selector: 'iframe', note: 'the platform' }] }],
        target: { label: '来文单位' },
        advance: { on: 'input' },
        ...extra,
      },
      { id: 'done', body: '完成' },
    ],
  });
  const runner = new TourRunner(tour, { now: () => 0 });
  runner.dispatch({ type: 'START' });
  runner.dispatch({ type: 'TARGET_FOUND', stepIndex: 0 });
  return runner;
}

const shown = (effects: RunnerEffect[]) => effects.find((effect) => effect.type === 'show-step');

describe('a shown step whose cross-origin frame went away', () => {
  it('falls back to 找不到该元素 with the reason frame-gone, recorded as failed', () => {
    const runner = setup();
    expect(runner.state.status).toBe('running');
    const effects = runner.dispatch({ type: 'TARGET_MISSING', stepIndex: 0, reason: 'frame-gone' });
    expect(shown(effects)).toMatchObject({
      stepIndex: 0,
      centred: true,
      missing: { reason: 'frame-gone', offerReport: true },
    });
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'record',
        record: expect.objectContaining({ kind: 'step-failed', reason: 'frame-gone' }),
      }),
    );
    // Stored snapshots with the new reason still parse (resume after a reload).
    expect(parseSnapshot(JSON.parse(JSON.stringify(runner.state)))?.missing).toEqual({
      reason: 'frame-gone',
    });
    // Once missing, a second report changes nothing.
    expect(runner.dispatch({ type: 'TARGET_MISSING', stepIndex: 0, reason: 'frame-gone' })).toEqual(
      [],
    );
  });

  it('skips an optional step instead', () => {
    const runner = setup({ optional: true });
    runner.dispatch({ type: 'TARGET_MISSING', stepIndex: 0, reason: 'frame-gone' });
    expect(runner.state.stepIndex).toBe(1);
  });

  it('ignores a late report about another step, and other reasons while the step is shown', () => {
    const runner = setup();
    expect(runner.dispatch({ type: 'TARGET_MISSING', stepIndex: 1, reason: 'frame-gone' })).toEqual(
      [],
    );
    expect(runner.dispatch({ type: 'TARGET_MISSING', stepIndex: 0, reason: 'not-found' })).toEqual(
      [],
    );
    expect(runner.state.missing).toBeUndefined();
  });
});
