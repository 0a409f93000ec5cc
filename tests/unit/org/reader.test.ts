import { describe, expect, it } from 'vitest';
import { queryUrl, readStatements, StatementReadError } from '../../../features/org/reader';

const auth = { kind: 'basic', key: 'k', secret: 's' } as const;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('statements reader', () => {
  it('asks with the filters and follows same-origin more links, with credentials and version', async () => {
    const asked: { url: string; headers: Headers }[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      asked.push({ url, headers: new Headers(init?.headers) });
      if (url.includes('/more/2')) return json({ statements: [{ id: '3' }], more: '' });
      if (url.includes('/more/1')) return json({ statements: [{ id: '2' }], more: '/xAPI/more/2' });
      return json({ statements: [{ id: '1' }], more: '/xAPI/more/1' });
    }) as typeof globalThis.fetch;
    const pages: number[] = [];
    const statements = await readStatements(
      { endpoint: 'https://lrs.example.gov.cn/xAPI/', auth, fetch, onPage: (n) => pages.push(n) },
      { verb: 'http://adlnet.gov/expapi/verbs/passed', since: Date.UTC(2026, 10, 2), limit: 100 },
    );
    expect(statements).toEqual([{ id: '1' }, { id: '2' }, { id: '3' }]);
    expect(pages).toEqual([1, 2, 3]);
    const first = new URL(asked[0]?.url ?? '');
    expect(first.pathname).toBe('/xAPI/statements');
    expect(first.searchParams.get('verb')).toBe('http://adlnet.gov/expapi/verbs/passed');
    expect(first.searchParams.get('since')).toBe('2026-11-02T00:00:00.000Z');
    expect(first.searchParams.get('limit')).toBe('100');
    expect(asked[1]?.url).toBe('https://lrs.example.gov.cn/xAPI/more/1');
    expect(asked[0]?.headers.get('Authorization')).toBe(`Basic ${btoa('k:s')}`);
    expect(asked[0]?.headers.get('X-Experience-API-Version')).toBe('1.0.3');
  });

  it('refuses a more link to another origin (credentials never leave the LRS)', async () => {
    const asked: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return json({ statements: [{ id: '1' }], more: 'https://evil.example/steal' });
    }) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch }),
    ).rejects.toThrow(/分页链接指向其他地址/);
    expect(asked).toHaveLength(1);
  });

  it('refuses plain HTTP to a non-loopback address before sending anything', async () => {
    let called = false;
    const fetch = (async () => {
      called = true;
      return json({ statements: [] });
    }) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'http://lrs.example/xAPI/', auth, fetch }),
    ).rejects.toThrow(/必须使用 HTTPS/);
    expect(called).toBe(false);
    await expect(
      readStatements({ endpoint: 'http://127.0.0.1:9/xAPI/', auth, fetch }),
    ).resolves.toEqual([]);
  });

  it('gives each request a deadline', async () => {
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      })) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch, timeoutMs: 50 }),
    ).rejects.toThrow(/0.05 秒内没有回答/);
  });

  it('explains refused credentials and answers that are not statement results', async () => {
    const refused = (async () => json({ message: 'no' }, 403)) as typeof globalThis.fetch;
    const error = await readStatements({
      endpoint: 'https://lrs.example/xAPI/',
      auth,
      fetch: refused,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatementReadError);
    expect((error as StatementReadError).status).toBe(403);
    expect((error as Error).message).toMatch(/读取权限/);
    const garbage = (async () => json({ hello: 1 })) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch: garbage }),
    ).rejects.toThrow(/不是语句列表/);
  });

  it('stops after maxPages of an endless more chain', async () => {
    const fetch = (async () =>
      json({ statements: [], more: '/xAPI/more/again' })) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch, maxPages: 5 }),
    ).rejects.toThrow(/超过 5 页/);
  });

  it('builds the activity and registration filters', () => {
    const url = new URL(
      queryUrl('https://lrs.example/xAPI', {
        activity: 'https://zhiyin.example/xapi/activities/tour/a',
        relatedActivities: true,
        registration: '0b0e0000-0000-4000-8000-000000000001',
        until: '2026-12-01T00:00:00+08:00',
      }),
    );
    expect(url.pathname).toBe('/xAPI/statements');
    expect(url.searchParams.get('related_activities')).toBe('true');
    expect(url.searchParams.get('registration')).toBe('0b0e0000-0000-4000-8000-000000000001');
    expect(url.searchParams.get('until')).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('statements reader, connection failures', () => {
  it('tries a page once more after a connection failure, and gives up after the second', async () => {
    let calls = 0;
    const flaky = (async () => {
      calls += 1;
      if (calls === 1)
        throw new TypeError('fetch failed', { cause: new Error('other side closed') });
      return json({ statements: [{ id: '1' }] });
    }) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch: flaky }),
    ).resolves.toEqual([{ id: '1' }]);
    expect(calls).toBe(2);

    let down = 0;
    const dead = (async () => {
      down += 1;
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    }) as typeof globalThis.fetch;
    await expect(
      readStatements({ endpoint: 'https://lrs.example/xAPI/', auth, fetch: dead }),
    ).rejects.toThrow(/无法连接学习记录库.*ECONNREFUSED/);
    expect(down).toBe(2);
  });

  describe('pages by stored time, not by the LRS cursor', () => {
    /** An LRS over `store` (sorted by stored) that answers `since`/`limit`, with a broken cursor. */
    const lrs = (store: { id: string; stored: string }[], asked: URL[]) =>
      (async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        asked.push(url);
        // The cursor repeats the first page, as the in-memory test LRS does after a UUID wrap.
        const since = url.searchParams.get('since');
        const limit = Number(url.searchParams.get('limit'));
        const matching = store.filter((s) => since === null || s.stored > since);
        const page = url.pathname.endsWith('/more')
          ? store.slice(0, limit)
          : matching.slice(0, limit);
        return json({ statements: page, more: matching.length > limit ? '/xAPI/more' : '' });
      }) as typeof globalThis.fetch;
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 2) + ms).toISOString();

    it('reads every statement once, across pages that end inside one millisecond', async () => {
      // 10 statements, 4 of them in one millisecond that a page of 3 cuts in two.
      const store = [0, 1, 1, 1, 1, 2, 3, 3, 4, 5].map((ms, i) => ({
        id: `s${i}`,
        stored: at(ms),
      }));
      const asked: URL[] = [];
      const statements = await readStatements(
        { endpoint: 'https://lrs.example/xAPI/', auth, fetch: lrs(store, asked) },
        { limit: 3 },
      );
      expect((statements as { id: string }[]).map((s) => s.id)).toEqual(store.map((s) => s.id));
      expect(asked.every((url) => url.pathname === '/xAPI/statements')).toBe(true);
      // Each next page starts one millisecond before the newest statement read.
      expect(asked[1]?.searchParams.get('since')).toBe(at(0));
    });

    it('asks a larger page when one millisecond fills a page, and the cursor only if the LRS caps its pages', async () => {
      const store = [0, 0, 0, 0, 1].map((ms, i) => ({ id: `s${i}`, stored: at(ms) }));
      const ids = (statements: unknown[]) => (statements as { id: string }[]).map((s) => s.id);
      const asked: URL[] = [];
      expect(
        ids(
          await readStatements(
            { endpoint: 'https://lrs.example/xAPI/', auth, fetch: lrs(store, asked) },
            { limit: 2 },
          ),
        ),
      ).toEqual(store.map((s) => s.id));
      expect(asked.some((url) => url.pathname.endsWith('/more'))).toBe(false);
      expect(asked.map((url) => url.searchParams.get('limit'))).toContain('4');

      // An LRS that never sends more than 2: its cursor (correct here) is the only way on.
      let cursorPages = 0;
      const capped = (async (input: RequestInfo | URL) => {
        const url = new URL(String(input));
        if (url.pathname.endsWith('/more')) {
          cursorPages += 1;
          return json({ statements: store.slice(2, 4), more: '/xAPI/more2' });
        }
        if (url.pathname.endsWith('/more2')) return json({ statements: store.slice(4), more: '' });
        const since = url.searchParams.get('since');
        const matching = store.filter((s) => since === null || s.stored > since);
        return json({ statements: matching.slice(0, 2), more: '/xAPI/more' });
      }) as typeof globalThis.fetch;
      expect(
        ids(
          await readStatements(
            { endpoint: 'https://lrs.example/xAPI/', auth, fetch: capped },
            { limit: 2 },
          ),
        ),
      ).toEqual(store.map((s) => s.id));
      expect(cursorPages).toBe(1);
    });
  });
});
