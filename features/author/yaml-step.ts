/**
 * Author mode: turn a proven proposal into a ready tour step, as YAML to paste under `steps:`.
 *
 * The output is one list item (`- id: …`) in the tour file format (features/tour/schema.ts), with the
 * locator written in flow style (`target: { label: 文种 }`) as the hand-written tours are, and
 * validated against the step schema before it is returned.
 */
import { pinyin } from 'pinyin-pro';
import { Document, isMap, isSeq, visit } from 'yaml';
import type { Advance, StepInput } from '../tour/schema';
import { StepSchema, formatIssuePath } from '../tour/schema';
import type { Proposal } from './propose';
import { elementName } from './propose';
import type { Locator } from '../../lib/locate/locator';

export interface StepYamlOptions {
  /** Step id; default {@link suggestStepId}. */
  id?: string;
  title?: string;
  /** Card text (Markdown subset). Default: a sentence from the element, e.g. 请填写「标题」。 */
  body?: string;
  /** Default from the element: input for text fields, change for selects, click for buttons. */
  advance?: Advance;
}

/** Longest step id suggested, in characters (ids appear in analytics and i18n keys). */
const MAX_ID_LENGTH = 40;

/**
 * A kebab-case step id from what the locator names: the label, accessible name, text,
 * placeholder or test id. Chinese becomes toneless pinyin (`文种` → `wen-zhong`). Falls back to
 * the role, else `fallback`.
 */
export function suggestStepId(locator: Locator, fallback = 'step'): string {
  const words = displayName(locator);
  const id = words ? toKebab(words) : '';
  if (id) return id;
  return toKebab('role' in locator ? locator.role : fallback) || 'step';
}

/** The words a person reads for a locator: label, name, text, placeholder or test id. */
function displayName(locator: Locator): string {
  if ('label' in locator) return locator.label;
  if ('role' in locator) return locator.name ?? '';
  if ('text' in locator) return locator.text;
  if ('placeholder' in locator) return locator.placeholder;
  if ('testid' in locator) return locator.testid;
  return '';
}

function toKebab(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = latin
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    id = next;
  }
  return id;
}

type ElementKind = 'text-field' | 'select' | 'clickable' | 'other';

function elementKind(element: Element): ElementKind {
  const select =
    'select, [role="combobox"], .ant-select, .ant-picker, .ant-cascader, .el-select, .el-date-editor, .el-cascader';
  if (element.matches(select) || element.querySelector(select)) return 'select';
  const field = 'input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), textarea';
  if (
    element.matches(field) ||
    element.matches('.el-input, .el-textarea, .ant-input-affix-wrapper')
  )
    return 'text-field';
  if (
    element.matches(
      'button, a[href], [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"], [role="checkbox"], [role="radio"], input[type="checkbox"], input[type="radio"], summary',
    )
  )
    return 'clickable';
  return 'other';
}

/** The advance rule that fits the element a person meets at this step. */
export function suggestAdvance(element: Element): Advance {
  switch (elementKind(element)) {
    case 'text-field':
      return { on: 'input' };
    case 'select':
      return { on: 'change' };
    case 'clickable':
      return { on: 'click' };
    default:
      return { on: 'next' };
  }
}

function defaultBody(proposal: Pick<Proposal, 'locator' | 'element'>): string {
  const name = elementName(proposal.element) || displayName(proposal.locator) || '该元素';
  switch (elementKind(proposal.element)) {
    case 'text-field':
      return `请填写「${name}」。`;
    case 'select':
      return `请选择「${name}」。`;
    case 'clickable':
      return `点击「${name}」。`;
    default:
      return `请看「${name}」。`;
  }
}

/**
 * One tour step as YAML (a single `- id: …` list item). Throws a TypeError naming the field when
 * the options would make an invalid step (an id that is not kebab-case, an empty body).
 */
export function stepYaml(
  proposal: Pick<Proposal, 'locator' | 'element' | 'frame'>,
  options: StepYamlOptions = {},
): string {
  const step: StepInput = {
    id:
      options.id ??
      suggestStepId(
        { text: elementName(proposal.element) || displayName(proposal.locator) || ' ' },
        proposal.element.localName,
      ),
    target: proposal.locator,
    ...(proposal.frame ? { frame: proposal.frame } : {}),
    ...(options.title ? { title: options.title } : {}),
    body: options.body ?? defaultBody(proposal),
    advance: options.advance ?? suggestAdvance(proposal.element),
  };
  const checked = StepSchema.safeParse(step);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(
      `invalid step: ${issue ? `${formatIssuePath(issue.path)}: ${issue.message}` : 'unknown'}`,
    );
  }
  const doc = new Document([step]);
  // Locators and the advance rule read best on one line, as in the hand-written tours; the css
  // array of a CSS locator stays a block so each selector's note is easy to edit.
  visit(doc, {
    Pair(_, pair) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (
        (key === 'target' || key === 'advance' || key === 'within') &&
        isMap(pair.value) &&
        !pair.value.has('css')
      ) {
        pair.value.flow = true;
      }
      if (key === 'frame' && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item) && !item.has('css')) item.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
