/**
 * Driving the outbox from `chrome.alarms` (the background wires this; the library keeps no timers).
 *
 *   // background, top level — on every worker start, and so after a browser restart:
 *   void runReportOutbox(outbox, browser.alarms);
 *   browser.alarms.onAlarm.addListener((alarm) => {
 *     if (alarm.name === REPORT_OUTBOX_ALARM) void runReportOutbox(outbox, browser.alarms);
 *   });
 *   // after outbox.add(), outbox.retry(), and when the report endpoint policy changes:
 *   void runReportOutbox(outbox, browser.alarms);
 *
 * Chrome delays alarms to at least 30 s from now in packed extensions; a wake time in the past
 * fires as soon as allowed. The alarm only wakes the worker: the outbox's state is in IndexedDB.
 */
import type { DeliveryRun, ReportOutbox } from './outbox';

export const REPORT_OUTBOX_ALARM = 'zhiyin:report-outbox';

/** The part of `chrome.alarms` / `browser.alarms` this needs. */
export interface AlarmsLike {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/** Sets (or clears) the outbox alarm for the outbox's next wake time. */
export async function scheduleReportOutbox(
  outbox: Pick<ReportOutbox, 'nextWakeAt'>,
  alarms: AlarmsLike,
): Promise<number | null> {
  const when = await outbox.nextWakeAt();
  if (when === null) await alarms.clear(REPORT_OUTBOX_ALARM);
  else await alarms.create(REPORT_OUTBOX_ALARM, { when });
  return when;
}

const runs = new WeakMap<object, Promise<DeliveryRun>>();

/**
 * Delivers what is due and sets the next alarm. Calls made while a run of the same outbox is under
 * way in this worker join it (the outbox's leases would keep a second run from double-sending
 * anyway, but it would only find leased reports), then schedule again.
 */
export async function runReportOutbox(
  outbox: Pick<ReportOutbox, 'deliverDue' | 'nextWakeAt'>,
  alarms: AlarmsLike,
  now: () => number = Date.now,
): Promise<DeliveryRun> {
  let running = runs.get(outbox);
  if (!running) {
    running = outbox.deliverDue(now()).finally(() => runs.delete(outbox));
    runs.set(outbox, running);
  }
  const run = await running;
  await scheduleReportOutbox(outbox, alarms);
  return run;
}
