import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../features/profile/roles';
import type { RuleAction } from '../../../features/rules/engine';
import { EMPTY_HISTORY, decideTips } from '../../../features/rules/engine';
import {
  createAcknowledgementRecord,
  acknowledgementCsvRow,
} from '../../../features/rules/records';
import {
  createMemoryRulesStore,
  createRulesService,
} from '../../../features/rules/background/service';
import { loadProjectRules } from '../../../features/rules/build-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

const projectRoot = join(import.meta.dirname, '../../..');
const { rules } = loadProjectRules(projectRoot, tourDirs(projectRoot, {}));
const SIM = 'http://127.0.0.1:4173';
const T0 = Date.UTC(2026, 10, 28, 2, 0);

function decide(url: string, action: RuleAction, role: Role | null = '业务操作人员') {
  return decideTips(rules.tips, {
    url,
    action,
    role,
    now: T0,
    history: EMPTY_HISTORY,
    session: 's1',
  }).map((decision) => decision.tipId);
}

describe('the project rules on the sim’s real pages', () => {
  it('不准泄露用户信息: export of a table with personal data, copy of personal data anywhere', () => {
    expect(
      decide(`${SIM}/service.html#/epidemic`, {
        kind: 'export',
        name: '导出登记表',
        personalData: ['idCard', 'mobile'],
      }),
    ).toEqual(['no-data-leak-export']);
    // A chart's or an aggregate's export holds no one's personal data: no tip.
    expect(
      decide(`${SIM}/analytics.html#/dashboard`, {
        kind: 'export',
        name: '导出 CSV',
        personalData: [],
      }),
    ).toEqual([]);
    expect(
      decide(`${SIM}/service.html#/review`, { kind: 'copy', personalData: ['idCard'] }),
    ).toEqual(['no-data-leak-copy']);
  });

  it('不准越权操作 when the 403 result appears; 不准修改系统配置 only for non-administrators', () => {
    expect(
      decide(`${SIM}/admin.html#/system/users`, { kind: 'marker', marker: 'permission-denied' }),
    ).toEqual(['no-overreach']);
    const open: RuleAction = { kind: 'page-open', markers: [] };
    expect(decide(`${SIM}/admin.html#/system/flows`, open, '业务操作人员')).toEqual([
      'no-config-change',
    ]);
    expect(decide(`${SIM}/admin.html#/system/flows`, open, '技术支持人员')).toEqual([]);
    expect(decide(`${SIM}/admin.html#/account`, open, '基层用户')).toEqual([]);
  });

  it('必须核对用户身份 at the 核对 step of a 便民服务 application', () => {
    expect(
      decide(`${SIM}/service.html#/apply`, { kind: 'marker', marker: 'service-apply-confirm' }),
    ).toEqual(['verify-identity']);
    expect(decide(`${SIM}/service.html#/apply`, { kind: 'page-open', markers: [] })).toEqual([]);
  });

  it('first run: 正版软件, 留存操作记录 and the password reminder (change date unknown)', () => {
    expect(decide(`${SIM}/index.html#/`, { kind: 'first-run' })).toEqual([
      'change-password',
      'keep-operation-records',
      'licensed-software',
    ]);
  });
});

