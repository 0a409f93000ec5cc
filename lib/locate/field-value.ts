/**
 * The value a person sees in a form field, for `input` and `change` step advances. Native controls
 * have `.value`; component-library selects do not fire native change events and keep their value
 * in rendered text, so both are read here, and {@link watchFieldValue} reports changes of either.
 */
import { normalizeText } from './text';
import { isTrustedUserEvent } from '../trust/user-event';

const NATIVE_CONTROL = 'input:not([type="hidden"]), textarea, select';

/** Libraries' rendered select values: [select root, selected-value element]. */
const RENDERED_SELECTS = [
  // Ant Design 6 renders the value in .ant-select-content (title = label); 4–5 in .ant-select-selection-item.
  { root: '.ant-select', value: '.ant-select-content-has-value, .ant-select-selection-item' },
  // Element Plus: the value shares the placeholder's element, minus `is-transparent`.
  {
    root: '.el-select',
    value: '.el-select__selected-item.el-select__placeholder:not(.is-transparent)',
  },
] as const;

/**
 * Multiple selects and cascaders show their values as tags; the inner input stays empty.
 * [widget root, one tag's label].
 */
const TAGGED_VALUES = [
  { root: '.el-cascader', tag: '.el-cascader__tags .el-tag__content' },
  { root: '.el-select', tag: '.el-select__selection .el-tag__content' },
  {
    root: '.ant-select, .ant-cascader',
    tag: '.ant-select-selection-overflow-item:not(.ant-select-selection-overflow-item-suffix) .ant-select-selection-item',
  },
] as const;

/** The tags' labels joined with 、, or undefined when `element` is no tagged widget or has none. */
function readTags(element: Element): string | undefined {
  for (const tagged of TAGGED_VALUES) {
    const root = element.closest(tagged.root) ?? element.querySelector(tagged.root);
    if (!root) continue;
    const labels = [...root.querySelectorAll(tagged.tag)]
      .map((tag) => normalizeText(tag.getAttribute('title') ?? tag.textContent ?? ''))
      .filter(Boolean);
    if (labels.length > 0) return labels.join('、');
  }
  return undefined;
}

/**
 * A layui checkbox, switch or radio skin (a `.layui-unselect` div drawn right after the hidden
 * input, toggling classes and the input's `checked` without any event), or a block of radios (a
 * layui radio group): the checked input's value, `''` when none is; undefined for anything else.
 */
function readChecked(element: Element): string | undefined {
  const skin = element.closest('.layui-unselect');
  const inputs = skin
    ? [skin.previousElementSibling]
    : [...element.querySelectorAll(':scope > input[type="radio"]')];
  const checks = inputs.filter((input): input is HTMLInputElement =>
    Boolean(input?.matches('input[type="checkbox"], input[type="radio"]')),
  );
  return checks.length > 0 ? (checks.find((input) => input.checked)?.value ?? '') : undefined;
}

function isNativeControl(
  element: Element,
): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  return element.matches(NATIVE_CONTROL);
}

/**
 * The current value of the field `element` is (or wraps): a native control's value, a component
 * select's displayed label (`''` when nothing is selected), or `undefined` when `element` is not a
 * field.
 */
export function readFieldValue(element: Element): string | undefined {
  if (isNativeControl(element)) return element.value;
  const checked = readChecked(element);
  if (checked !== undefined) return checked;
  const tags = readTags(element);
  if (tags !== undefined) return tags;
  for (const select of RENDERED_SELECTS) {
    const root = element.closest(select.root) ?? element.querySelector(select.root);
    if (!root) continue;
    const value = root.querySelector(select.value);
    return value ? normalizeText(value.getAttribute('title') ?? value.textContent ?? '') : '';
  }
  const inner = element.querySelector(NATIVE_CONTROL);
  return inner && isNativeControl(inner) ? inner.value : undefined;
}

/** Events that show the learner working the field (a click, a key, focus, typing). */
const INTERACTION_EVENTS = ['pointerdown', 'mousedown', 'keydown', 'focusin', 'input'] as const;

/**
 * Call `onChange(value, kind)` whenever the field's value changes: `input` for typing into a text
 * control, `change` for a committed change (native change event, or a component select showing a
 * new label). Listens to input/change events and a MutationObserver on the field; everything is
 * removed when `signal` aborts.
 *
 * The value the field holds when watching starts is never reported (a pre-filled value is not
 * the learner's entry). With `freshOnly` (exams) a component select's rendered value counts only
 * once the learner has worked the field (clicked, typed, focused it) since watching began: the
 * page filling in or restoring a value on its own is not the learner's doing.
 *
 * With `learnerOnly` (a step that advances on the learner's action, issue 10) only trusted events
 * count, as work on the field and as input or change, and a component select's rendered value
 * counts only once the learner has worked the field, as in an exam: a page script that sets a
 * value and dispatches `input`/`change` is not the learner. Field guards leave it off: they check
 * whatever the field holds, whoever put it there.
 */
