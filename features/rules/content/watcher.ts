/**
 * Content-script side of the rules: notices the user actions tip rules react to and reports them
 * as {@link RuleAction}s. It only listens: the host page's DOM is never changed, no event is
 * cancelled, and nothing copied leaves this function (only which kinds of personal data it held).
 *
 * Everything (listeners, observer, timer) hangs off `options.signal`.
 *
 * | action      | noticed when                                                                   |
 * | ----------- | ------------------------------------------------------------------------------ |
 * | `page-open` | at start and on every URL change (history, hash, `wxt:locationchange`), with the markers visible then |
 * | `marker`    | a marker for this URL becomes visible later (403 result, 密码修改成功)          |
 * | `export`    | click on a button/link named 导出 / 下载 / Export / Download, or on `a[download]` (templates excluded), with the kinds of personal data in the tables it belongs to |
 * | `submit`    | click on a button named 提交 / 提交审批 / 提交审核 / 确认提交                      |
 * | `copy`      | `copy` of a selection inside a table whose text holds ID card or mobile numbers |
 *
 * Copies and clicks the content script noticed before this bundle was loaded come in as
 * `options.initial` and are classified the same way.
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import { resolveTarget } from '../../../lib/locate/resolve';
import { normalizeText } from '../../../lib/locate/text';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import { scrubPersonalData } from '../../../lib/privacy/personal-data';
import type { PersonalDataKind, RuleAction } from '../engine';
import type { Marker } from '../schema';
import { globList } from '../helpers';
import { matchAnyUrlGlob } from '../../tour/match';
import type { PendingAction } from './triggers';

export interface WatchRuleActionsOptions {
  /** Stops everything the watcher installed. */
  signal: AbortSignal;
  /**
   * Markers of the rules in force, or a function read at each check when the rules can change
   * while the page runs (a content pack applied: ./controller.ts `setRules`).
   */
  markers: readonly Marker[] | (() => readonly Marker[]);
  /** Called for each action, with the page URL at that moment. */
  onAction: (action: RuleAction, url: string) => void;
  /** Visibility rule for markers; DOM tests pass `{ layout: false }`. */
  visibility?: VisibilityOptions;
  /** Delay that coalesces bursts of DOM changes before markers are re-checked. Default 150 ms. */
  settleMs?: number;
  /**
   * Actions the content script noticed before this watcher was loaded (features/rules/content/
   * triggers.ts), classified and reported right after the page-open, in order.
   */
  initial?: readonly PendingAction[];
}

const CONTROL = 'button, a[href], a[download], [role="button"], [role="link"], [role="menuitem"]';
const EXPORT_NAME = /导出|下载|export|download/iu;
// Blank templates hold no one's data: warning about them would teach people to ignore the tip.
const TEMPLATE_NAME = /模板|template/iu;
const SUBMIT_NAMES = new Set(['提交', '提交审批', '提交审核', '确认提交']);
const TABLE = 'table, [role="table"], [role="grid"], [role="treegrid"]';

/** The accessible name of a control, whitespace-normalised. */
function controlName(element: Element): string {
  return normalizeText(computeAccessibleName(element));
}

/** What a click on `target` means for the rules, if anything. */
export function classifyClick(target: EventTarget | null): RuleAction | undefined {
  if (!target || !(target as Node).nodeType) return undefined;
  const start =
    (target as Node).nodeType === 1 ? (target as Element) : (target as Node).parentElement;
  const control = start?.closest(CONTROL);
  if (!control) return undefined;
  if (control.matches(':disabled, [aria-disabled="true"]')) return undefined;
  const name = controlName(control);
  // antd puts a space between the two characters of two-character button labels (提 交).
  const compact = name.replace(/\s+/gu, '');
  if (SUBMIT_NAMES.has(compact)) return { kind: 'submit', name: compact };
  const isDownloadLink = control.matches('a[download]');
  if ((isDownloadLink || EXPORT_NAME.test(name)) && !TEMPLATE_NAME.test(name)) {
    const download = isDownloadLink ? (control.getAttribute('download') ?? '') : '';
    if (TEMPLATE_NAME.test(download)) return undefined;
    return {
      kind: 'export',
      name: name || download,
      personalData: personalDataIn(tableTextNear(control)),
    };
  }
  return undefined;
}

/** At most this much table text is read on an export click (a huge grid is sampled, not copied). */
const TABLE_TEXT_LIMIT = 200_000;

/**
 * Text of the tables an export control belongs to: the tables inside the nearest ancestor of the
 * control that holds any (a toolbar button and its table share a card); for a control in a
 * floating menu (antd renders dropdowns at the end of body) that ancestor is the body, so every
 * table of the page. Only read to find which kinds of personal data are there; never sent.
 */
