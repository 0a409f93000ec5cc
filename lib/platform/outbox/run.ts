/**
 * Delivery runs of an outbox: at most one in flight per outbox in this worker, and the alarm armed
 * for the next wake time after each.
 */
import { armAlarm, type OutboxAlarms } from './alarm';

/**
 * At most one run in flight: a call made while one is under way joins it (gets its result) instead
 * of starting a second one that would send the same items again.
 */
export class SingleFlight<T> {
  #running: Promise<T> | null = null;

  /** Whether a run is under way. */
  get busy(): boolean {
    return this.#running !== null;
  }

  run(start: () => Promise<T>): Promise<T> {
    if (!this.#running) {
      const running = (async () => start())().finally(() => {
        if (this.#running === running) this.#running = null;
      });
      this.#running = running;
    }
    return this.#running;
  }
}

const flights = new WeakMap<object, SingleFlight<unknown>>();

/** {@link SingleFlight} keyed by an object (e.g. the outbox), for callers that keep no instance. */
export function joinRun<T>(key: object, start: () => Promise<T>): Promise<T> {
  let flight = flights.get(key) as SingleFlight<T> | undefined;
  if (!flight) {
    flight = new SingleFlight<T>();
    flights.set(key, flight as SingleFlight<unknown>);
  }
  return flight.run(start);
}

export interface OutboxDriver<R> {
  /** One delivery run (the caller makes concurrent calls join, see {@link SingleFlight}). */
  deliver(): Promise<R>;
  /** When the next run is due after this one (epoch ms; past = at once), or null: nothing due. */
  nextWakeAt(run: R): Promise<number | null>;
}

/** Delivers what is due, then arms the alarm for the next due item (or clears it). */
export async function deliverAndArm<R>(
  driver: OutboxDriver<R>,
  alarms: OutboxAlarms,
  alarmName: string,
): Promise<R> {
  const run = await driver.deliver();
  await armAlarm(alarms, alarmName, await driver.nextWakeAt(run));
  return run;
}
