/**
 * Driving the report outbox from `chrome.alarms` (the background wires this; the outbox keeps no
 * timers; timing, alarm and run guard come from lib/platform/outbox):
 *
 *   // background, top level — on every worker start, and so after a browser restart:
 *   void runReportOutbox(outbox, browser.alarms);
 *   browser.alarms.onAlarm.addListener((alarm) => {
 *     if (alarm.name === REPORT_OUTBOX_ALARM) void runReportOutbox(outbox, browser.alarms);
 *   });
 *   // after outbox.add(), outbox.retry(), and when the report endpoint policy changes:
 *   void runReportOutbox(outbox, browser.alarms);
 */
import { armAlarm, deliverAndArm, joinRun, type OutboxAlarms } from '../../../lib/platform/outbox';
import type { DeliveryRun, ReportOutbox } from './outbox';

export const REPORT_OUTBOX_ALARM = 'zhiyin:report-outbox';

/** Sets (or clears) the outbox alarm for the outbox's next wake time. */
export async function scheduleReportOutbox(
  outbox: Pick<ReportOutbox, 'nextWakeAt'>,
  alarms: OutboxAlarms,
): Promise<number | null> {
  return armAlarm(alarms, REPORT_OUTBOX_ALARM, await outbox.nextWakeAt());
}

/**
 * Delivers what is due and sets the next alarm. Calls made while a run of the same outbox is under
 * way in this worker join it (the outbox's leases would keep a second run from double-sending
 * anyway, but it would only find leased reports), then schedule again.
 */
export function runReportOutbox(
  outbox: Pick<ReportOutbox, 'deliverDue' | 'nextWakeAt'>,
  alarms: OutboxAlarms,
  now: () => number = Date.now,
): Promise<DeliveryRun> {
  return deliverAndArm(
    {
      deliver: () => joinRun(outbox, () => outbox.deliverDue(now())),
      nextWakeAt: () => outbox.nextWakeAt(),
    },
    alarms,
    REPORT_OUTBOX_ALARM,
  );
}
