import { describe, expect, it } from 'vitest';
import { pageRules, rulesApplyTo } from '../../../features/rules/helpers';
import { RulesFileSchema, type RuleSet } from '../../../features/rules/schema';

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

describe('what the content script watches itself before loading rules.js (pageRules)', () => {
  const rules = ruleSet({
    markers: [
      { id: 'permission-denied', url: '*', present: { text: '无权限访问' }, note: '403' },
      {
        id: 'password-changed',
        url: '*#/settings/password*',
        present: { text: '密码修改成功', exact: false },
        note: '改密成功提示',
      },
    ],
    tips: [
      tip('no-data-leak-copy', { action: 'copy' }),
      tip('no-data-leak-export', { action: 'export', personalData: true }),
      tip('no-overreach', { action: ['page-open', 'marker'], marker: 'permission-denied' }),
      tip('no-config-change', { action: 'page-open', url: ['*admin.html#/system*'] }),
      tip('change-password', { action: ['first-run', 'page-open'] }),
    ],
  });

  it('a page with only rules for every page: copy, clicks and the 403 text, nothing loaded', () => {
    const page = pageRules(rules, 'http://gov.test/admin.html#/dashboard');
    expect(page.load).toBe(false);
    expect(page.triggers).toEqual({ copy: true, click: true, markerTexts: ['无权限访问'] });
    expect(page.pageOpenTips.map((rule) => rule.id)).toEqual(['change-password']);
  });

  it('a page rule of its own (a tip with pages, a page marker) loads it at idle', () => {
    expect(pageRules(rules, 'http://gov.test/admin.html#/system/users').load).toBe(true);
    expect(pageRules(rules, 'http://gov.test/index.html#/settings/password').load).toBe(true);
  });

  it('a marker for every page that is not a plain text is watched by rules.js as before', () => {
    const byRole = ruleSet({
      markers: [{ id: 'denied', url: '*', present: { role: 'alert', name: '无权限' }, note: 'x' }],
      tips: [tip('overreach', { action: 'marker', marker: 'denied' })],
    });
    expect(pageRules(byRole, 'http://gov.test/a.html').load).toBe(true);
  });

  it('nothing applicable: nothing to watch, nothing to load', () => {
    const firstRunOnly = ruleSet({ tips: [tip('keep-records', { action: 'first-run' })] });
    expect(pageRules(firstRunOnly, 'http://gov.test/a.html')).toEqual({
      load: false,
      triggers: null,
      pageOpenTips: [],
    });
  });
});
