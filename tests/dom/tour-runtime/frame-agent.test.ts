// @vitest-environment happy-dom
/**
 * The frame agent inside a cross-origin frame (features/frames/content/agent.ts): finds the target,
 * answers found / missing, reports the learner's actions on it until released. happy-dom has no
 * layout, so lookups pass `layout: false`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFrameAgent } from '../../../features/frames/content/agent';
import type { FrameLocateRequest, FrameUpdate } from '../../../features/frames/protocol';
import { dispatchAsUser, userClick } from '../../support/user-events';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function request(extra: Partial<FrameLocateRequest> = {}): FrameLocateRequest {
  return {
    id: ID,
    stepIndex: 0,
    frameUrl: 'http://localhost/legacy/exchange.html',
    remainingFrames: [],
    target: { label: '来文单位' },
    timeoutMs: 200,
    advance: 'input',
    ...extra,
  };
}

function setup() {
  document.body.innerHTML = `
    <form>
      <label for="unit">来文单位</label><input id="unit" />
      <button type="button">登记</button>
    </form>`;
  const sent: FrameUpdate[] = [];
  const agent = createFrameAgent({
    document,
    send: async (update) => void sent.push(update),
    visibility: { layout: false },
  });
  const input = document.querySelector('input') as HTMLInputElement;
  const button = document.querySelector('button') as HTMLButtonElement;
  return { agent, sent, input, button };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const actions = (sent: FrameUpdate[]) => sent.filter((update) => update.kind === 'action');

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  dispatchAsUser(input, new Event('input', { bubbles: true }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('frame agent', () => {
  it('answers found with the target rect, then reports typing once it settles', async () => {
    const { agent, sent, input } = setup();
    const reply = await agent.locate(request());
    expect(reply).toMatchObject({ kind: 'found', hidden: false });
    type(input, '省');
    type(input, '省档案局');
    expect(actions(sent)).toEqual([]);
    await wait(400);
    // Read after a pause in typing: marked, so an exam does not count it as an entry.
    expect(actions(sent)).toEqual([
      { id: ID, kind: 'action', action: 'input', value: '省档案局', typing: true },
    ]);
    agent.release(ID);
  });

  it('reports a click on a click step’s target, and nothing after release', async () => {
    const { agent, sent, button } = setup();
    await agent.locate(request({ target: { role: 'button', name: '登记' }, advance: 'click' }));
    userClick(button);
    expect(actions(sent)).toEqual([{ id: ID, kind: 'action', action: 'click' }]);
    agent.release(ID);
    userClick(button);
    expect(actions(sent)).toHaveLength(1);
  });

  it('ignores clicks and typing that the frame’s own script makes (issue 10)', async () => {
    const { agent, sent, button, input } = setup();
    await agent.locate(request({ target: { role: 'button', name: '登记' }, advance: 'click' }));
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(actions(sent)).toEqual([]);
    agent.release(ID);
    await agent.locate(request());
    input.value = '伪造';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(400);
    expect(actions(sent)).toEqual([]);
    agent.release(ID);
  });

  it('answers missing with the locate reason when the target is not in the frame', async () => {
    const { agent } = setup();
    await expect(agent.locate(request({ target: { label: '处理意见' } }))).resolves.toEqual({
      kind: 'missing',
      reason: 'not-found',
    });
  });

  it('stops waiting when released before the target appeared', async () => {
    const { agent } = setup();
    const pending = agent.locate(request({ target: { label: '处理意见' }, timeoutMs: 5000 }));
    agent.release(ID);
    await expect(pending).resolves.toEqual({ kind: 'missing', reason: 'frame-gone' });
  });

  it('tells the owner when the frame’s page goes away', async () => {
    const { agent, sent, input } = setup();
    await agent.locate(request());
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toContainEqual({ id: ID, kind: 'gone' });
    type(input, '省档案局');
    await wait(400);
    expect(actions(sent)).toEqual([]);
  });
});
