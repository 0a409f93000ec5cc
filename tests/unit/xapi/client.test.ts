import { describe, expect, it } from 'vitest';
import { LrsClient } from '../../../features/xapi/background/client';
import { authorizationHeader, parseLrsConfig, statementsUrl } from '../../../features/xapi/config';
import { createStatementFactory } from '../../../features/xapi/statements';

const statement = createStatementFactory({
  homePage: 'https://oa.example.gov.cn',
  accountName: 'u1',
}).tourAttempted({
  tourId: 't',
  tourTitle: 'T',
  at: 0,
});

interface Seen {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(respond: () => Response | Promise<Response>): {
  fetch: typeof fetch;
  seen: Seen[];
} {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      url: String(input),
      method: init?.method,
      headers: init?.headers as Record<string, string>,
      body: JSON.parse(String(init?.body)),
    });
    return respond();
  }) as typeof fetch;
  return { fetch: fetchImpl, seen };
}

const connection = {
  endpoint: 'https://lrs.example.gov.cn/xAPI/',
  auth: { kind: 'basic' as const, key: 'k', secret: 's' },
};

describe('LrsClient', () => {
  it('POSTs the batch as a JSON array with the xAPI version and basic auth', async () => {
    const { fetch, seen } = fakeFetch(() => Response.json([statement.id]));
    const result = await new LrsClient(connection, { fetch }).postStatements([statement]);
    expect(result).toEqual({ kind: 'stored', status: 200 });
    expect(seen).toEqual([
      {
        url: 'https://lrs.example.gov.cn/xAPI/statements',
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
          Authorization: `Basic ${btoa('k:s')}`,
        },
        body: [statement],
      },
    ]);
  });

  it('PUTs one statement under its id', async () => {
    const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await new LrsClient(
      { ...connection, endpoint: 'https://lrs.example.gov.cn/xAPI' },
      { fetch },
    ).putStatement(statement);
    expect(result).toEqual({ kind: 'stored', status: 204 });
    expect(seen[0]?.url).toBe(
      `https://lrs.example.gov.cn/xAPI/statements?statementId=${statement.id}`,
    );
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.body).toEqual(statement);
  });

  it.each([
    [409, { kind: 'conflict', status: 409 }],
    [400, { kind: 'rejected', status: 400 }],
    [413, { kind: 'rejected', status: 413 }],
    [401, { kind: 'retry', reason: 'auth', status: 401 }],
    [403, { kind: 'retry', reason: 'auth', status: 403 }],
    [404, { kind: 'retry', reason: 'not-found', status: 404 }],
    [408, { kind: 'retry', reason: 'timeout', status: 408 }],
    [500, { kind: 'retry', reason: 'server', status: 500 }],
    [503, { kind: 'retry', reason: 'server', status: 503 }],
  ])('classifies HTTP %i', async (status, expected) => {
    const { fetch } = fakeFetch(() => new Response('{"message":"nope"}', { status }));
    const result = await new LrsClient(connection, { fetch }).postStatements([statement]);
    expect(result).toMatchObject({ ...expected, message: '{"message":"nope"}' });
  });

  it('reads Retry-After seconds on 429', async () => {
    const { fetch } = fakeFetch(
      () => new Response('', { status: 429, headers: { 'Retry-After': '120' } }),
    );
    expect(await new LrsClient(connection, { fetch }).postStatements([statement])).toMatchObject({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 120_000,
    });
  });

  it('reads Retry-After as an HTTP date, bounds it, and ignores garbage (shared outbox library)', async () => {
    const answer = (retryAfter: string) =>
      fakeFetch(() => new Response('', { status: 503, headers: { 'Retry-After': retryAfter } }));
    const send = (retryAfter: string) =>
      new LrsClient(connection, { fetch: answer(retryAfter).fetch }).postStatements([statement]);

    const inTenMinutes = new Date(Date.now() + 600_000).toUTCString();
    const dated = await send(inTenMinutes);
    expect(dated).toMatchObject({ kind: 'retry', reason: 'server' });
    const ms = dated.kind === 'retry' ? dated.retryAfterMs : undefined;
    // Whole seconds in the date, and a little time passes before the client reads the clock.
    expect(ms).toBeGreaterThan(590_000);
    expect(ms).toBeLessThanOrEqual(600_000);

    expect(await send('Fri, 31 Dec 9999 23:59:59 GMT')).toMatchObject({
      retryAfterMs: 6 * 3_600_000,
    });
    const garbage = await send('soon');
    expect(garbage).toMatchObject({ kind: 'retry', reason: 'server' });
    expect(garbage).not.toHaveProperty('retryAfterMs');
  });

  it('turns a network failure into a retry, not an exception', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    expect(await new LrsClient(connection, { fetch }).postStatements([statement])).toEqual({
      kind: 'retry',
      reason: 'network',
      status: null,
      message: 'fetch failed',
    });
  });

  it('sends a ready-made token with its scheme', async () => {
    const { fetch, seen } = fakeFetch(() => Response.json([]));
    await new LrsClient(
      { endpoint: connection.endpoint, auth: { kind: 'token', token: 'abc==', scheme: 'Bearer' } },
      { fetch },
    ).postStatements([statement]);
    expect(seen[0]?.headers.Authorization).toBe('Bearer abc==');
  });
});

