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
 * Rules messages come from the tab's top frame only, about the page that frame shows: a frame
 * cannot claim actions on another page, nor acknowledge tips for it.
 */
function topFrameOn(sender: AcceptedSender, url?: string): void {
  if (sender.kind !== 'content' || sender.frameId !== 0) throw new MessageRefused('top frame only');
  if (url !== undefined && url !== sender.url)
    throw new MessageRefused('url is not the sender’s page');
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
