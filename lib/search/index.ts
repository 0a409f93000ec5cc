/** Help search for the popup's help center: see help-index.ts. */
export {
  createHelpIndex,
  loadHelpIndex,
  plainText,
  analyzeHelpDoc,
  HELP_FIELDS,
  CURRENT_PAGE_BOOST,
  MAX_QUERY_LENGTH,
} from '../../features/help/search-index';
export type {
  HelpDoc,
  HelpDocKind,
  HelpField,
  HelpHit,
  HelpIndex,
  HelpIndexJSON,
  HelpSearchOptions,
  Segment,
  StoredDoc,
} from '../../features/help/search-index';
export { SYNONYM_GROUPS, buildSynonymMap } from './synonyms';
export { urlMatchesAny, urlMatchesPattern } from './url-match';