describe('LRS configuration', () => {
  it('accepts a complete configuration and fills defaults', () => {
    const parsed = parseLrsConfig({
      endpoint: 'https://lrs.example.gov.cn/data/xAPI/',
      auth: { kind: 'token', token: 'ZXhhbXBsZQ==' },
      homePage: 'https://oa.example.gov.cn',
    });
    expect(parsed).toEqual({
      ok: true,
      config: {
        endpoint: 'https://lrs.example.gov.cn/data/xAPI/',
        auth: { kind: 'token', token: 'ZXhhbXBsZQ==', scheme: 'Basic' },
        homePage: 'https://oa.example.gov.cn',
        sendDisplayName: false,
      },
    });
  });

  it('explains what is wrong, by path', () => {
    const parsed = parseLrsConfig({
      endpoint: 'ftp://lrs.example.gov.cn/',
      auth: { kind: 'basic', key: '', secret: 's' },
      homePage: 'not a url',
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'endpoint: endpoint must be an http(s) URL',
        'auth.key: the LRS key must not be empty',
        'homePage: homePage must be an http(s) URL',
      ],
    });
  });

  it('refuses plain HTTP to anything but loopback: credentials and records would travel in clear', () => {
    const auth = { kind: 'basic', key: 'k', secret: 's' } as const;
    expect(parseLrsConfig({ endpoint: 'http://lrs.example.gov.cn/xapi/', auth })).toEqual({
      ok: false,
      errors: [
        'endpoint: 学习记录库地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）：否则密钥和学习记录会以明文传输',
      ],
    });
    for (const endpoint of [
      'https://lrs.example.gov.cn/xapi/',
      'http://127.0.0.1:8080/xapi/',
      'http://localhost/xapi/',
      'http://[::1]:9000/xapi/',
    ])
      expect(parseLrsConfig({ endpoint, auth }).ok).toBe(true);
  });

  it('encodes basic credentials as UTF-8', () => {
    expect(authorizationHeader({ kind: 'basic', key: '指引', secret: 'pw' })).toBe(
      `Basic ${Buffer.from('指引:pw', 'utf8').toString('base64')}`,
    );
  });

  it('joins the statements resource with exactly one slash', () => {
    expect(statementsUrl('https://a.example/xAPI')).toBe('https://a.example/xAPI/statements');
    expect(statementsUrl('https://a.example/xAPI/')).toBe('https://a.example/xAPI/statements');
  });
});
