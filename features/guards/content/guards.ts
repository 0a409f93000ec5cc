/**
 * Field guards in the page: find each guard's field with the locator engine, watch what the learner
 * types or picks, run the check and report a hint for the overlay to draw next to the field
 * (features/guards/views/GuardHintLayer.tsx). Never blocking: nothing is cancelled, nothing in the host
 * DOM is changed, file contents are never read (only name, size and type of a chosen file).
 *
 * Lifecycle: a guard waits for its field (it may render later, e.g. step 2 of a form); when the
 * field leaves the DOM its hint is withdrawn and the guard waits again. Everything hangs off the
 * AbortSignal passed in.
 */
import { readFieldValue, watchFieldValue } from '../../../lib/locate/field-value';
import { resolveTarget } from '../../../lib/locate/resolve';
import type { VisibilityOptions } from '../../../lib/locate/visibility';
import { waitForTarget } from '../../../lib/locate/wait';
import type { Guard, GuardCheck } from '../../rules/schema';
import { addInterval, globList, parseSize } from '../../rules/helpers';
import { matchAnyUrlGlob } from '../../tour/match';
import { checkAttachment, formatFileSize } from '../../../lib/validators/attachment';
import { describeDeadline } from '../../../lib/validators/deadline';
import { runValidator } from '../../../lib/validators';
import { checkPassword } from '../../../lib/validators/password';
import type { ReportValues } from '../../../lib/validators/report-rules';
import { checkReport } from '../../../lib/validators/report-rules';
import { rulesText } from '../../rules/i18n';
import type { Language } from '../../../lib/settings/preferences';

/** What the overlay shows next to a field. */
export interface GuardHint {
  guardId: string;
  /** The host element the hint is anchored to (never modified). */
  anchor: Element;
  /** `ok`: passes; `info`: passes with a remark (or a countdown); `warning`: fails the check. */
  level: 'ok' | 'info' | 'warning';
  /** Simplified Chinese (validators' own messages). */
  messages: string[];
  /** The guard's `note`, shown under the messages when the check fails. */
  note?: string;
}

export interface AttachGuardsOptions {
  signal: AbortSignal;
  /** A hint appeared or changed (`hint`), or was withdrawn (`null`). */
  onHint: (guardId: string, hint: GuardHint | null) => void;
  /** Injected clock for deadlines. Default Date.now. */
  now?: () => number;
  /** How often the deadline countdown refreshes. Default 30 s. */
  deadlineRefreshMs?: number;
  visibility?: VisibilityOptions;
  /** The learner's language, read at each check (messages follow a change). Default Chinese. */
  language?: () => Language;
}

/**
 * "Now" as the host page sees it: the browser clock plus the offset the page keeps in its
 * localStorage under `pageClock.offsetKey` (read on every call: the page may move it any time).
 * A missing, unreadable or non-numeric offset counts as 0. Without `pageClock`: the browser clock.
 */
export function pageClockNow(
  doc: Document,
  pageClock: { offsetKey: string } | undefined,
): () => number {
  if (!pageClock) return Date.now;
  return () => {
    let offset = 0;
    try {
      const raw = doc.defaultView?.localStorage.getItem(pageClock.offsetKey);
      const value = raw == null ? 0 : Number(raw);
      offset = Number.isFinite(value) ? value : 0;
    } catch {
      // Storage blocked (sandboxed or opaque origin): the browser clock.
    }
    return Date.now() + offset;
  };
}

/** The guards that run on `url` by themselves (their `pages` match). */
export function guardsForPage(guards: readonly Guard[], url: string): Guard[] {
  return guards.filter((guard) => {
    const globs = globList(guard.pages);
    if (!globs) return false;
    try {
      return matchAnyUrlGlob(globs, url);
    } catch {
      return false;
    }
  });
}

/** Attach several guards (e.g. {@link guardsForPage}, or the one a tour step names). */
export function attachGuards(
  guards: readonly Guard[],
  doc: Document,
  options: AttachGuardsOptions,
): void {
  for (const guard of guards) attachGuard(guard, doc, options);
}

