import { describe, expect, it } from 'vitest';
import {
  VALIDATOR_SAMPLES,
  checkAction,
  concreteUrl,
  sampleChoice,
  sampleInput,
  stepPageUrl,
  tourAccount,
  tourStartUrl,
} from '../../../scripts/lib/tours-check/plan';
import type { Step, Tour } from '../../../features/tour/schema';
import { TourSchema } from '../../../features/tour/schema';
import { VALIDATORS, VALIDATOR_IDS } from '../../../lib/validators';

const BASE = 'http://127.0.0.1:4173/login.html';

function tour(input: Record<string, unknown>): Tour {
  return TourSchema.parse({
    id: 't',
    title: 'T',
    summary: 'S',
    module: '操作',
    audience: ['基层用户'],
    applies: { url: '/index.html#/docs/new*' },
    steps: [{ id: 'a', body: 'b' }],
    ...input,
  });
}

function step(input: Record<string, unknown>): Step {
  return tour({ steps: [{ id: 's', body: 'b', ...input }] }).steps[0] as Step;
}

describe('tours:check URLs', () => {
  it('makes globs concrete by dropping * and resolving against --url', () => {
    expect(concreteUrl('/index.html#/docs/new*', BASE)).toBe(
      'http://127.0.0.1:4173/index.html#/docs/new',
    );
    expect(concreteUrl('/oa.html*', 'http://gov.example/app/login')).toBe(
      'http://gov.example/oa.html',
    );
  });

  it('starts at --start, else the first step page, else applies.url', () => {
    const plain = tour({});
    expect(tourStartUrl(plain, BASE)).toBe('http://127.0.0.1:4173/index.html#/docs/new');
    const paged = tour({ steps: [{ id: 'a', body: 'b', page: '/login.html*' }] });
    expect(tourStartUrl(paged, BASE)).toBe('http://127.0.0.1:4173/login.html');
    expect(tourStartUrl(paged, BASE, new Map([['t', '/oa.html#borrow']]))).toBe(
      'http://127.0.0.1:4173/oa.html#borrow',
    );
    expect(stepPageUrl(step({ page: '/index.html#/todo*' }), BASE)).toBe(
      'http://127.0.0.1:4173/index.html#/todo',
    );
  });
});

describe('tours:check sample values', () => {
  it('has a sample for every registered validator, and each passes its validator', () => {
    for (const id of VALIDATOR_IDS) {
      const sample = VALIDATOR_SAMPLES[id];
      expect(sample, id).toBeDefined();
      expect(VALIDATORS[id]?.(sample as string).ok, id).toBe(true);
    }
  });

  it('types the --login credentials into account and password fields', () => {
    const login = { account: 'zhangsan', password: 'Zhiyin@2024' };
    expect(sampleInput(step({ target: { label: '账号' }, advance: { on: 'input' } }), login)).toBe(
      'zhangsan',
    );
    expect(
      sampleInput(step({ target: { placeholder: '请输入密码' }, advance: { on: 'input' } }), login),
    ).toBe('Zhiyin@2024');
  });

  it("uses the validator's sample, else the first generic sample matching the pattern", () => {
    const credit = step({
      target: { label: '统一社会信用代码' },
      advance: { on: 'input', validator: 'creditCode' },
    });
    expect(sampleInput(credit)).toBe(VALIDATOR_SAMPLES.creditCode);
    const digits = step({ target: { label: '年份' }, advance: { on: 'input', pattern: '\\d{4}' } });
    expect(sampleInput(digits)).toBe('2024');
    const hopeless = step({ target: { label: 'x' }, advance: { on: 'input', pattern: 'Q{9}' } });
    expect(sampleInput(hopeless)).toBeUndefined();
  });

  it('chooses the option a change step names, else leaves it to the first option', () => {
    expect(
      sampleChoice(step({ target: { label: '文种' }, advance: { on: 'change', value: '请示' } })),
    ).toBe('请示');
    expect(
      sampleChoice(step({ target: { label: '文种' }, advance: { on: 'change' } })),
    ).toBeUndefined();
  });
});

describe('tours:check actions and accounts', () => {
  it('clicks click, appear, disappear and navigation targets; check.do and check.file override', () => {
    const button = { role: 'button', name: '查询' };
    expect(checkAction(step({ target: button, advance: { on: 'click' } }))).toBe('click');
    expect(
      checkAction(step({ target: button, advance: { on: 'appear', locator: { text: '结果' } } })),
    ).toBe('click');
    expect(
      checkAction(step({ target: button, advance: { on: 'navigation', url: '/a.html*' } })),
    ).toBe('click');
    expect(checkAction(step({ target: button }))).toBe('read');
    expect(checkAction(step({ target: button, check: { do: 'click' } }))).toBe('click');
    expect(
      checkAction(step({ target: button, advance: { on: 'click' }, check: { do: 'none' } })),
    ).toBe('read');
    expect(checkAction(step({ target: { label: '材料' }, check: { do: 'tick-all' } }))).toBe(
      'tick-all',
    );
    expect(
      checkAction(step({ target: { role: 'table' }, check: { click: { role: 'link' } } })),
    ).toBe('click');
    expect(
      checkAction(step({ target: { text: '上传' }, check: { file: 'templates/a.csv' } })),
    ).toBe('upload');
    expect(checkAction(step({ target: { label: '标题' }, advance: { on: 'input' } }))).toBe('type');
    expect(checkAction(step({ target: { label: '文种' }, advance: { on: 'change' } }))).toBe(
      'choose',
    );
    expect(checkAction(step({ advance: { on: 'next' } }))).toBe('read');
  });

  it('checks a tour as its check.login account, else as the first --login', () => {
    const logins = [
      { account: 'zhangsan', password: 'a' },
      { account: 'lisi', password: 'b' },
    ];
    expect(tourAccount(tour({}), logins)).toEqual(logins[0]);
    expect(tourAccount(tour({ check: { login: 'lisi' } }), logins)).toEqual(logins[1]);
    expect(tourAccount(tour({ check: { login: 'admin' } }), logins)).toBeUndefined();
  });

  it('rejects an unknown check.do with a message naming the choices', () => {
    const result = TourSchema.safeParse({
      id: 't',
      title: 'T',
      summary: 'S',
      module: '操作',
      audience: ['基层用户'],
      applies: { url: '/a.html' },
      steps: [{ id: 's', body: 'b', target: { text: 'x' }, check: { do: 'press' } }],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(
      'check.do must be click, tick-all or none',
    );
  });
});
