/**
 * xAPI for Zhiyin: statement builders, the LRS client and the IndexedDB outbox. See docs/xapi.md
 * for IRIs, verbs, delivery rules and how the background wires it.
 */
export { LrsClient, XAPI_VERSION } from './background/client';
export type {
  LrsClientOptions,
  LrsConnection,
  LrsSendResult,
  RetryReason,
} from './background/client';
export { LrsConfigSchema, authorizationHeader, parseLrsConfig, statementsUrl } from './config';
export type { LrsAuth, LrsConfig, LrsConfigInput } from './config';
export { isoDuration } from './duration';
export { XapiQueue } from './background/queue';
export type {
  FlushOutcome,
  FlushReport,
  StatementSender,
  XapiQueueOptions,
  XapiQueueStatus,
  XapiQueueTables,
} from './background/queue';
export { XAPI_STORES, XapiQueueDatabase } from './background/queue-db';
export type { XapiDeliveryRecord, XapiOutboxRecord } from './background/queue-db';
export { DEFAULT_PLATFORM, STATEMENT_LANGUAGE, createStatementFactory } from './statements';
export type {
  StatementFactory,
  StatementFactoryOptions,
  TourEvent,
  XapiIdentity,
} from './statements';
export { statementForTourRecord } from './tour-records';
export type * from './types';
export {
  ACTIVITY_TYPES,
  DEFAULT_ACTIVITY_BASE,
  VERBS,
  assessmentIri,
  extensionIri,
  quizIri,
  ruleIri,
  stepIri,
  surveyIri,
  tourIri,
} from './vocabulary';
export type { VerbName } from './vocabulary';
