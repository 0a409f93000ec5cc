import type { ActivityRecord, ActivityType } from '../records';
import type { ZhiyinDatabase } from '../../../app/database';
import { redactUrl } from '../../../lib/privacy/url';
import { scrubPersonalData } from '../../../lib/privacy/personal-data';

export interface ActivityInput {
  type: ActivityType;
  tabId: number | null;
  url: string | null;
  title: string | null;
  detail?: ActivityRecord['detail'];
}

/** Longest page title kept: titles are for recognising the page, not for storing content. */
const MAX_TITLE = 120;

/** Records what the learner did, with addresses and titles scrubbed before anything is written. */
export class ActivityLog {
  constructor(
    private readonly db: ZhiyinDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  async record(input: ActivityInput): Promise<ActivityRecord> {
    const record: ActivityRecord = {
      type: input.type,
      at: this.now(),
      tabId: input.tabId,
      url: input.url === null ? null : redactUrl(input.url),
      // A page title may name the citizen whose case is open ("张三 1101… 的办件详情").
      title: input.title === null ? null : scrubPersonalData(input.title).text.slice(0, MAX_TITLE),
      detail: input.detail ?? {},
    };
    record.id = await this.db.activity.add(record);
    return record;
  }

  /** Retention (app/background/retention.ts): deletes what happened before `before` (epoch ms). */
  prune(before: number): Promise<number> {
    return this.db.activity.where('at').below(before).delete();
  }

  /** Newest first; only one tab's when `tabId` is given. */
  async recent({ tabId, limit }: { tabId?: number; limit: number }): Promise<ActivityRecord[]> {
    const capped = Math.max(1, Math.min(limit, 500));
    if (tabId === undefined) {
      return this.db.activity.orderBy('at').reverse().limit(capped).toArray();
    }
    return this.db.activity
      .where('[tabId+at]')
      .between([tabId, -Infinity], [tabId, Infinity])
      .reverse()
      .limit(capped)
      .toArray();
  }
}
