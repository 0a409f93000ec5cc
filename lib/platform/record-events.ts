/**
 * Learning-record events: a service that has stored a record says so here; whoever cares (xAPI
 * statements, for one) subscribes. Listeners run as follow-ups (./follow-ups.ts): after the record
 * is saved, one at a time, each bounded by a deadline, never in front of the next record and never
 * able to fail the save. Knows no feature: the event map is the composition's (app/background).
 */
import { FollowUpQueue } from './follow-ups';

type Listener<T> = (payload: T) => PromiseLike<unknown> | unknown;

export class RecordEvents<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly followUps: FollowUpQueue = new FollowUpQueue()) {}

  /** Subscribes to one kind of record; returns the unsubscribe function. */
  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => void set.delete(listener as Listener<never>);
  }

  /** A record was stored: queue every listener's work behind the records before it. */
  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      this.followUps.add(`${String(type)} listener`, async () =>
        (listener as Listener<Events[K]>)(payload),
      );
    }
  }

  /** Resolves when every listener queued so far has run (tests, shutdown). */
  settled(): Promise<void> {
    return this.followUps.settled();
  }
}
