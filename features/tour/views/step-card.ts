import { translateOverlay, type OverlayMessageKey } from '../../../lib/i18n/overlay-messages';
import type { Language } from '../../../lib/settings/preferences';
import type { RichNode } from '../../../components/markdown/rich';
import { renderRich } from '../../../components/markdown/rich-dom';
import { onlyTrusted } from '../../../lib/trust/user-event';

/** A line under the body: why the learner's action did not count, or a report's state. */
export interface StepNotice {
  text: string;
  kind: 'rejection' | 'hint';
  role?: 'alert' | 'status' | undefined;
}

export interface StepCardProps {
  language: Language;
  tourId: string;
  tourTitle: string;
  /** 0-based index of the step (contract: `data-zhiyin-step`). */
  stepIndex: number;
  stepCount: number;
  title?: string | undefined;
  /** The body's Markdown source (what the card compares to know the body changed). */
  body: string;
  /**
   * The body compiled at build time (features/tour/compiled.ts). Without it (a tour not made by
   * the build) the source shows as plain text: the card ships no Markdown parser.
   */
  bodyRich?: readonly RichNode[] | undefined;
  /** What the learner has to do for the step to advance on its own, if not 下一步. */
  actionHint?: string | undefined;
  /** `located`: next to its target; `centred`: no target; `missing`: target not found. */
  mode: 'located' | 'centred' | 'missing';
  /**
   * With `missing`: `ambiguous` when the step's description fits several elements (a tour bug the
   * learner cannot fix: the card must not claim nothing was found), else `not-found`.
   */
  missingKind?: 'not-found' | 'ambiguous' | undefined;
  /** Whether 下一步 advances (false when the step waits for the learner's own action). */
  nextEnabled: boolean;
  onNext(): void;
  onBack(): void;
  onSkip(): void;
  onExit(): void;
  onReport?: (() => void) | undefined;
  /** Shown under the body, e.g. "问题已记录". */
  notice?: StepNotice | null | undefined;
}

let cards = 0;

/**
 * One step of a tour: a labelled, non-modal dialog, drawn without a framework (the first card on
 * a page must not wait for React to load and start: README "Overlay"). Built once and updated in
 * place, so the same elements (and the focus on 下一步) carry over from step to step. Keys while
 * focus is in the card: Esc exits, → next, ← back. It never takes focus by itself (the learner may
 * be typing in the page); the step is announced through the live region of TourLayer. Only the
 * learner's own clicks and keys count (lib/trust/user-event.ts).
 */
export class StepCard {
  readonly element: HTMLDivElement;
  /** The arrow towards the target: in the card only while it is `located`. */
  readonly arrow: HTMLDivElement;
  private props: StepCardProps;
  private readonly tour: HTMLSpanElement;
  private readonly progress: HTMLSpanElement;
  /** "第 2 步，共 5 步" for screen readers (the visible "2 / 5" is hidden from them). */
  private readonly position: HTMLSpanElement;
  private readonly away: HTMLParagraphElement;
  private readonly close: HTMLButtonElement;
  private readonly title: HTMLHeadingElement;
  private readonly body: HTMLDivElement;
  private readonly hint: HTMLParagraphElement;
  private readonly notice: HTMLParagraphElement;
  private readonly bar: HTMLDivElement;
  private readonly actions: HTMLDivElement;
  private readonly report: HTMLButtonElement;
  private readonly skip: HTMLButtonElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  /** One short line under the buttons: the shortcut between page and card (issue 16). */
  private readonly shortcut: HTMLParagraphElement;
  /** What the body shows now (its Markdown source, or null for "target missing"), and its nodes. */
  private shownBody: {
    source: string | null;
    language: Language;
    key: OverlayMessageKey | null;
  } | null = null;
  private bodyNodes: ChildNode[] = [];

  constructor(props: StepCardProps, doc: Document = document) {
    this.props = props;
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) => {
      const element = doc.createElement(tag);
      if (className) element.className = className;
      return element;
    };
    const button = (className: string, handler: () => void) => {
      const element = make('button', className);
      element.type = 'button';
      element.addEventListener(
        'click',
        onlyTrusted(() => handler()),
      );
      return element;
    };
    const id = ++cards;

