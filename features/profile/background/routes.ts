import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { ActivityLog } from '../../progress/background/activity-log';
import type { ProfileMessages } from '../protocol';
import { isRole } from '../roles';
import type { ProfileStore } from './store';

export interface ProfileRouteServices {
  profile: ProfileStore;
  activity: ActivityLog;
  /** Asks a tab's top frame to show the welcome card; false when nothing answers. */
  showWelcomeInTab(tabId: number): Promise<boolean>;
}

function requireRole(value: unknown) {
  if (!isRole(value)) throw new MessageRefused(`unknown role: ${String(value)}`);
  return value;
}

/** The learner's role (welcome card, popup) and the first-run welcome card. */
export function createProfileRoutes(services: ProfileRouteServices): RouteTable<ProfileMessages> {
  const { profile, activity } = services;
  return {
    'content:chooseRole': {
      from: ['content'],
      async handle(data, sender) {
        const role = requireRole(data.role);
        const view = await profile.setRole(role);
        await activity.record({
          type: 'role-chosen',
          tabId: sender.kind === 'content' ? sender.tabId : null,
          url: data.url,
          title: null,
          detail: { role },
        });
        return view;
      },
    },
    'content:dismissWelcome': {
      from: ['content'],
      async handle(data, sender) {
        await profile.dismissWelcome();
        await activity.record({
          type: 'welcome-dismissed',
          tabId: sender.kind === 'content' ? sender.tabId : null,
          url: data.url,
          title: null,
        });
      },
    },
    'page:getProfile': { from: ['extension-page'], handle: () => profile.view() },
    'page:setRole': {
      from: ['extension-page'],
      async handle(data) {
        const role = requireRole(data.role);
        const view = await profile.setRole(role);
        await activity.record({
          type: 'role-chosen',
          tabId: null,
          url: null,
          title: null,
          detail: { role },
        });
        return view;
      },
    },
    'page:showWelcome': {
      from: ['extension-page'],
      async handle({ tabId }) {
        return { shown: await services.showWelcomeInTab(tabId) };
      },
    },
  };
}
