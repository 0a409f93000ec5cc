/**
 * Author mode's recorder (issue 14): while it runs, the trainer does the task once and every
 * trusted click, input, change and route change becomes a draft step with the locators the picker
 * proves for the element (features/author/propose.ts), a suggested advance kind, a `page:` glob
 * when the route changed, and a title/body in Chinese from the control's accessible name.
 *
 * Unlike the picker it never swallows an event: the page acts as usual. Listeners are passive,
 * in the capturing phase (so a control is described before the click removes or changes it), on
 * the top window and every same-origin iframe, and hang off the caller's AbortSignal.
 *
 * Privacy: what is typed is never read. An input step records only that the field was typed
 * into; locator proposals whose words look like personal data (an id number or a phone number in
 * a row's text) are dropped, and titles are masked with lib/privacy/personal-data.ts.
 */
import { mightHoldPersonalData } from '../../../lib/privacy/personal-data';
import {
  MAX_DRAFT_STEPS,
  MAX_PROPOSALS,
  pageGlob,
  safeText,
  uniqueStepId,
  type DraftAdvanceKind,
  type DraftProposal,
  type DraftStep,
} from '../draft';
import { elementName, pickTarget, proposeLocators, type Proposal } from '../propose';
import { suggestAdvance, suggestStepId } from '../yaml-step';

export interface RecorderOptions {
  /** The top document. Same-origin iframes in it (present now or loaded later) are followed. */
  document: Document;
  signal: AbortSignal;
  /** Our own UI (the author panel): its clicks are not steps. */
  isOwnUi?: (element: Element) => boolean;
  /** Called with the whole list after every change. */
  onChange: (steps: DraftStep[]) => void;
  /** Prove visibility with layout (default true; DOM tests pass false). */
  layout?: boolean;
  /** How often the URL is compared for route changes the page makes by script. Default 250 ms. */
  pollMs?: number;
  /**
   * Whether an event counts (default: `event.isTrusted`, so a page's synthetic events are never
   * steps). DOM tests, whose dispatched events are never trusted, pass their own.
   */
  isTrusted?: (event: Event) => boolean;
  now?: () => number;
}

/** A click here chooses in an open popup (a select's options): part of that select's step. */
const POPUP_CHOICE =
  '[role="option"], [role="listbox"], .ant-select-dropdown, .ant-picker-dropdown, .ant-cascader-dropdown, .el-select-dropdown, .el-picker-panel, .el-cascader__dropdown, .el-popper';
/** A click that changes the route within this long becomes a `navigation` step. */
const NAVIGATION_AFTER_CLICK_MS = 2_000;

export interface Recorder {
  /** The steps so far. */
  steps(): DraftStep[];
}

