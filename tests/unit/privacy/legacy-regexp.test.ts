/**
 * The Chrome MV2 build runs on kernels down to 86 (360安全浏览器 13), which have no RegExp `d`
 * flag (Chromium 90+): making such a pattern throws there. The scrubber must load and find the
 * same personal data on such an engine (found on Chromium 86 by npm run smoke:kernel86: every
 * extension page failed to start on `new RegExp(…, 'dig')`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const SAMPLES = [
  '请用 Authorization: Bearer abcdefghijklmnop12345 调用',
  '我的密码是Zhiyin@2024，然后登录',
  'api_key=sk_live_1234567890abcdef&x=1',
  '车牌粤B12345停在门口',
  '张三 手机 13812345678 身份证 110101199003074514',
];

/** A RegExp constructor that refuses the `d` flag, as Chromium 86's does. */
function kernel86RegExp(): RegExpConstructor {
  const Native = RegExp;
  return new Proxy(Native, {
    construct(target, [source, flags]: [string | RegExp, string | undefined]) {
      if (typeof flags === 'string' && flags.includes('d'))
        throw new SyntaxError(`Invalid flags supplied to RegExp constructor '${flags}'`);
      return new target(source, flags);
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('personal data on an engine without the RegExp d flag', () => {
  it('loads, and finds the same spans as with it', async () => {
    const modern = await import('../../../lib/privacy/personal-data');
    const expected = SAMPLES.map((text) => modern.findPersonalData(text));
    expect(expected.flat().length).toBeGreaterThanOrEqual(5);

    vi.resetModules();
    vi.stubGlobal('RegExp', kernel86RegExp());
    const legacy = await import('../../../lib/privacy/personal-data');
    expect(SAMPLES.map((text) => legacy.findPersonalData(text))).toEqual(expected);
  });
});