export function tableTextNear(control: Element): string {
  for (let scope: Element | null = control.parentElement; scope; scope = scope.parentElement) {
    const tables = scope.querySelectorAll(TABLE);
    if (tables.length === 0) continue;
    // Text nodes joined by spaces: cells' textContent would run numbers together.
    const parts: string[] = [];
    let length = 0;
    for (const table of tables) {
      const walker = control.ownerDocument.createTreeWalker(table, 4 /* NodeFilter.SHOW_TEXT */);
      for (
        let node = walker.nextNode();
        node && length < TABLE_TEXT_LIMIT;
        node = walker.nextNode()
      ) {
        const value = node.nodeValue ?? '';
        parts.push(value);
        length += value.length + 1;
      }
      if (length >= TABLE_TEXT_LIMIT) break;
    }
    return parts.join(' ');
  }
  return '';
}

/** Kinds of personal data in a text (ID card numbers, mobile numbers), via the report scrubber. */
export function personalDataIn(text: string): PersonalDataKind[] {
  const { counts } = scrubPersonalData(text);
  const kinds: PersonalDataKind[] = [];
  if (counts.idCard) kinds.push('idCard');
  if (counts.mobile) kinds.push('mobile');
  return kinds;
}

/** A copy action when the selection is in (or spans) a table and holds personal data. */
export function classifyCopy(
  selection: Pick<Selection, 'rangeCount' | 'isCollapsed' | 'getRangeAt' | 'toString'> | null,
): RuleAction | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  const element = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!element) return undefined;
  // Inside one table, or a selection that starts outside and runs through a table.
  const inTable =
    element.closest(TABLE) !== null ||
    [...element.querySelectorAll(TABLE)].some((table) => range.intersectsNode(table));
  if (!inTable) return undefined;
  const kinds = personalDataIn(selection.toString());
  return kinds.length > 0 ? { kind: 'copy', personalData: kinds } : undefined;
}

/** Ids of the markers for `url` that are visible in `doc` now. */
export function visibleMarkers(
  markers: readonly Marker[],
  doc: Document,
  url: string,
  visibility: VisibilityOptions = {},
): string[] {
  return markers
    .filter((marker) => {
      const globs = globList(marker.url) ?? [];
      try {
        if (!matchAnyUrlGlob(globs, url)) return false;
      } catch {
        return false;
      }
      const outcome = resolveTarget(marker.present, doc, visibility);
      return outcome.kind === 'found' || outcome.kind === 'ambiguous';
    })
    .map((marker) => marker.id);
}

/** What a running watcher offers its owner. */
export interface RuleActionsWatch {
  /**
   * Look for markers now (the markers changed): one that is visible and was not before is
   * reported as a `marker` action, as if it had just appeared.
   */
  recheckMarkers(): void;
}

/**
 * Start watching `win`'s document for rule actions. Abort `options.signal` to stop (every
 * listener, the observer and the pending timer are removed).
 */
export function watchRuleActions(
  win: Window & typeof globalThis,
  options: WatchRuleActionsOptions,
): RuleActionsWatch {
  const { signal } = options;
  const markers = (): readonly Marker[] =>
    typeof options.markers === 'function' ? options.markers() : options.markers;
  if (signal.aborted) return { recheckMarkers: () => undefined };
  const doc = win.document;
  const listen = { capture: true, passive: true, signal } as const;
  let url = win.location.href;
  let visible = new Set<string>();

  const emit = (action: RuleAction): void => options.onAction(action, win.location.href);

  const pageOpened = (): void => {
    url = win.location.href;
    visible = new Set(visibleMarkers(markers(), doc, url, options.visibility));
    emit({ kind: 'page-open', markers: [...visible] });
  };

  const recheckMarkers = (): void => {
    if (win.location.href !== url) {
      pageOpened();
      return;
    }
    const now = new Set(visibleMarkers(markers(), doc, url, options.visibility));
    for (const marker of now) if (!visible.has(marker)) emit({ kind: 'marker', marker });
    visible = now;
  };

  // Clicks are read in the capture phase so a handler that stops propagation cannot hide them;
  // passive, and nothing is prevented.
  doc.addEventListener(
    'click',
    (event) => {
      const action = classifyClick(event.target);
      if (action) emit(action);
    },
    listen,
  );
  doc.addEventListener(
    'copy',
    () => {
      const action = classifyCopy(win.getSelection());
      if (action) emit(action);
    },
    listen,
  );

  const onLocation = (): void => {
    if (win.location.href !== url) pageOpened();
  };
  win.addEventListener('hashchange', onLocation, { signal });
  win.addEventListener('popstate', onLocation, { signal });
  win.addEventListener('wxt:locationchange', onLocation, { signal });

  let timer: number | undefined;
  const settleMs = options.settleMs ?? 150;
  const observer = new win.MutationObserver(() => {
    if (timer !== undefined || markers().length === 0) return;
    timer = win.setTimeout(() => {
      timer = undefined;
      recheckMarkers();
    }, settleMs);
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'],
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
    },
    { once: true },
  );

  pageOpened();

  for (const pending of options.initial ?? []) {
    const action =
      pending.kind === 'click'
        ? classifyClick(pending.target)
        : classifyCopy({
            rangeCount: 1,
            isCollapsed: pending.range.collapsed,
            getRangeAt: () => pending.range,
            toString: () => pending.text,
          });
    if (action) emit(action);
  }
  return {
    recheckMarkers: () => {
      if (!signal.aborted) recheckMarkers();
    },
  };
}
