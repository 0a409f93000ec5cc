import { describe, expect, it } from 'vitest';
import { EMPTY_LRS_FORM, formFromLrs, lrsFromForm } from '../../../features/xapi/views/lrs-form';
import { resolvePolicy } from '../../../app/policy/policy';

const good = {
  ...EMPTY_LRS_FORM,
  endpoint: ' https://lrs.example.gov.cn/data/xAPI ',
  key: 'zhiyin',
  secret: 's3cret',
};

describe('LRS settings form', () => {
  it('turns a filled form into a policy value the policy accepts', () => {
    const result = lrsFromForm(good);
    expect(result).toEqual({
      ok: true,
      value: {
        endpoint: 'https://lrs.example.gov.cn/data/xAPI/',
        auth: { kind: 'basic', key: 'zhiyin', secret: 's3cret' },
        sendDisplayName: false,
      },
    });
    if (!result.ok) return;
    const view = resolvePolicy({}, { lrs: result.value });
    expect(view.problems).toEqual([]);
    expect(view.policy.lrs?.endpoint).toBe('https://lrs.example.gov.cn/data/xAPI/');
    // And back into the form, for the options page to show what is in force.
    expect(formFromLrs(view.policy.lrs)).toMatchObject({
      endpoint: 'https://lrs.example.gov.cn/data/xAPI/',
      key: 'zhiyin',
      secret: 's3cret',
      homePage: '',
    });
  });

  it('explains every mistake in Chinese, per field', () => {
    const result = lrsFromForm({
      ...EMPTY_LRS_FORM,
      endpoint: 'lrs.example.gov.cn',
      key: 'a:b',
      secret: '',
      homePage: 'ftp://x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.endpoint).toContain('https://');
    expect(result.errors.key).toContain('冒号');
    expect(result.errors.secret).toBe('请填写密码（Secret）。');
    expect(result.errors.homePage).toContain('账号主页');
    expect(lrsFromForm({ ...good, endpoint: '' })).toMatchObject({
      ok: false,
      errors: { endpoint: '请填写学习记录库的 xAPI 地址。' },
    });
    expect(lrsFromForm({ ...good, endpoint: 'https://lrs.example/xAPI/?a=1' })).toMatchObject({
      ok: false,
      errors: { endpoint: expect.stringContaining('不能包含') },
    });
  });

  it('refuses input that is not a form at all', () => {
    expect(lrsFromForm({ endpoint: 1 }).ok).toBe(false);
    expect(lrsFromForm(null).ok).toBe(false);
  });

  it('a managed policy LRS locks the setting and wins over the local one', () => {
    const local = lrsFromForm(good);
    const managed = {
      endpoint: 'https://lrs.gov.example/xAPI/',
      auth: { kind: 'basic', key: 'm', secret: 'n' },
    };
    const view = resolvePolicy({ lrs: managed }, { lrs: local.ok ? local.value : null });
    expect(view.locked).toContain('lrs');
    expect(view.policy.lrs?.endpoint).toBe('https://lrs.gov.example/xAPI/');
  });
});
