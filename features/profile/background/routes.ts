import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { ActivityLog } from '../../progress/background/activity-log';
import type { ProfileMessages } from '../protocol';
import { isRole } from '../roles';
import { RoleSetByPolicy, type ProfileStore } from './store';

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

/** Sets the learner's role; refused (with the reason) when the policy sets it. */
async function chooseRole(profile: ProfileStore, role: ReturnType<typeof requireRole>) {
  try {
    return await profile.setRole(role);
  } catch (error) {
    if (error instanceof RoleSetByPolicy) throw new MessageRefused(error.message);
    throw error;
  }
}

/** The learner's role (welcome card, popup) and the first-run welcome card. */
export function createProfileRoutes(services: ProfileRouteServices): RouteTable<ProfileMessages> {
  const { profile, activity } = services;
  return {
    'content:chooseRole': {
      from: ['content'],
      async handle(data, sender) {
        const role = requireRole(data.role);
        // A welcome card shown before the browser gave the policy that sets the group: the
        // choice ends the card like a dismissal; the policy's group stays.
        if ((await profile.view()).setByPolicy) {
          await profile.dismissWelcome();
          return profile.view();
        }
        const view = await chooseRole(profile, role);
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
        const view = await chooseRole(profile, role);
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