describe('rules service (background)', () => {
  function service(now: { t: number }, session = 's1') {
    const store = createMemoryRulesStore();
    const svc = createRulesService({
      rules,
      store,
      now: () => now.t,
      session: () => session,
      role: () => '业务操作人员',
    });
    return { store, svc };
  }

  it('stores every acknowledgement with a redacted URL and the action, and stops re-showing', async () => {
    const clock = { t: T0 };
    const { store, svc } = service(clock);
    const url = `${SIM}/analytics.html?token=abc#/dashboard?id=110101199003071234`;
    const action: RuleAction = { kind: 'export', name: '导出 CSV', personalData: ['mobile'] };
    const [decision] = await svc.onAction({ url, action });
    expect(decision?.tipId).toBe('no-data-leak-export');
    await svc.onShown({ tipId: 'no-data-leak-export', contentVersion: 1 });
    const record = await svc.onResponse({
      tipId: 'no-data-leak-export',
      contentVersion: 1,
      response: 'acknowledge',
      url,
      action,
    });
    expect(record).toMatchObject({
      tipId: 'no-data-leak-export',
      contentVersion: 1,
      response: 'acknowledge',
      role: '业务操作人员',
      at: T0,
      url: `${SIM}/analytics.html?token=#/dashboard?id=`,
      action: 'export',
      actionDetail: '导出 CSV',
    });
    expect(store.acknowledgements).toHaveLength(1);
    clock.t += 60_000;
    expect(await svc.onAction({ url, action })).toEqual([]);
  });

  it('records the password change the watcher saw; the reminder is not due for 3 months', async () => {
    const clock = { t: T0 };
    const { svc } = service(clock);
    await svc.onAction({
      url: `${SIM}/index.html#/settings/password`,
      action: { kind: 'marker', marker: 'password-changed' },
    });
    const open = {
      url: `${SIM}/index.html#/`,
      action: { kind: 'page-open', markers: [] },
    } as const;
    clock.t = T0 + 80 * 86_400_000;
    expect((await svc.onAction(open)).map((d) => d.tipId)).toEqual([]);
    clock.t = Date.UTC(2027, 1, 28, 2, 0);
    expect((await svc.onAction(open)).map((d) => d.tipId)).toEqual(['change-password']);
  });

  it('hello: rules.js at idle only for page rules or a due reminder; else the global triggers', async () => {
    const clock = { t: T0 };
    const { svc } = service(clock);
    expect(await svc.forPage(`${SIM}/admin.html#/system/users`)).toEqual({
      load: true,
      triggers: null,
    });
    // Copy / export tips and the 403 marker apply everywhere: watched by content.js itself.
    const plain = await svc.forPage(`${SIM}/analytics.html#/dashboard`);
    expect(plain).toEqual({
      load: false,
      triggers: { copy: true, click: true, markerTexts: ['无权限访问'] },
    });
    // The password reminder fires on any page-open once due: then rules.js loads at idle.
    await svc.onAction({
      url: `${SIM}/index.html#/settings/password`,
      action: { kind: 'marker', marker: 'password-changed' },
    });
    clock.t = Date.UTC(2027, 1, 28, 2, 0);
    expect((await svc.forPage(`${SIM}/analytics.html#/dashboard`)).load).toBe(true);
  });

  it('snooze and 不再显示 are refused when the rule does not offer them', async () => {
    const { svc } = service({ t: T0 });
    const base = { contentVersion: 1, url: `${SIM}/admin.html#/system/flows` };
    await expect(
      svc.onResponse({ ...base, tipId: 'no-config-change', response: 'snooze' }),
    ).rejects.toThrow(/cannot be snoozed/);
    await expect(
      svc.onResponse({ ...base, tipId: 'no-data-leak-export', response: 'dismiss' }),
    ).rejects.toThrow(/cannot be dismissed/);
  });

  it('a snoozed tip stays away for its snooze length, even in a new session', async () => {
    const clock = { t: T0 };
    const session = { id: 's1' };
    const store = createMemoryRulesStore();
    const svc = createRulesService({
      rules,
      store,
      now: () => clock.t,
      session: () => session.id,
      role: () => null,
    });
    const input = {
      url: `${SIM}/service.html#/review`,
      action: { kind: 'copy', personalData: ['mobile'] },
    } as const;
    await svc.onShown({ tipId: 'no-data-leak-copy', contentVersion: 1 });
    await svc.onResponse({
      ...input,
      tipId: 'no-data-leak-copy',
      contentVersion: 1,
      response: 'snooze',
    });
    expect(store.acknowledgements.map((r) => r.response)).toEqual(['snooze']);
    session.id = 's2';
    clock.t = T0 + 3_600_000 - 1;
    expect(await svc.onAction(input)).toEqual([]);
    clock.t = T0 + 3_600_000;
    expect((await svc.onAction(input)).map((d) => d.tipId)).toEqual(['no-data-leak-copy']);
  });
});

describe('acknowledgement records', () => {
  it('never carry copied content, only which kinds of personal data it held', () => {
    const record = createAcknowledgementRecord({
      tipId: 'no-data-leak-copy',
      contentVersion: 1,
      response: 'acknowledge',
      role: null,
      at: T0,
      url: `${SIM}/service.html#/review/13800138000`,
      action: { kind: 'copy', personalData: ['idCard', 'mobile'] },
    });
    expect(record.url).toBe(`${SIM}/service.html#/review/*`);
    expect(record.actionDetail).toBe('idCard,mobile');
    expect(acknowledgementCsvRow(record)).toEqual([
      '2026-11-28T02:00:00.000Z',
      'no-data-leak-copy',
      '1',
      'acknowledge',
      '',
      '',
      `${SIM}/service.html#/review/*`,
      'copy',
      'idCard,mobile',
    ]);
  });
});
