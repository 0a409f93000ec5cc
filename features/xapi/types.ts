/**
 * The subset of xAPI 1.0.3 statement structures Zhiyin sends. Statements are plain JSON so they can
 * be stored in IndexedDB as they are and sent again byte for byte (a resend must be identical for
 * the LRS to treat it as the same statement).
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Language map, e.g. `{ 'zh-CN': '新建公文', 'en-US': 'New document' }`. */
export type LanguageMap = Record<string, string>;

export interface XapiAccount {
  /** The organisation's home page, as configured by the administrator. */
  homePage: string;
  /** Staff id, or the local profile id when no staff id is known. */
  name: string;
}

export interface XapiAgent {
  objectType: 'Agent';
  /** Personal data: only sent when the configuration asks for it. */
  name?: string;
  account: XapiAccount;
}

export interface XapiVerb {
  id: string;
  display: LanguageMap;
}

export interface XapiActivityDefinition {
  type?: string;
  name?: LanguageMap;
  description?: LanguageMap;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiScore {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. `PT1M5.25S`. */
  duration?: string;
  extensions?: Record<string, JsonValue>;
}

export interface XapiContext {
  /** Groups the statements of one attempt (UUID). */
  registration?: string;
  platform: string;
  language: string;
  contextActivities?: {
    parent?: XapiActivity[];
    grouping?: XapiActivity[];
  };
  extensions?: Record<string, JsonValue>;
}

export interface XapiStatement {
  /** UUID made when the event is recorded; the LRS de-duplicates resends by it. */
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  /** When the event happened (ISO 8601, UTC). */
  timestamp: string;
}