/**
 * Attach one guard: wait for its field, run the check on every change, report hints, re-attach when
 * the field is re-rendered. Stops when `options.signal` aborts (the last hint is withdrawn).
 */
export function attachGuard(guard: Guard, doc: Document, options: AttachGuardsOptions): void {
  const { signal } = options;
  if (signal.aborted) return;
  const view = doc.defaultView;
  if (!view) return;
  let shown = false;
  const report = (given: GuardHint | null): void => {
    if (signal.aborted) return;
    // A hint about a field that has left the page would float at the page's corner.
    const hint = given && !given.anchor.isConnected ? null : given;
    if (hint === null && !shown) return;
    shown = hint !== null;
    options.onHint(guard.id, hint);
  };
  signal.addEventListener('abort', () => shown && options.onHint(guard.id, null), { once: true });

  const attachTo = (element: Element): void => {
    const fieldScope = new AbortController();
    const stop = (): void => fieldScope.abort();
    signal.addEventListener('abort', stop, { once: true });
    // The field left the page (a form step changed, a dialog closed): withdraw, wait again.
    const observer = new view.MutationObserver(() => {
      if (element.isConnected) {
        // A form reset by script (antd resetFields) empties the field without an input event:
        // a hint about the old value must not stay.
        const typed = guard.check.kind === 'validator' || guard.check.kind === 'password';
        if (typed && shown && (readFieldValue(element) ?? '').trim() === '') report(null);
        return;
      }
      observer.disconnect();
      signal.removeEventListener('abort', stop);
      stop();
      report(null);
      void waitAndAttach();
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    fieldScope.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    runCheck(guard, element, doc, report, { ...options, signal: fieldScope.signal });
  };

  const waitAndAttach = async (): Promise<void> => {
    const outcome = await waitForTarget(guard.field, doc, {
      timeoutMs: Infinity,
      signal,
      ...options.visibility,
    });
    if (outcome.kind === 'found') attachTo(outcome.element);
    else if (outcome.kind === 'ambiguous' && outcome.elements[0]) attachTo(outcome.elements[0]);
    // invalid-locator / cross-origin-frame: a rules bug the build cannot see; nothing to attach.
  };
  void waitAndAttach();
}

function runCheck(
  guard: Guard,
  element: Element,
  doc: Document,
  report: (hint: GuardHint | null) => void,
  options: AttachGuardsOptions,
): void {
  const check: GuardCheck = guard.check;
  const language = (): Language => options.language?.() ?? 'zh_CN';
  const hint = (level: GuardHint['level'], messages: string[]): GuardHint => ({
    guardId: guard.id,
    anchor: element,
    level,
    messages,
    ...(guard.note !== undefined && level === 'warning' ? { note: guard.note } : {}),
  });

  switch (check.kind) {
    case 'validator':
    case 'password': {
      const evaluate = (value: string): GuardHint | null => {
        if (value.trim() === '') return null;
        if (check.kind === 'password') {
          const result = checkPassword(value, check.policy, { language: language() });
          return result.ok
            ? hint('ok', [])
            : hint(
                'warning',
                result.problems.map((problem) => problem.message),
              );
        }
        const outcome = runValidator(check.validator, value, language());
        if (!outcome) return null;
        if (!outcome.ok) return hint('warning', outcome.messages);
        return outcome.warnings.length > 0 ? hint('info', outcome.warnings) : hint('ok', []);
      };
      let warning = false;
      watchFieldValue(
        element,
        (value, kind) => {
          // While typing, only clear or update a warning already shown: half a code is not an error.
          if (kind === 'input' && !warning) {
            const next = evaluate(value);
            if (next === null || next.level !== 'warning') report(next);
            return;
          }
          const next = evaluate(value);
          warning = next?.level === 'warning';
          report(next);
        },
        { signal: options.signal },
      );
      const initial = readFieldValue(element);
      if (initial) {
        const next = evaluate(initial);
        warning = next?.level === 'warning';
        report(next);
      }
      return;
    }
    case 'attachment': {
      const container = element.closest('.ant-form-item, .el-form-item') ?? element;
      const policy = {
        ...(check.extensions ? { extensions: check.extensions } : {}),
        ...(check.maxSize ? { maxBytes: parseSize(check.maxSize) } : {}),
      };
      container.addEventListener(
        'change',
        (event) => {
          const input = event.target;
          if (!(input instanceof (doc.defaultView ?? window).HTMLInputElement)) return;
          if (input.type !== 'file' || !input.files) return;
          // Metadata only (name, size, type): the file's contents are never read.
          const files = [...input.files];
          if (files.length === 0) return;
          const problems = files.flatMap(
            (file) =>
              checkAttachment({ name: file.name, size: file.size, type: file.type }, policy, {
                language: language(),
              }).problems,
          );
          report(
            problems.length > 0
              ? hint(
                  'warning',
                  problems.map((problem) => problem.message),
                )
              : hint(
                  'ok',
                  files.map((file) =>
                    rulesText(language(), 'guardAttachmentOk', {
                      name: file.name,
                      size: formatFileSize(file.size),
                    }),
                  ),
                ),
          );
        },
        { capture: true, signal: options.signal },
      );
      return;
    }
    case 'deadline': {
      const now = options.now ?? pageClockNow(doc, check.pageClock);
      const soonWithinMs =
        check.soonWithin === undefined ? undefined : addInterval(0, check.soonWithin);
      const refresh = (): void => {
        const deadline = parseDeadline(element.textContent ?? '');
        if (deadline === undefined) {
          report(null);
          return;
        }
        const status = describeDeadline(
          deadline,
          now(),
          soonWithinMs === undefined
            ? { language: language() }
            : { soonWithinMs, language: language() },
        );
        report(
          hint(status.urgency === 'normal' ? 'info' : 'warning', [
            status.overdue ? rulesText(language(), 'guardDeadlineOverdue') : status.text,
          ]),
        );
      };
      const view = doc.defaultView;
      if (!view) return;
      const timer = view.setInterval(refresh, options.deadlineRefreshMs ?? 30_000);
      // The page moved its clock (the sim's simClock.advance / set / reset): recount at once.
      if (check.pageClock?.changeEvent)
        view.addEventListener(check.pageClock.changeEvent, refresh, { signal: options.signal });
      const observer = new view.MutationObserver(refresh);
      observer.observe(element, { subtree: true, childList: true, characterData: true });
      options.signal.addEventListener(
        'abort',
        () => {
          view.clearInterval(timer);
          observer.disconnect();
        },
        { once: true },
      );
      refresh();
      return;
    }
    case 'report': {
      const fields = new Map<string, Element>();
      const evaluate = (): void => {
        const values: ReportValues = {};
        for (const [id, input] of fields) values[id] = parseNumber(readFieldValue(input));
        const violations = checkReport(
          values,
          check.rules,
          check.labels ? { labels: check.labels } : {},
        );
        if (violations.length > 0) {
          report(
            hint(
              'warning',
              violations.map((violation) => violation.message),
            ),
          );
          return;
        }
        const complete = Object.keys(check.fields).every((id) => values[id] !== undefined);
        report(complete ? hint('ok', ['数据范围与逻辑关系校验通过']) : null);
      };
      for (const [id, target] of Object.entries(check.fields)) {
        const outcome = resolveTarget(target, element, options.visibility);
        if (outcome.kind !== 'found') continue;
        fields.set(id, outcome.element);
        watchFieldValue(outcome.element, evaluate, { signal: options.signal });
      }
      evaluate();
      return;
    }
  }
}

/** A number typed into a field (`1,234.5` too); `undefined` when empty, NaN when not a number. */
export function parseNumber(value: string | undefined): number | undefined {
  const text = (value ?? '').replace(/[,，\s]/gu, '');
  if (text === '') return undefined;
  return Number(text);
}

/**
 * The first date-time in `text`, read as China Standard Time: `2026年12月10日 18:00`,
 * `2026-12-10 18:00`, `2026/12/10 18:00:00`, or a date alone (end of that day is not assumed: 00:00).
 */
export function parseDeadline(text: string): number | undefined {
  const match =
    /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/u.exec(
      text,
    );
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const at = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0) - 8,
    Number(mi ?? 0),
    Number(s ?? 0),
  );
  return Number.isFinite(at) ? at : undefined;
}
