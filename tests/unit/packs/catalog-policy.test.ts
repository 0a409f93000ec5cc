/**
 * The tours in force (features/packs/catalog.ts) and the administrator's pack settings
 * (features/packs/policy.ts).
 */
import { describe, expect, it } from 'vitest';
import { mergeTours } from '../../../features/packs/catalog';
import { parsePackPolicy } from '../../../features/packs/policy';
import type { PackContent } from '../../../features/packs/validate';
import type { Tour } from '../../../features/tour/schema';

const tour = (id: string, title = id) => ({ id, title }) as unknown as Tour;
const pack = (id: string, version: number, patch: Partial<PackContent> = {}): PackContent => ({
  id,
  version,
  tours: [],
  help: [],
  rules: [],
  quizzes: [],
  checklists: null,
  retire: [],
  renames: {},
  ...patch,
});

describe('mergeTours', () => {
  const bundled = [tour('a'), tour('b'), tour('c')];

  it('adds pack tours, replaces a bundled tour of the same id, retires and renames', () => {
    const merged = mergeTours(bundled, [
      pack('p', 1, {
        tours: [tour('b', 'b from the pack'), tour('d'), tour('c2')],
        retire: ['a'],
        renames: { c: 'c2' },
      }),
    ]);
    expect(merged.map((t) => `${t.id}:${t.title}`)).toEqual(['b:b from the pack', 'd:d', 'c2:c2']);
  });

  it('uses only the newest version of each pack id', () => {
    const merged = mergeTours(bundled, [
      pack('p', 2, { tours: [tour('x', 'second')] }),
      pack('p', 1, { tours: [tour('x', 'first'), tour('y')] }),
    ]);
    expect(merged.map((t) => `${t.id}:${t.title}`)).toEqual(['a:a', 'b:b', 'c:c', 'x:second']);
  });
});

describe('parsePackPolicy', () => {
  const key = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE';

  it('takes https and loopback http URLs with keys, default interval 60 min', () => {
    expect(
      parsePackPolicy({
        urls: ['https://xxzx.gov.cn/p.json', 'http://127.0.0.1:8080/p.json'],
        publicKeys: [key],
      }),
    ).toEqual({
      value: {
        urls: ['https://xxzx.gov.cn/p.json', 'http://127.0.0.1:8080/p.json'],
        publicKeys: [key],
        refreshMinutes: 60,
      },
    });
    expect(parsePackPolicy(undefined)).toEqual({ value: null });
  });

  it('refuses plain http to another host, credentials, URLs without keys and bad intervals', () => {
    expect(
      parsePackPolicy({ urls: ['http://xxzx.gov.cn/p.json'], publicKeys: [key] }).problem,
    ).toMatch(/须为 https/);
    expect(
      parsePackPolicy({ urls: ['https://u:p@xxzx.gov.cn/p.json'], publicKeys: [key] }).value,
    ).toBeNull();
    expect(parsePackPolicy({ urls: ['https://xxzx.gov.cn/p.json'] }).problem).toMatch(/没有公钥/);
    expect(parsePackPolicy({ publicKeys: [key], refreshMinutes: 1 }).problem).toMatch(
      /refreshMinutes/,
    );
  });
});
