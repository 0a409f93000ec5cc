/**
 * A minimal xAPI 1.0.3 statements client: POST a batch, PUT one statement. It classifies every
 * answer into what the queue must do next and never retries by itself (retries belong to the
 * queue, which the background drives from an alarm).
 *
 * LRS answers (xAPI 1.0.3 communication § 2.1):
 * - POST 200 (ids) / PUT 204: stored — also when the LRS already had the same statement with the
 *   same content, which is what makes a resend harmless.
 * - 409 Conflict: a statement with this id but other content exists. For a batch the whole batch
 *   is refused, so the queue re-sends one by one to find the culprit.
 * - 400 / 413 / other 4xx: the request itself is wrong; resending unchanged cannot help.
 * - 401 / 403 (credentials), 404 (endpoint misconfigured), 408, 429, 5xx, network errors and
 *   timeouts: try again later; credentials and endpoints can be fixed by the administrator.
 */
import type { LrsAuth } from '../config';
import { authorizationHeader, statementsUrl } from '../config';
import type { XapiStatement } from '../types';
import { parseRetryAfter } from '../../../lib/platform/outbox';

export const XAPI_VERSION = '1.0.3';

export type RetryReason = 'network' | 'timeout' | 'auth' | 'not-found' | 'rate-limited' | 'server';

export type LrsSendResult =
  | { kind: 'stored'; status: number }
  | { kind: 'conflict'; status: 409; message: string }
  /** Resending this request unchanged cannot succeed. */
  | { kind: 'rejected'; status: number; message: string }
  | {
      kind: 'retry';
      reason: RetryReason;
      status: number | null;
      message: string;
      /** From a Retry-After header (seconds or HTTP date, at most 6 h), in ms. */
      retryAfterMs?: number;
    };

export interface LrsConnection {
  endpoint: string;
  auth: LrsAuth;
}

export interface LrsClientOptions {
  fetch?: typeof fetch;
  /** Abort a request after this long; default 30 s. */
  timeoutMs?: number;
}

export class LrsClient {
  readonly #url: string;
  readonly #authorization: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(connection: LrsConnection, options: LrsClientOptions = {}) {
    this.#url = statementsUrl(connection.endpoint);
    this.#authorization = authorizationHeader(connection.auth);
    // Bound so a bare `fetch` keeps its `this` (window/worker global) when called from the field.
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** POST an array of statements. */
  postStatements(statements: readonly XapiStatement[]): Promise<LrsSendResult> {
    return this.#send(this.#url, 'POST', JSON.stringify(statements));
  }

  /** PUT one statement under its own id. */
  putStatement(statement: XapiStatement): Promise<LrsSendResult> {
    const url = `${this.#url}?statementId=${encodeURIComponent(statement.id)}`;
    return this.#send(url, 'PUT', JSON.stringify(statement));
  }

  /**
   * GET a page of statements (connection test: proves endpoint and credentials). A 2xx answer is
   * reported as `stored` (meaning: accepted).
   */
  getStatements(limit = 1): Promise<LrsSendResult> {
    return this.#send(`${this.#url}?limit=${limit}`, 'GET', undefined);
  }

  async #send(
    url: string,
    method: 'POST' | 'PUT' | 'GET',
    body: string | undefined,
  ): Promise<LrsSendResult> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        ...(body === undefined ? {} : { body }),
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': XAPI_VERSION,
          Authorization: this.#authorization,
        },
        credentials: 'omit',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const timeout = error instanceof DOMException && error.name === 'TimeoutError';
      return {
        kind: 'retry',
        reason: timeout ? 'timeout' : 'network',
        status: null,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    const status = response.status;
    const message = await readMessage(response);
    if (status >= 200 && status < 300) return { kind: 'stored', status };
    if (status === 409) return { kind: 'conflict', status, message };
    if (status === 401 || status === 403) return { kind: 'retry', reason: 'auth', status, message };
    if (status === 404) return { kind: 'retry', reason: 'not-found', status, message };
    if (status === 408 || status === 429) {
      const retryAfterMs = retryAfterOf(response);
      return {
        kind: 'retry',
        reason: status === 429 ? 'rate-limited' : 'timeout',
        status,
        message,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    if (status >= 500) {
      const retryAfterMs = retryAfterOf(response);
      return {
        kind: 'retry',
        reason: 'server',
        status,
        message,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    return { kind: 'rejected', status, message };
  }
}

async function readMessage(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return '';
  }
}

/** Retry-After (seconds or HTTP date, at most 6 h) in ms from now; undefined when none. */
function retryAfterOf(response: Response): number | undefined {
  return parseRetryAfter(response.headers.get('Retry-After'), Date.now()) ?? undefined;
}
