/** Messages of the learner's own records (最近操作). */
import type { ActivityRecord } from './records';

/** Progress messages (routes: features/progress/background/routes.ts). */
export interface ProgressMessages {
  'page:listActivity'(data: { tabId?: number; limit: number }): ActivityRecord[];
}
