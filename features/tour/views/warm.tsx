import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { StepCard } from './StepCard';

const noop = () => undefined;

/**
 * Renders one step card into a detached element and throws it away: the first real card then
 * finds React's renderer, the Markdown lexer's rules and the card's code already compiled
 * (bench/tour: tens of ms off the first step on a busy page). Touches nothing in the page: the
 * element is never attached to the document.
 */
export function warmStepCard(): void {
  const container = document.createElement('div');
  const root = createRoot(container);
  try {
    flushSync(() =>
      root.render(
        <StepCard
          language="zh_CN"
          tourId="warm"
          tourTitle="预热"
          stepIndex={0}
          stepCount={2}
          title="预热"
          body={'**粗体**、*斜体*、`代码`与[链接](https://example.invalid)。\n\n- 列表\n- 项目'}
          mode="located"
          actionHint="提示"
          nextEnabled
          onNext={noop}
          onBack={noop}
          onSkip={noop}
          onExit={noop}
        />,
      ),
    );
  } finally {
    root.unmount();
  }
}
