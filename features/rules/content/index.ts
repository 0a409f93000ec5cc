/** DOM side of the rules: the action watcher and field guards (content script / overlay). */
export {
  classifyClick,
  classifyCopy,
  personalDataIn,
  visibleMarkers,
  watchRuleActions,
} from './watcher';
export type { WatchRuleActionsOptions } from './watcher';
export {
  attachGuard,
  attachGuards,
  guardsForPage,
  parseDeadline,
  parseNumber,
} from '../../guards/content/guards';
export type { AttachGuardsOptions, GuardHint } from '../../guards/content/guards';
export { startRulesInPage } from './controller';
export type { RulesChannel, RulesInPage, RulesView, StartRulesOptions } from './controller';
export { markerTextPresent, watchRuleTriggers } from './triggers';
export type { PendingAction } from './triggers';
