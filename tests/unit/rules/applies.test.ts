import { describe, expect, it } from 'vitest';
import { rulesApplyTo } from '../../../lib/rules/helpers';
import { RulesFileSchema, type RuleSet } from '../../../lib/rules/schema';

function ruleSet(file: unknown): RuleSet {
  const parsed = RulesFileSchema.parse(file);
  return { markers: parsed.markers ?? [], tips: parsed.tips ?? [], guards: parsed.guards ?? [] };
}

const tip = (id: string, where: unknown) => ({
  id,
  where,
  tip: { severity: 'warning', title: '标题', body: '正文', version: 1 },
});

describe('which pages load the rules watcher (rules.js)', () => {
  const rules = ruleSet({
    markers: [
      {
        id: 'password-changed',
        url: '*#/settings/password*',
        present: { text: '密码修改成功' },
        note: '改密成功提示',
      },
    ],
    tips: [
      tip('no-config-change', { action: 'page-open', url: ['*admin.html#/system*'] }),
      tip('keep-records', { action: 'first-run' }),
    ],
    guards: [
      {
        id: 'credit-code',
        pages: ['*service.html#/apply*'],
        field: { label: '统一社会信用代码' },
        check: { kind: 'validator', validator: 'creditCode' },
      },
      {
        id: 'tour-only',
        field: { label: '身份证号' },
        check: { kind: 'validator', validator: 'idCard' },
      },
    ],
  });

  it('loads it where a tip, a marker or a guard of its own applies', () => {
    expect(rulesApplyTo(rules, 'http://gov.test/admin.html#/system/users')).toBe(true);
    expect(rulesApplyTo(rules, 'http://gov.test/index.html#/settings/password')).toBe(true);
    expect(rulesApplyTo(rules, 'http://gov.test/service.html#/apply/new')).toBe(true);
  });

  it('not where only a first-run tip or a tour-named guard could apply', () => {
    expect(rulesApplyTo(rules, 'http://gov.test/admin.html#/dashboard')).toBe(false);
    expect(rulesApplyTo(rules, 'http://gov.test/grassroots.html')).toBe(false);
  });

  it('everywhere when a page-action tip names no pages', () => {
    const everywhere = ruleSet({ tips: [tip('no-data-leak-copy', { action: 'copy' })] });
    expect(rulesApplyTo(everywhere, 'http://gov.test/anything.html')).toBe(true);
  });
});
