// @vitest-environment happy-dom
/**
 * A practical exam, a quick learner: the code is entered (a validated value, which only the
 * background may accept) and 查询 pressed at once, so the result is on the page before the
 * background's answer starts the next step ("the result appears"). That step must still count the
 * result: its baseline is what the page looked like when the learner acted, not when the answer
 * came. Before, it waited for a second result that never came and the exam hung on that step.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TourSchema } from '../../../features/tour/schema';
import { VALIDATORS } from '../../../lib/validators';
import { dispatchAsUser } from '../../support/user-events';
import { tourWithBackground } from '../../support/tour-harness';

const tour = TourSchema.parse({
  id: 'credit-query',
  title: '按信用代码查询',
  summary: '输入统一社会信用代码并查询',
  module: '操作',
  audience: ['基层用户'],
  applies: { url: '/service.html*' },
  steps: [
    {
      id: 'code',
      title: '输入代码',
      body: '输入统一社会信用代码',
      target: { label: '信用代码' },
      advance: { on: 'input', validator: 'creditCode' },
    },
    {
      id: 'search',
      title: '查询',
      body: '按回车键查询',
      target: { label: '信用代码' },
      advance: { on: 'appear', locator: { testid: 'result' } },
    },
  ],
});
const tab = 5;

describe('exam: a step that begins after the page already reacted', () => {
  it('counts a result that appeared between the learner’s entry and the background’s answer', async () => {
    document.body.innerHTML =
      '<form><label for="c">信用代码</label><input id="c"></form><div id="out"></div>';
    const { sessions, controller, renders, ended } = tourWithBackground([tour], tab, {
      sessions: { validators: VALIDATORS },
    });
    controller.apply(await sessions.startExam(tab, tour.id, 'http://127.0.0.1/service.html'));
    const input = document.getElementById('c') as HTMLInputElement;
    await expect.poll(() => renders.at(-1)?.mode).toBe('located');

    // The learner types the code and presses Enter; the page answers Enter at once.
    dispatchAsUser(input, new FocusEvent('focusin', { bubbles: true }));
    input.value = '91620102029332164P';
    dispatchAsUser(input, new Event('input', { bubbles: true }));
    dispatchAsUser(input, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    document.getElementById('out')!.innerHTML = '<div data-testid="result">审批中</div>';

    // Both steps done: the exam ends as finished (not handed in at the time limit).
    await expect.poll(() => ended).toEqual(['finished']);
  });
});
