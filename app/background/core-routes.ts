import { MessageRefused, type RouteTable } from '../../lib/messaging/router';
import type { CoreMessages } from '../protocol';
import type { ActivityLog } from '../../features/progress/background/activity-log';
import type { ProfileStore } from '../../features/profile/background/store';
import type { RulesService } from '../../features/rules/background/service';
import type { TourSessions } from '../../features/tour/background/sessions';

export interface CoreRouteServices {
  activity: ActivityLog;
  profile: ProfileStore;
  sessions: TourSessions;
  rules: Pick<RulesService, 'forPage'>;
  /** The top frame's content script answers: its page, or null. */
  pingTab(tabId: number): Promise<{ url: string; title: string } | null>;
  /** Runs the overlay bundle (or, with `views`, its React views) in one frame of a tab. */
  injectOverlay(tabId: number, frameId: number, part?: 'views'): Promise<void>;
}

/**
 * Messages that belong to no single feature: a page saying hello (what to show here: welcome,
 * tour, resume offer, whether to load the rules watcher), loading the overlay, a tab's status.
 */
export function createCoreRoutes(services: CoreRouteServices): RouteTable<CoreMessages> {
  const { activity, profile, sessions, rules } = services;
  return {
    'content:hello': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        if (data.topFrame) {
          await activity.record({
            type: 'page-visited',
            tabId: sender.tabId,
            url: data.url,
            title: data.title,
          });
        }
        if (!data.topFrame) return { welcome: false, tour: null, resume: null };
        const first = await profile.welcome();
        const welcome = first === 'welcome';
        // While the welcome card asks for a role, no tour starts by itself.
        const { tour, resume } = await sessions.pageLoaded(sender.tabId, data.url, {
          autoStart: !welcome,
        });
        // Load the rules watcher at idle only where a page rule applies; else the content script
        // watches the global triggers (copy, clicks, marker texts) itself.
        const page = await rules.forPage(data.url);
        return {
          welcome,
          ...(first === 'first-run' ? { firstRun: true } : {}),
          tour,
          resume,
          rules: page.load,
          ...(page.triggers ? { ruleTriggers: page.triggers } : {}),
        };
      },
    },
    'content:loadOverlay': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content') throw new MessageRefused('content only');
        if (data?.part === 'views')
          await services.injectOverlay(sender.tabId, sender.frameId, 'views');
        else await services.injectOverlay(sender.tabId, sender.frameId);
        return { loaded: true };
      },
    },
    'page:getTabStatus': {
      from: ['extension-page'],
      async handle({ tabId }) {
        const page = await services.pingTab(tabId);
        return page
          ? { active: true, url: page.url, title: page.title }
          : { active: false, url: null, title: null };
      },
    },
  };
}
