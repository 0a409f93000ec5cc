// @vitest-environment happy-dom
/**
 * Issue 10: a page script pressing our step card, survey and exam HUD buttons does nothing; the
 * learner's own clicks (tests/support/user-events.ts) still work.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SurveyCard } from '../../../features/survey/views/SurveyCard';
import { StepCard } from '../../../features/tour/views/step-card';
import { dispatchAsUser, userClick } from '../../support/user-events';
import { ExamHud } from '../../../features/exam/views/ExamHud';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const button = (text: string) =>
  [...host.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);

/** Everything a page script can do to a button it reached. */
function forge(element: Element | null | undefined): void {
  act(() => {
    (element as HTMLElement | undefined)?.click();
    element?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  });
}

describe('page-script clicks on our UI (issue 10)', () => {
  it('the step card: 下一步, 上一步, 跳过, ×, 报告问题 and its keys', () => {
    const handlers = {
      onNext: vi.fn(),
      onBack: vi.fn(),
      onSkip: vi.fn(),
      onExit: vi.fn(),
      onReport: vi.fn(),
    };
    // The step card is framework-free (features/tour/views/step-card.ts): no React root.
    const card = new StepCard({
      language: 'zh_CN',
      tourId: 't',
      tourTitle: '测试',
      stepIndex: 1,
      stepCount: 3,
      body: '正文',
      mode: 'missing',
      nextEnabled: true,
      ...handlers,
    });
    host.append(card.element);
    for (const name of ['下一步', '上一步', '跳过', '×', '报告问题']) forge(button(name));
    expect(host.querySelector('[data-zhiyin-step="1"]')).toBe(card.element);
    for (const key of ['ArrowRight', 'ArrowLeft', 'Escape']) {
      card.element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();

    userClick(button('下一步'));
    dispatchAsUser(card.element, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(handlers.onNext).toHaveBeenCalledOnce();
    expect(handlers.onExit).toHaveBeenCalledOnce();
  });

  it('the survey: a page script can neither rate nor send it', async () => {
    const onSubmit = vi.fn(async () => {});
    const onDismiss = vi.fn();
    act(() =>
      root.render(
        <SurveyCard
          language="zh_CN"
          prompt={{ subjectKind: 'tour', subjectId: 't', title: '测试' }}
          onSubmit={onSubmit}
          onDismiss={onDismiss}
        />,
      ),
    );
    const form = host.querySelector('form');
    forge(host.querySelector('input[type="radio"]'));
    forge(button('不用了'));
    await act(async () => {
      form?.requestSubmit();
      form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => userClick(button('不用了')));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('the exam HUD: 交卷 and 退出 stay the learner’s', () => {
    const handlers = { onConfirming: vi.fn(), onSubmit: vi.fn(), onExit: vi.fn() };
    act(() =>
      root.render(
        <ExamHud
          language="zh_CN"
          title="考核"
          hud={{ attemptId: 'a', startedAt: Date.now(), timeLimitMs: 300_000 }}
          missing={false}
          confirming={false}
          {...handlers}
        />,
      ),
    );
    forge(button('交卷'));
    forge(button('退出'));
    expect(handlers.onSubmit).not.toHaveBeenCalled();
    expect(handlers.onConfirming).not.toHaveBeenCalled();
    act(() => userClick(button('交卷')));
    expect(handlers.onSubmit).toHaveBeenCalledOnce();
  });
});