export function watchFieldValue(
  element: Element,
  onChange: (value: string, kind: 'input' | 'change') => void,
  options: { signal: AbortSignal; freshOnly?: boolean; learnerOnly?: boolean },
): void {
  const view = element.ownerDocument.defaultView;
  if (!view || options.signal.aborted) return;
  let last = readFieldValue(element);
  const learnerOnly = options.learnerOnly === true;
  const counts = (event: Event): boolean => !learnerOnly || isTrustedUserEvent(event);
  let touched = !options.freshOnly && !learnerOnly;
  const report = (kind: 'input' | 'change'): void => {
    const value = readFieldValue(element);
    if (value === undefined || value === last) return;
    if (!touched) {
      // Rendered by the page, not entered: this is the value the learner starts from.
      last = value;
      return;
    }
    last = value;
    onChange(value, kind);
  };
  const onInteraction = (event: Event): void => {
    if (counts(event)) touched = true;
  };
  const onInput = (event: Event): void => {
    if (counts(event)) report('input');
  };
  const commit = (): void => {
    // A commit after typing holds the same value: still report it as a change.
    const value = readFieldValue(element);
    if (value !== undefined) {
      touched = true;
      last = value;
      onChange(value, 'change');
    }
  };
  const onNativeChange = (event: Event): void => {
    if (counts(event)) commit();
  };
  // Enter in a one-line field commits what was typed (a search box's 查询, a form's submit) before
  // the page reacts to it, with no change event until the field loses focus. Not the Enter that
  // picks an input-method candidate (pinyin), nor a new line in a text area.
  const onKeyDown = (event: Event): void => {
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter' || key.isComposing || key.keyCode === 229 || !counts(event)) return;
    const target = event.target as Element | null;
    if (target && (target.localName === 'textarea' || (target as HTMLElement).isContentEditable))
      return;
    commit();
  };
  // Pickers of jQuery-era libraries (layui's laydate, jQuery UI's datepicker) write `.value` from
  // their own popup: no native event (jQuery's trigger('change') runs jQuery handlers only) and no
  // mutation. Once the learner has worked the field, each of their clicks and keys elsewhere on
  // the page re-reads the value, after the picker's own handler has written it.
  const onElsewhere = (event: Event): void => {
    if (touched && counts(event)) view.setTimeout(() => options.signal.aborted || report('change'));
  };
  for (const type of INTERACTION_EVENTS) element.addEventListener(type, onInteraction, true);
  element.addEventListener('input', onInput, true);
  element.addEventListener('change', onNativeChange, true);
  element.addEventListener('keydown', onKeyDown, true);
  for (const type of ['click', 'keyup'])
    element.ownerDocument.addEventListener(type, onElsewhere, {
      capture: true,
      signal: options.signal,
    });
  const observer = new view.MutationObserver(() => report('change'));
  observer.observe(element, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['title', 'class'],
  });
  options.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const type of INTERACTION_EVENTS) element.removeEventListener(type, onInteraction, true);
      element.removeEventListener('input', onInput, true);
      element.removeEventListener('change', onNativeChange, true);
      element.removeEventListener('keydown', onKeyDown, true);
    },
    { once: true },
  );
}

/** Typing pauses this long before an entry is reported (a step's value is checked on it). */
export const INPUT_SETTLE_MS = 300;

/**
 * What a step that advances on `input` or `change` hears from its field: the learner's entry,
 * once it is complete. Typing is reported when it has paused for {@link INPUT_SETTLE_MS} (with
 * `typing: true`; only for `input` steps), a committed change (native change, Enter, a component
 * select's new label) at once, and a commit cancels the typing report it follows. Built on
 * {@link watchFieldValue} with `learnerOnly`: only the learner's own events count.
 */
export function watchFieldEntry(
  element: Element,
  on: 'input' | 'change',
  onEntry: (value: string, typing: boolean) => void,
  options: { signal: AbortSignal; freshOnly?: boolean },
): void {
  const view = element.ownerDocument.defaultView;
  let timer: number | undefined;
  const cancel = () => {
    if (timer !== undefined) view?.clearTimeout(timer);
    timer = undefined;
  };
  watchFieldValue(
    element,
    (value, how) => {
      cancel();
      if (on === 'change' && how === 'input') return;
      if (how === 'input') timer = view?.setTimeout(() => onEntry(value, true), INPUT_SETTLE_MS);
      else onEntry(value, false);
    },
    { signal: options.signal, freshOnly: options.freshOnly === true, learnerOnly: true },
  );
  options.signal.addEventListener('abort', cancel, { once: true });
}