    const card = (this.element = make('div'));
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-modal', 'false');
    // Named by its title and position, described by its body and what to do (the hint): what a
    // screen reader says when focus enters the card.
    card.setAttribute('aria-labelledby', `zy-step-title-${id} zy-step-position-${id}`);
    card.setAttribute('aria-describedby', `zy-step-body-${id} zy-step-hint-${id}`);
    card.tabIndex = -1;
    card.addEventListener('keydown', onlyTrusted(this.onKeyDown));

    this.arrow = make('div', 'zy-arrow');
    this.arrow.setAttribute('aria-hidden', 'true');

    const head = make('div', 'zy-card-head');
    this.tour = make('span', 'zy-card-tour');
    this.progress = make('span', 'zy-card-progress');
    this.progress.setAttribute('aria-hidden', 'true');
    this.position = make('span', 'zy-sr-only');
    this.position.id = `zy-step-position-${id}`;
    this.close = button('zy-close', () => this.props.onExit());
    this.close.textContent = '×';
    head.append(this.tour, this.progress, this.position, this.close);

    this.title = make('h2', 'zy-card-title');
    this.title.id = `zy-step-title-${id}`;
    this.body = make('div', 'zy-card-body');
    this.body.id = `zy-step-body-${id}`;
    this.hint = make('p', 'zy-card-hint');
    this.hint.id = `zy-step-hint-${id}`;
    this.notice = make('p');
    this.away = make('p', 'zy-card-hint zy-card-away');
    this.away.setAttribute('role', 'status');

    const bar = make('div', 'zy-progress-bar');
    bar.setAttribute('aria-hidden', 'true');
    this.bar = make('div');
    bar.append(this.bar);

    this.actions = make('div', 'zy-card-actions');
    this.report = button('zy-button', () => this.props.onReport?.());
    this.skip = button('zy-button zy-button-text', () => this.props.onSkip());
    this.back = button('zy-button', () => this.props.onBack());
    this.next = button('zy-button zy-button-primary', () => this.props.onNext());
    this.actions.append(this.skip, make('span', 'zy-spacer'), this.next);

