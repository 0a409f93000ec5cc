import { StepCard, type StepCardProps } from './step-card';

const noop = () => undefined;

/**
 * Builds one step card off the page and throws it away: the first real card then finds the
 * Markdown lexer's rules and the card's code already compiled (bench/tour: a few ms off the first
 * step on a busy page). Touches nothing in the page: the element is never attached.
 */
export function warmStepCard(): void {
  const props: StepCardProps = {
    language: 'zh_CN',
    tourId: 'warm',
    tourTitle: '预热',
    stepIndex: 0,
    stepCount: 2,
    title: '预热',
    body: '**粗体**、*斜体*、`代码`与[链接](https://example.invalid)。\n\n- 列表\n- 项目',
    mode: 'located',
    actionHint: '提示',
    nextEnabled: true,
    onNext: noop,
    onBack: noop,
    onSkip: noop,
    onExit: noop,
  };
  new StepCard(props).update({ ...props, stepIndex: 1, mode: 'missing' });
}
