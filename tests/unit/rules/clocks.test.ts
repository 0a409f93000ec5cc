import { describe, expect, it } from 'vitest';
import { pageClockNow } from '../../../features/guards/content/guards';
import { decideTips, EMPTY_HISTORY } from '../../../features/rules/engine';
import { TipRuleSchema, GuardSchema } from '../../../features/rules/schema';
import { createTestClock, TEST_CLOCK_KEY } from '../../../features/rules/background/test-clock';

function fakeDocument(items: Record<string, string>): Document {
  return {
    defaultView: { localStorage: { getItem: (key: string) => items[key] ?? null } },
  } as unknown as Document;
}

describe('pageClockNow: the host page’s own clock for the deadline countdown', () => {
  it('adds the offset the page keeps in localStorage, read afresh on every call', () => {
    const items: Record<string, string> = { 'zhiyin-sim:clock:offset': String(86_400_000) };
    const now = pageClockNow(fakeDocument(items), { offsetKey: 'zhiyin-sim:clock:offset' });
    expect(now() - Date.now()).toBeGreaterThan(86_399_000);
    delete items['zhiyin-sim:clock:offset'];
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000);
    items['zhiyin-sim:clock:offset'] = 'not a number';
    expect(Math.abs(now() - Date.now())).toBeLessThan(1000);
  });

  it('is the browser clock without a declared page clock, or when storage is blocked', () => {
    expect(pageClockNow(fakeDocument({}), undefined)).toBe(Date.now);
    const blocked = {
      defaultView: {
        get localStorage(): Storage {
          throw new DOMException('blocked', 'SecurityError');
        },
      },
    } as unknown as Document;
    expect(Math.abs(pageClockNow(blocked, { offsetKey: 'k' })() - Date.now())).toBeLessThan(1000);
  });

  it('the schema accepts pageClock on deadline checks and names a bad one', () => {
    const base = { id: 'deadline', field: { testid: 'report-deadline' } };
    expect(
      GuardSchema.safeParse({
        ...base,
        check: { kind: 'deadline', pageClock: { offsetKey: 'k', changeEvent: 'e' } },
      }).success,
    ).toBe(true);
    const bad = GuardSchema.safeParse({
      ...base,
      check: { kind: 'deadline', pageClock: { offsetKey: '' } },
    });
    expect(bad.error?.issues.map((issue) => issue.message)).toContain(
      'offsetKey（页面时钟偏移的存储键）不能为空 / offsetKey must not be empty',
    );
  });
});

describe('createTestClock: the movable rules clock of test builds', () => {
  it('follows the offset written to storage.local', async () => {
    let listener: ((changes: Record<string, { newValue?: unknown }>, area: string) => void) | null =
      null;
    const now = createTestClock(
      {
        get: async () => ({ [TEST_CLOCK_KEY]: 1000 }),
        onChanged: { addListener: (callback) => (listener = callback) },
      },
      () => 5000,
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(now()).toBe(6000);
    listener!({ [TEST_CLOCK_KEY]: { newValue: 86_400_000 } }, 'local');
    expect(now()).toBe(86_405_000);
    listener!({ other: { newValue: 1 } }, 'local');
    listener!({ [TEST_CLOCK_KEY]: { newValue: 7 } }, 'sync');
    expect(now()).toBe(86_405_000);
    listener!({ [TEST_CLOCK_KEY]: { newValue: 'junk' } }, 'local');
    expect(now()).toBe(5000);
  });
});

describe('where.personalData: export tips only for tables holding personal data', () => {
  const rule = TipRuleSchema.parse({
    id: 'no-data-leak-export',
    where: { action: 'export', personalData: true },
    frequency: 'day',
    tip: { severity: 'warning', title: '导出数据前请注意保密', body: '…', version: 1 },
  });
  const decide = (personalData?: ('idCard' | 'mobile')[]) =>
    decideTips([rule], {
      url: 'http://127.0.0.1/grassroots.html#/epidemic',
      action: { kind: 'export', name: '导出', ...(personalData ? { personalData } : {}) },
      role: null,
      now: 0,
      history: EMPTY_HISTORY,
      session: 's',
    }).map((decision) => decision.tipId);

  it('holds with ID card or mobile numbers, not without (or when unknown)', () => {
    expect(decide(['idCard'])).toEqual(['no-data-leak-export']);
    expect(decide(['mobile'])).toEqual(['no-data-leak-export']);
    expect(decide([])).toEqual([]);
    expect(decide()).toEqual([]);
  });

  it('is refused on actions it cannot apply to', () => {
    const bad = TipRuleSchema.safeParse({
      ...rule,
      where: { action: 'page-open', personalData: true },
    });
    expect(bad.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'where.personalData: personalData 只适用于 export 和 copy 动作 / personalData only applies to export and copy actions',
    ]);
  });
});
