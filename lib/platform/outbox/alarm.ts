/**
 * An outbox keeps no timers: a `chrome.alarms` alarm wakes the service worker when the earliest
 * item is due (all state is in IndexedDB). Chrome delays alarms to at least 30 s from now in packed
 * extensions; a wake time in the past fires as soon as allowed.
 */

/** The part of `chrome.alarms` / `browser.alarms` an outbox needs. */
export interface OutboxAlarms {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/** Arms alarm `name` for `when` (epoch ms), or clears it when nothing is due (`null`). */
export async function armAlarm(
  alarms: OutboxAlarms,
  name: string,
  when: number | null,
): Promise<number | null> {
  if (when === null) await alarms.clear(name);
  else await alarms.create(name, { when });
  return when;
}
