/**
 * Retention: records that are not learning results are deleted once older than the
 * administrator's policy allows (app/policy/policy.ts `retention`, defaults
 * DEFAULT_RETENTION_POLICY). Runs when the worker starts and once a day on an alarm (an alarm
 * survives the worker being stopped). Each feature owns the query for its table; this file only
 * computes the cut-offs and runs them.
 */
import type { ZhiyinDatabase } from '../database';
import { pruneSearchMisses } from '../../features/help/misses';
import { ActivityLog } from '../../features/progress/background/activity-log';
import { pruneSentReports } from '../../features/report/background/outbox';
import { pruneRejectedStatements } from '../../features/xapi/background/queue';
import type { RetentionPolicy } from '../policy/policy';

export const RETENTION_ALARM = 'zhiyin-retention';
const DAY_MS = 24 * 60 * 60 * 1000;

/** How many rows each pruning deleted. */
export interface RetentionRun {
  sentReports: number;
  activity: number;
  rejectedStatements: number;
  searchMisses: number;
}

/** Deletes what the policy no longer keeps at `now` (epoch ms). */
export async function pruneExpired(
  db: ZhiyinDatabase,
  retention: RetentionPolicy,
  now: number,
): Promise<RetentionRun> {
  const before = (days: number) => now - days * DAY_MS;
  const [sentReports, activity, rejectedStatements, searchMisses] = await Promise.all([
    pruneSentReports(db.reportOutbox, before(retention.sentReportsDays)),
    new ActivityLog(db).prune(before(retention.activityDays)),
    pruneRejectedStatements(db.xapiOutbox, before(retention.rejectedStatementsDays)),
    pruneSearchMisses(db.searchMisses, before(retention.searchMissesDays)),
  ]);
  return { sentReports, activity, rejectedStatements, searchMisses };
}

/** The part of `browser.alarms` retention uses. */
export interface RetentionAlarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/**
 * Prunes now and every day. A failed run (a database error) is logged and retried on the next
 * alarm: pruning never blocks or breaks anything else.
 */
export function scheduleRetention(options: {
  db: ZhiyinDatabase;
  /** The policy in force; null while it is not known yet (nothing is pruned then). */
  retention: () => Promise<RetentionPolicy | null>;
  alarms: RetentionAlarms;
  now?: () => number;
}): { run(): Promise<RetentionRun | null> } {
  const now = options.now ?? Date.now;
  const run = async (): Promise<RetentionRun | null> => {
    try {
      const retention = await options.retention();
      return retention ? await pruneExpired(options.db, retention, now()) : null;
    } catch (error) {
      console.warn('[zhiyin] retention pruning failed; retried on the next run', error);
      return null;
    }
  };
  // Created only when missing: re-creating it at every worker start (workers stop after seconds
  // idle) would push the daily run back for ever.
  void options.alarms
    .get(RETENTION_ALARM)
    .then((existing) => {
      if (!existing)
        return options.alarms.create(RETENTION_ALARM, {
          delayInMinutes: 24 * 60,
          periodInMinutes: 24 * 60,
        });
      return undefined;
    })
    .catch(() => undefined);
  options.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void run();
  });
  void run();
  return { run };
}