    this.shortcut = make('p', 'zy-card-shortcut');
    card.append(head, this.title, this.body, bar, this.actions, this.shortcut);
    this.update(props);
  }

  /** Shows `props`: the same elements, their texts and attributes changed where they differ. */
  update(props: StepCardProps): void {
    this.props = props;
    const t = (key: OverlayMessageKey, params?: Record<string, string | number>) =>
      translateOverlay(props.language, key, params);
    const isFirst = props.stepIndex === 0;
    const isLast = props.stepIndex === props.stepCount - 1;
    const missing = props.mode === 'missing';
    const card = this.element;

    setAttr(card, 'class', `zy-card zy-card-${props.mode}`);
    setAttr(card, 'data-zhiyin-tour', props.tourId);
    setAttr(card, 'data-zhiyin-step', String(props.stepIndex));
    if (props.mode !== 'located') this.arrow.remove();
    else if (card.firstChild !== this.arrow) card.prepend(this.arrow);

    setText(this.tour, props.tourTitle);
    setText(
      this.position,
      t('stepProgressLabel', { n: props.stepIndex + 1, total: props.stepCount }),
    );
    setText(this.progress, `${props.stepIndex + 1} / ${props.stepCount}`);
    setAttr(this.close, 'aria-label', t('tourExit'));
    setAttr(this.close, 'title', t('tourExit'));

    const ambiguous = props.missingKind === 'ambiguous';
    const missingTitle = ambiguous ? 'targetAmbiguousTitle' : 'targetMissingTitle';
    const missingBody: OverlayMessageKey | null = missing
      ? ambiguous
        ? 'targetAmbiguousBody'
        : 'targetMissingBody'
      : null;
    setText(this.title, missing ? t(missingTitle) : (props.title ?? props.tourTitle));
    const source = missing ? null : props.body;
    const shown = this.shownBody;
    if (
      !shown ||
      shown.source !== source ||
      shown.key !== missingBody ||
      (source === null && shown.language !== props.language)
    ) {
      const doc = card.ownerDocument;
      let content: DocumentFragment;
      if (source === null) {
        content = doc.createDocumentFragment();
        const paragraph = doc.createElement('p');
        paragraph.textContent = t(missingBody ?? 'targetMissingBody');
        content.append(paragraph);
      } else {
        content = props.bodyRich ? renderRich(props.bodyRich, doc) : plainText(source, doc);
      }
      for (const node of this.bodyNodes) node.remove();
      this.bodyNodes = [...content.childNodes];
      this.body.prepend(content);
      this.shownBody = { source, language: props.language, key: missingBody };
    }
    const notice = props.notice;
    if (notice) {
      setAttr(
        this.notice,
        'class',
        notice.kind === 'rejection' ? 'zy-card-rejection' : 'zy-card-hint',
      );
      setAttr(this.notice, 'role', notice.role ?? null);
      setText(this.notice, notice.text);
    }
    place(this.notice, Boolean(notice), this.body, null);
    const hint = props.actionHint && !missing ? props.actionHint : null;
    if (hint) setText(this.hint, hint);
    place(this.hint, hint !== null, this.body, notice ? this.notice : null);

    this.bar.style.width = `${((props.stepIndex + 1) / props.stepCount) * 100}%`;

    setText(this.report, t('reportProblem'));
    place(this.report, missing && Boolean(props.onReport), this.actions, this.skip);
    setText(this.skip, t('stepSkip'));
    setText(this.back, t('stepBack'));
    place(this.back, !isFirst, this.actions, this.next);
    setText(this.next, isLast ? t('stepDone') : t('stepNext'));
    this.next.disabled = !props.nextEnabled;
    setText(this.shortcut, t('cardShortcutHint'));
  }

  /** Whether focus is on one of the card's elements (or the card itself). */
  hasFocus(): boolean {
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    return active !== null && this.element.contains(active);
  }

  /**
   * Puts focus on 下一步/完成 when it is enabled, else on the card itself (a screen reader then
   * reads its name and description). Returns whether 下一步 got it.
   */
  focusPrimary(): boolean {
    if (!this.next.disabled) {
      this.next.focus({ preventScroll: true });
      return true;
    }
    this.element.focus({ preventScroll: true });
    return false;
  }

  /** Whether the focused element of the card is still usable (not a disabled or removed button). */
  focusUsable(): boolean {
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (!active || !this.element.contains(active)) return false;
    return (active as Partial<HTMLButtonElement>).disabled !== true;
  }

  /**
   * The target left the page's layout while the step is shown (a dropdown closed with Esc): the
   * card stays where it was and says it waits; it moves back when the target returns.
   */
  setTargetAway(away: boolean): void {
    if (away === this.element.hasAttribute('data-target-away')) return;
    this.element.toggleAttribute('data-target-away', away);
    setText(this.away, translateOverlay(this.props.language, 'targetAway'));
    place(this.away, away, this.body, null);
  }

  private onKeyDown = (event: KeyboardEvent) => {
    const props = this.props;
    const inButton = event.target instanceof HTMLElement && event.target.tagName === 'BUTTON';
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onExit();
    } else if (event.key === 'ArrowRight' && props.nextEnabled && !inButton) {
      props.onNext();
    } else if (event.key === 'ArrowLeft' && props.stepIndex !== 0 && !inButton) {
      props.onBack();
    }
  };
}

function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Puts `child` into `parent` before `before` (null: at the end), or takes it out. */
function place(child: Element, shown: boolean, parent: Element, before: Node | null): void {
  if (!shown) {
    child.remove();
  } else if (child.parentNode !== parent || child.nextSibling !== before) {
    parent.insertBefore(child, before);
  }
}

/** A body the build did not compile: its paragraphs as text (no Markdown parser in the card). */
function plainText(source: string, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const paragraph of source.split(/\n\s*\n/u)) {
    if (!paragraph.trim()) continue;
    const element = doc.createElement('p');
    element.textContent = paragraph.trim();
    fragment.append(element);
  }
  return fragment;
}