export function startRecorder(options: RecorderOptions): Recorder {
  const { signal } = options;
  const isOwnUi = options.isOwnUi ?? (() => false);
  const isTrusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  const layout = options.layout ?? true;
  const now = options.now ?? (() => Date.now());
  const top = options.document;
  const steps: DraftStep[] = [];
  /** The element of each step, same order as `steps` (never stored). */
  const elements: (Element | null)[] = [];
  const attached = new Set<Document>();
  let lastUrl = top.defaultView?.location.href ?? '';
  /** The route changed since the last step: the next step gets this `page:`. */
  let pendingPage: string | undefined;
  let lastClick: { at: number; index: number } | null = null;
  let keyCounter = 0;

  const changed = (): void => options.onChange(steps.map((step) => ({ ...step })));

  const pageElement = (target: EventTarget | null): Element | null => {
    if (!target || typeof (target as Node).nodeType !== 'number') return null;
    const node = target as Node;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element || isOwnUi(element)) return null;
    if (element === element.ownerDocument.documentElement) return null;
    return element;
  };

  const add = (element: Element | null, advance: DraftAdvanceKind): number => {
    // A draft holds MAX_DRAFT_STEPS at most: later actions are not recorded (the panel says so).
    if (steps.length >= MAX_DRAFT_STEPS) return -1;
    const proposals = element ? proposalsFor(element) : [];
    const name = element ? safeText(elementName(element)) : '';
    const taken = new Set(steps.map((step) => step.id));
    const base = proposals[0]
      ? suggestStepId(name ? { text: name } : proposals[0].locator, element?.localName ?? 'step')
      : 'page';
    const text = stepText(advance, name, element === null);
    const step: DraftStep = {
      key: `s${now().toString(36)}-${(keyCounter++).toString(36)}`,
      id: uniqueStepId(base, taken),
      proposals,
      selected: 0,
      // Without a proven locator the step cannot listen for the action: the author reads it.
      advance: proposals.length > 0 ? advance : 'next',
      ...(pendingPage ? { page: pendingPage } : {}),
      title: text.title,
      body: text.body,
    };
    pendingPage = undefined;
    steps.push(step);
    elements.push(element);
    changed();
    return steps.length - 1;
  };

  const proposalsFor = (element: Element): DraftProposal[] => {
    let proposals: Proposal[] = [];
    try {
      proposals = proposeLocators(element, top, { layout, max: MAX_PROPOSALS });
    } catch (error) {
      // A page the picker cannot describe must not stop the recording: the step stays centred.
      console.warn('[zhiyin] proposing locators failed', error);
    }
    return proposals
      .filter((proposal) => !mightHoldPersonalData(proposal.description))
      .map((proposal) => ({
        locator: proposal.locator,
        frame: proposal.frame,
        description: proposal.description,
        kind: proposal.kind,
        ...(proposal.note ? { note: proposal.note } : {}),
      }));
  };

  const lastElement = (): Element | null => elements[elements.length - 1] ?? null;

  const onClick = (event: MouseEvent): void => {
    if (!isTrusted(event)) return;
    const raw = pageElement(event.target);
    if (!raw) return;
    // Choosing in a select's open list completes that select's step.
    if (raw.closest(POPUP_CHOICE)) return;
    const element = pickTarget(raw);
    const kind = suggestAdvance(element).on;
    // Clicking into a text field only focuses it: its input makes the step.
    if (kind === 'input') return;
    if (kind === 'change') {
      if (lastElement() !== element) add(element, 'change');
      return;
    }
    lastClick = { at: now(), index: add(element, 'click') };
  };

  const onInput = (event: Event): void => {
    if (!isTrusted(event)) return;
    const raw = pageElement(event.target);
    if (!raw) return;
    const element = pickTarget(raw);
    if (lastElement() === element) return;
    const kind = suggestAdvance(element).on;
    add(element, kind === 'change' ? 'change' : 'input');
  };

  const onChangeEvent = (event: Event): void => {
    if (!isTrusted(event)) return;
    const raw = pageElement(event.target);
    if (!raw) return;
    // Checkboxes and radios: their click is the step.
    if (raw.matches('input[type="checkbox"], input[type="radio"]')) return;
    const element = pickTarget(raw);
    if (lastElement() === element) return;
    if (raw.closest(POPUP_CHOICE)) return;
    add(element, suggestAdvance(element).on === 'input' ? 'input' : 'change');
  };

  const checkRoute = (): void => {
    const href = top.defaultView?.location.href ?? '';
    if (href === lastUrl) return;
    const before = pageGlob(lastUrl);
    lastUrl = href;
    const glob = pageGlob(href);
    if (glob === before) return;
    const click = lastClick;
    lastClick = null;
    const clicked =
      click && now() - click.at <= NAVIGATION_AFTER_CLICK_MS ? steps[click.index] : undefined;
    if (clicked && clicked.proposals.length > 0) {
      clicked.advance = 'navigation';
      clicked.navigationUrl = glob;
      pendingPage = glob;
      changed();
      return;
    }
    // A route change without a click (the page moved by itself, back/forward): a centred step.
    pendingPage = glob;
    add(null, 'next');
  };

  const attach = (doc: Document): void => {
    if (attached.has(doc) || !doc.defaultView) return;
    attached.add(doc);
    const view = doc.defaultView;
    const listen = { capture: true, passive: true, signal } as const;
    view.addEventListener('click', onClick, listen);
    view.addEventListener('input', onInput, listen);
    view.addEventListener('change', onChangeEvent, listen);
    doc.addEventListener(
      'load',
      (event) => {
        const target = event.target as Element | null;
        if (target && (target.localName === 'iframe' || target.localName === 'frame'))
          attachFrame(target as HTMLIFrameElement);
      },
      listen,
    );
    for (const frame of doc.querySelectorAll('iframe, frame'))
      attachFrame(frame as HTMLIFrameElement);
  };

  const attachFrame = (frame: HTMLIFrameElement): void => {
    let frameDocument: Document | null = null;
    try {
      frameDocument = frame.contentDocument;
    } catch {
      // Cross-origin frames cannot be entered from the top frame: not recorded.
    }
    if (frameDocument) attach(frameDocument);
  };

  if (!signal.aborted) {
    attach(top);
    const view = top.defaultView;
    if (view) {
      view.addEventListener('hashchange', checkRoute, { signal });
      view.addEventListener('popstate', checkRoute, { signal });
      const timer = view.setInterval(checkRoute, options.pollMs ?? 250);
      signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
    }
  }

  return { steps: () => steps.map((step) => ({ ...step })) };
}

/** Title and body for a recorded step, in Chinese, from the control's name. */
export function stepText(
  advance: DraftAdvanceKind,
  name: string,
  centred: boolean,
): { title: string; body: string } {
  const quoted = name ? `「${name}」` : '该元素';
  if (centred) return { title: '进入新页面', body: '页面已切换，请继续下一步。' };
  switch (advance) {
    case 'input':
      return { title: name ? `填写${quoted}` : '填写内容', body: `在${quoted}中填写内容。` };
    case 'change':
      return { title: name ? `选择${quoted}` : '选择', body: `请选择${quoted}。` };
    case 'click':
    case 'navigation':
      return { title: name ? `点击${quoted}` : '点击', body: `点击${quoted}。` };
    default:
      return { title: name || '说明', body: `请看${quoted}。` };
  }
}
