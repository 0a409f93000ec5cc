/**
 * The outbox library shared by problem reports (features/report/background/outbox.ts) and xAPI
 * statements (features/xapi/background/queue.ts): retry timing, Retry-After, the give-up rule,
 * the alarm that wakes the worker, and the one-run-at-a-time guard. What is sent, how answers are
 * read and what is stored stay in each feature.
 */
export * from './alarm';
export * from './prune';
export * from './retry';
export * from './run';
