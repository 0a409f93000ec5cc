import type { RulesMessages } from '../protocol';
import type { RulesService } from './service';
import {
  MessageRefused,
  type AcceptedSender,
  type RouteTable,
} from '../../../lib/messaging/router';

export interface RulesServices {
  service: RulesService;
  /** Runs the rules bundle in a frame of a tab. */
  inject(tabId: number, frameId: number): Promise<void>;
  /** The learner's account for acknowledgement records (the local profile), if any. */
  account(): Promise<string | null>;
}

/**
 * Rules messages come from the tab's top frame only, about a page of the site that frame shows: a
 * frame cannot claim actions on another site, nor acknowledge tips for it.
 *
 * Compared by origin, not by whole URL: after a history-API route change (SPA) the browser updates
 * `sender.url` a moment after the page's own `location` changes, so an exact comparison refused
 * honest messages (and printed console noise on every route change). It protected nothing more
 * either: any script of the origin can `pushState` to any address of that origin.
 */
function topFrameOn(sender: AcceptedSender, url?: string): void {
  if (sender.kind !== 'content' || sender.frameId !== 0) throw new MessageRefused('top frame only');
  if (url === undefined) return;
  const claimed = originOf(url);
  if (claimed === null || claimed !== originOf(sender.url))
    throw new MessageRefused('url is not on the sender’s site');
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function createRulesRoutes(services: RulesServices): RouteTable<RulesMessages> {
  return {
    'content:loadRules': {
      from: ['content'],
      async handle(_data, sender) {
        topFrameOn(sender);
        if (sender.kind === 'content') await services.inject(sender.tabId, sender.frameId);
        return { loaded: true };
      },
    },
    'content:ruleAction': {
      from: ['content'],
      async handle(data, sender) {
        topFrameOn(sender, data.url);
        return services.service.onAction(data);
      },
    },
    'content:rulesInForce': {
      from: ['content'],
      handle(_data, sender) {
        topFrameOn(sender);
        return services.service.inForce();
      },
    },
    'content:tipShown': {
      from: ['content'],
      async handle(data, sender) {
        topFrameOn(sender);
        await services.service.onShown(data);
      },
    },
    'content:tipResponse': {
      from: ['content'],
      async handle(data, sender) {
        topFrameOn(sender, data.url);
        await services.service.onResponse({ ...data, account: await services.account() });
      },
    },
  };
}
