import type { RouteTable } from '../../../lib/messaging/router';
import type { ProgressMessages } from '../protocol';
import type { ActivityLog } from './activity-log';

/** The learner's recent activity (popup 最近操作). */
export function createProgressRoutes(activity: ActivityLog): RouteTable<ProgressMessages> {
  return {
    'page:listActivity': {
      from: ['extension-page'],
      handle: ({ tabId, limit }) =>
        activity.recent(tabId === undefined ? { limit } : { tabId, limit }),
    },
  };
}
