import { createReport } from '../../../features/report/create';
import type { ReportEndpoint } from '../../../features/report/endpoint';
import { ReportOutbox, type ReportOutboxOptions } from '../../../features/report/background/outbox';
import { ReportOutboxDatabase } from '../../../features/report/records';
import type { ProblemReport, ReportCategory } from '../../../features/report/schema';

export const START = Date.UTC(2026, 10, 28, 1, 0, 0);

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public now = START) {}
  readonly read = () => this.now;
  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }
  set(ms: number): number {
    this.now = ms;
    return this.now;
  }
}

let databases = 0;
/** A fresh IndexedDB name per test, so tests do not see each other's reports. */
export function freshDatabaseName(): string {
  databases += 1;
  return `report-outbox-test-${databases}-${Math.random().toString(36).slice(2)}`;
}

export function sampleReport(
  description = '附件上传后一直转圈',
  category: ReportCategory = 'attachment-upload-failed',
  now = START,
): ProblemReport {
  return createReport(
    { category, description },
    {
      page: { url: 'https://oa.example.gov.cn/gongwen/new?id=123#/step/2', title: '新建公文' },
      frame: { top: true, url: null },
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      extensionVersion: '0.1.0',
      locale: 'zh-CN',
      role: '业务操作人员',
      tour: null,
      failedSteps: [],
    },
    { now },
  ).report;
}

export interface OutboxHandle {
  db: ReportOutboxDatabase;
  outbox: ReportOutbox;
}

/** An outbox over IndexedDB `name`, like the background would create after (re)starting. */
export function openOutbox(
  name: string,
  options: Partial<ReportOutboxOptions> & { endpoint: () => ReportEndpoint | null },
): OutboxHandle {
  const db = new ReportOutboxDatabase(name);
  const outbox = new ReportOutbox({
    table: db.reportOutbox,
    fetch: (input, init) => fetch(input, init),
    random: () => 0.5,
    ...options,
  });
  return { db, outbox };
}

/**
 * Runs deliveries the way the background's alarm would: deliver what is due, move the clock to
 * the next wake time, repeat until nothing is waiting. Bounded so a bug cannot loop forever.
 */
export async function drain(outbox: ReportOutbox, clock: FakeClock, maxRounds = 50) {
  for (let round = 0; round < maxRounds; round++) {
    const next = await outbox.nextWakeAt();
    if (next === null) return round;
    clock.set(Math.max(clock.now, next));
    await outbox.deliverDue(clock.now);
  }
  throw new Error(`outbox still had work after ${maxRounds} rounds`);
}
