import { StepCard, type StepCardProps } from './step-card';

const noop = () => undefined;

/** The card the warm-up builds (exported for its test: the body matches what the build compiles). */
export const WARM_CARD: StepCardProps = {
  language: 'zh_CN',
  tourId: 'warm',
  tourTitle: '预热',
  stepIndex: 0,
  stepCount: 2,
  title: '预热',
  body: '**粗体**、*斜体*、`代码`与[链接](https://example.invalid)。\n\n- 列表\n- 项目',
  // What the build compiles that body to (features/tour/compiled.ts), written out here so the
  // warm-up ships no Markdown parser either.
  bodyRich: [
    [
      'p',
      ['strong', '粗体'],
      '、',
      ['em', '斜体'],
      '、',
      ['code', '代码'],
      '与',
      ['a', 'https://example.invalid', '链接'],
      '。',
    ],
    ['ul', ['li', '列表'], ['li', '项目']],
  ],
  mode: 'located',
  actionHint: '提示',
  nextEnabled: true,
  onNext: noop,
  onBack: noop,
  onSkip: noop,
  onExit: noop,
};

/**
 * Builds one step card off the page and throws it away: the first real card then finds the
 * card's code (and its rich-text renderer) already compiled (bench/tour: a few ms off the first
 * step on a busy page). Touches nothing in the page: the element is never attached.
 */
export function warmStepCard(): void {
  const props = WARM_CARD;
  new StepCard(props).update({ ...props, stepIndex: 1, mode: 'missing' });
}
