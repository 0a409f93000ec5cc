// @vitest-environment happy-dom
/**
 * A page that re-renders a step's button (a form replacing its 保存 button when a field changes):
 * the learner clicks the new button before the card has moved to it. That click did the step.
 * Before, the click went to an element nobody listened to, the old target was gone, and the
 * card then said 找不到该元素 on the next page.
 */
import 'fake-indexeddb/auto';
import { tourWithBackground } from '../../support/tour-harness';
import { describe, expect, it } from 'vitest';
import { TourSchema } from '../../../features/tour/schema';
import { userClick } from '../../support/user-events';

const tour = TourSchema.parse({
  id: 'save-draft',
  title: '保存草稿',
  summary: '点击保存草稿',
  module: '操作',
  audience: ['业务操作人员'],
  applies: { url: '/index.html*' },
  steps: [
    {
      id: 'save',
      title: '保存',
      body: '点击保存草稿',
      target: { role: 'button', name: '保存草稿' },
      advance: { on: 'click' },
    },
    { id: 'done', title: '完成', body: '已保存' },
  ],
});
const tab = 9;

const setup = () => tourWithBackground([tour], tab);

describe('tour controller: a click on a target the page just re-rendered', () => {
  it('counts the click on the new button, once', async () => {
    document.body.innerHTML = '<form><button type="button">保存草稿</button></form>';
    const { sessions, controller, renders } = setup();
    controller.apply(await sessions.start(tab, tour.id, 'http://127.0.0.1/index.html'));
    await expect.poll(() => renders.at(-1)?.mode).toBe('located');
    expect(renders.at(-1)?.stepIndex).toBe(0);

    // The page replaces the button; the learner clicks the new one at once.
    const form = document.querySelector('form')!;
    form.innerHTML = '<button type="button">保存草稿</button>';
    userClick(form.querySelector('button'));
    await controller.settled();
    expect(renders.at(-1)).toMatchObject({ stepIndex: 1, mode: 'centred' });
    expect((await sessions.current(tab))?.stepIndex).toBe(1);
  });

  it('still ignores a click a page script makes on the new button', async () => {
    document.body.innerHTML = '<form><button type="button">保存草稿</button></form>';
    const { sessions, controller, renders } = setup();
    controller.apply(await sessions.start(tab, tour.id, 'http://127.0.0.1/index.html'));
    await expect.poll(() => renders.at(-1)?.mode).toBe('located');
    const form = document.querySelector('form')!;
    form.innerHTML = '<button type="button">保存草稿</button>';
    form.querySelector('button')!.click();
    await controller.settled();
    expect(renders.at(-1)?.stepIndex).toBe(0);
  });
});
