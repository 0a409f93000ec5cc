import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RulesChannel, RulesInPage, RulesView } from './controller';
import type { PendingAction } from './triggers';
import type { RuleSet } from '../schema';

/**
 * The contract between the content script and the rules bundle (entrypoints/rules.ts), which is
 * injected into the top frame once the page is idle; both share the content scripts' isolated
 * world, where the bundle registers itself under RULES_GLOBAL.
 */
export const RULES_GLOBAL = '__zhiyinRules__';

export interface RulesApi {
  /**
   * Starts the watcher and this page's field guards; everything stops with `ctx`. `initial`: the
   * copies/clicks content.js noticed before the bundle was loaded, reported after the page-open.
   * `rules`: the rules in force from the background (`content:rulesInForce`); without them (the
   * background did not answer in time) the bundle's own copy of the bundled rules.
   */
  start(
    ctx: ContentScriptContext,
    channel: RulesChannel,
    view: RulesView,
    initial?: readonly PendingAction[],
    rules?: RuleSet,
  ): RulesInPage;
}

type RulesGlobal = typeof globalThis & { [RULES_GLOBAL]?: RulesApi };

export function registeredRules(): RulesApi | undefined {
  return (globalThis as RulesGlobal)[RULES_GLOBAL];
}

export function registerRules(api: RulesApi): void {
  (globalThis as RulesGlobal)[RULES_GLOBAL] = api;
}
