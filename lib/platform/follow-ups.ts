import { DEADLINES, withDeadline } from './deadline';

/**
 * Optional work that follows a saved record (xAPI statements, for now), kept out of the record's
 * way: `add` returns at once, the work runs in order after what was added before, each piece
 * bounded by a deadline, a failure logged and never thrown at the caller.
 *
 * Issue 10: the xAPI hook read the administrator policy, which can stall on a freshly started
 * browser; because the record path awaited it, a learner's 完成 never ended the tour. Order is
 * kept because statements build on each other (a tour's registration is read, changed and
 * written back by each batch).
 */
export class FollowUpQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly deadlineMs: number = DEADLINES.followUp) {}

  add(label: string, work: () => PromiseLike<unknown>): void {
    this.tail = this.tail.then(() =>
      withDeadline(Promise.resolve().then(work), this.deadlineMs, label).then(
        () => undefined,
        (error: unknown) => console.warn(`[zhiyin] ${label}`, error),
      ),
    );
  }

  /** Resolves once everything added so far has run or missed its deadline. */
  settled(): Promise<void> {
    return this.tail;
  }
}
