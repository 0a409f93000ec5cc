import { describe, expect, it } from 'vitest';
import type { AckAndShowHistory, DecideContext, RuleAction } from '../../../features/rules/engine';
import {
  EMPTY_HISTORY,
  decideTips,
  dueAt,
  recordAcknowledged,
  recordDismissed,
  recordMarker,
  recordShown,
  recordSnoozed,
} from '../../../features/rules/engine';
import type { TipRule, TipRuleInput } from '../../../features/rules/schema';
import { TipRuleSchema } from '../../../features/rules/schema';
import { addInterval } from '../../../features/rules/helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-11-28 10:00 China time. */
const T0 = Date.UTC(2026, 10, 28, 2, 0);
const URL_EXPORT = 'http://127.0.0.1:4173/analytics.html#/dashboard';

function rule(overrides: Partial<TipRuleInput> & { id: string }): TipRule {
  return TipRuleSchema.parse({
    where: { action: 'export' },
    tip: { severity: 'warning', title: '导出数据前请注意保密', body: '不得外传', version: 1 },
    ...overrides,
  });
}

const exportAction: RuleAction = { kind: 'export', name: '导出 CSV' };

function context(overrides: Partial<DecideContext> = {}): DecideContext {
  return {
    url: URL_EXPORT,
    action: exportAction,
    role: '业务操作人员',
    now: T0,
    history: EMPTY_HISTORY,
    session: 's1',
    ...overrides,
  };
}

const ids = (rules: TipRule[], ctx: DecideContext) => decideTips(rules, ctx).map((d) => d.tipId);

/** Show the tip in the history the way the service does. */
const shown = (history: AckAndShowHistory, r: TipRule, now: number, session: string) =>
  recordShown(history, { tipId: r.id, contentVersion: r.tip.version }, { now, session });

describe('where', () => {
  it('reacts only to the actions, pages and button names the rule names', () => {
    const r = rule({
      id: 'leak',
      where: { action: 'export', url: '*analytics.html*', names: ['导出'] },
    });
    expect(ids([r], context())).toEqual(['leak']);
    expect(ids([r], context({ action: { kind: 'submit', name: '提交' } }))).toEqual([]);
    expect(ids([r], context({ url: 'http://127.0.0.1:4173/report.html' }))).toEqual([]);
    expect(ids([r], context({ action: { kind: 'export', name: '下载附件' } }))).toEqual([]);
  });

  it('role conditions: only / except, and a learner without a role', () => {
    const onlyManagers = rule({
      id: 'a',
      where: { action: 'export', roles: { only: ['管理人员'] } },
    });
    const notAdmins = rule({
      id: 'b',
      where: { action: 'export', roles: { except: ['管理人员', '技术支持人员'] } },
    });
    expect(ids([onlyManagers, notAdmins], context({ role: '管理人员' }))).toEqual(['a']);
    expect(ids([onlyManagers, notAdmins], context({ role: '基层用户' }))).toEqual(['b']);
    expect(ids([onlyManagers, notAdmins], context({ role: '技术支持人员' }))).toEqual([]);
    expect(ids([onlyManagers, notAdmins], context({ role: null }))).toEqual(['b']);
  });

  it('markers: a page-open needs the marker visible; a marker action must be that marker', () => {
    const r = rule({
      id: 'overreach',
      where: { action: ['page-open', 'marker'], marker: 'permission-denied' },
    });
    expect(ids([r], context({ action: { kind: 'page-open', markers: [] } }))).toEqual([]);
    expect(
      ids([r], context({ action: { kind: 'page-open', markers: ['permission-denied'] } })),
    ).toEqual(['overreach']);
    expect(ids([r], context({ action: { kind: 'marker', marker: 'password-changed' } }))).toEqual(
      [],
    );
    expect(ids([r], context({ action: { kind: 'marker', marker: 'permission-denied' } }))).toEqual([
      'overreach',
    ]);
  });

  it('orders decisions by severity, critical first, and presents critical tips as dialogs', () => {
    const info = rule({
      id: 'a-info',
      tip: { severity: 'info', title: 'i', body: 'i', version: 1 },
    });
    const critical = rule({
      id: 'z-critical',
      tip: { severity: 'critical', title: 'c', body: 'c', version: 1 },
    });
    const decisions = decideTips([info, critical], context());
    expect(decisions.map((d) => [d.tipId, d.presentation])).toEqual([
      ['z-critical', 'dialog'],
      ['a-info', 'status'],
    ]);
  });

  it('uses the English text when asked and it exists', () => {
    const r = rule({
      id: 'leak',
      tip: {
        severity: 'info',
        title: '中文',
        body: '正文',
        version: 1,
        i18n: { en: { title: 'English', body: 'Body' } },
      },
    });
    expect(decideTips([r], context({ language: 'en' }))[0]).toMatchObject({
      title: 'English',
      body: 'Body',
    });
  });
});

describe('frequency', () => {
  it('once: never again after one showing (even a new session or version)', () => {
    const r = rule({ id: 'x', frequency: 'once' });
    const history = shown(EMPTY_HISTORY, r, T0, 's1');
    expect(ids([r], context({ history, session: 's2', now: T0 + 30 * DAY }))).toEqual([]);
    const bumped = rule({
      id: 'x',
      frequency: 'once',
      tip: { severity: 'warning', title: 't', body: 'b', version: 2 },
    });
    expect(ids([bumped], context({ history, session: 's3' }))).toEqual([]);
  });

  it('once with acknowledgement: back next session until acknowledged, never twice a session', () => {
    const r = rule({ id: 'x', frequency: 'once', acknowledge: true });
    let history = shown(EMPTY_HISTORY, r, T0, 's1');
    expect(ids([r], context({ history, session: 's1', now: T0 + HOUR }))).toEqual([]);
    expect(ids([r], context({ history, session: 's2', now: T0 + HOUR }))).toEqual(['x']);
    history = recordAcknowledged(history, { tipId: 'x', contentVersion: 1 }, T0 + HOUR);
    expect(ids([r], context({ history, session: 's3', now: T0 + 2 * DAY }))).toEqual([]);
  });

  it('session: once per browser session', () => {
    const r = rule({ id: 'x', frequency: 'session' });
    const history = shown(EMPTY_HISTORY, r, T0, 's1');
    expect(ids([r], context({ history, session: 's1', now: T0 + 5 * HOUR }))).toEqual([]);
    expect(ids([r], context({ history, session: 's2', now: T0 + 5 * HOUR }))).toEqual(['x']);
  });

  it('day: once per calendar day in China time, not per 24 hours', () => {
    const r = rule({ id: 'x', frequency: 'day' });
    // 23:30 China time on 28 Nov.
    const late = Date.UTC(2026, 10, 28, 15, 30);
    const history = shown(EMPTY_HISTORY, r, late, 's1');
    // 23:59 the same day, another session: still today.
    expect(ids([r], context({ history, session: 's2', now: late + 29 * 60_000 }))).toEqual([]);
    // 00:10 the next day, same session: a new day.
    expect(ids([r], context({ history, session: 's1', now: late + 40 * 60_000 }))).toEqual(['x']);
  });

  it('version: once per content version; a version bump shows it again', () => {
    const v1 = rule({ id: 'x', frequency: 'version' });
    const history = shown(EMPTY_HISTORY, v1, T0, 's1');
    expect(ids([v1], context({ history, session: 's9', now: T0 + 90 * DAY }))).toEqual([]);
    const v2 = rule({
      id: 'x',
      frequency: 'version',
      tip: { severity: 'warning', title: '新版', body: '内容更新', version: 2 },
    });
    expect(ids([v2], context({ history, session: 's9' }))).toEqual(['x']);
  });

  it('version with acknowledgement: an acknowledgement of the old version does not cover the new', () => {
    const v1 = rule({ id: 'x', frequency: 'version', acknowledge: true });
    let history = shown(EMPTY_HISTORY, v1, T0, 's1');
    history = recordAcknowledged(history, { tipId: 'x', contentVersion: 1 }, T0);
    expect(ids([v1], context({ history, session: 's2' }))).toEqual([]);
    const v2 = rule({
      id: 'x',
      frequency: 'version',
      acknowledge: true,
      tip: { severity: 'warning', title: '新版', body: '内容更新', version: 2 },
    });
    expect(ids([v2], context({ history, session: 's2' }))).toEqual(['x']);
  });

  it('session: a version bump shows it again within the same session', () => {
    const v1 = rule({ id: 'x', frequency: 'session' });
    const history = shown(EMPTY_HISTORY, v1, T0, 's1');
    const v2 = rule({
      id: 'x',
      frequency: 'session',
      tip: { severity: 'warning', title: 't', body: 'b', version: 2 },
    });
    expect(ids([v2], context({ history, session: 's1' }))).toEqual(['x']);
  });
});

describe('snooze and don’t show again', () => {
  it('稍后提醒 hides the tip until the snooze ends, across sessions', () => {
    const r = rule({ id: 'x', frequency: 'session', snooze: '1h' });
    const [decision] = decideTips([r], context());
    expect(decision?.snoozeMs).toBe(HOUR);
    const history = recordSnoozed(EMPTY_HISTORY, 'x', T0, decision?.snoozeMs ?? 0);
    expect(ids([r], context({ history, session: 's2', now: T0 + HOUR - 1 }))).toEqual([]);
    expect(ids([r], context({ history, session: 's2', now: T0 + HOUR }))).toEqual(['x']);
  });

  it('snooze: false offers no snooze', () => {
    const r = rule({ id: 'x', snooze: false });
    expect(decideTips([r], context())[0]?.snoozeMs).toBeUndefined();
  });

  it('不再显示 hides the tip for good on that version; a new version shows again', () => {
    const r = rule({ id: 'x', frequency: 'day', dismissible: true });
    expect(decideTips([r], context())[0]?.dismissible).toBe(true);
    const history = recordDismissed(EMPTY_HISTORY, { tipId: 'x', contentVersion: 1 });
    expect(ids([r], context({ history, session: 's5', now: T0 + 100 * DAY }))).toEqual([]);
    const v2 = rule({
      id: 'x',
      frequency: 'day',
      dismissible: true,
      tip: { severity: 'warning', title: 't', body: 'b', version: 2 },
    });
    expect(ids([v2], context({ history }))).toEqual(['x']);
  });

  it('acknowledging clears a snooze', () => {
    let history = recordSnoozed(EMPTY_HISTORY, 'x', T0, DAY);
    history = recordAcknowledged(history, { tipId: 'x', contentVersion: 1 }, T0 + HOUR);
    expect(history.tips.x?.snoozedUntil).toBeUndefined();
    expect(history.tips.x?.acknowledgedVersion).toBe(1);
  });
});

describe('必须定期修改密码: 3-month reminder with a fake clock', () => {
  const reminder = rule({
    id: 'change-password',
    where: { action: ['first-run', 'page-open'] },
    due: { since: 'password-changed', after: '3mo', unknown: 'first-run' },
    frequency: 'day',
    acknowledge: true,
    snooze: '1d',
  });
  const pageOpen: RuleAction = { kind: 'page-open', markers: [] };
  const at = (
    now: number,
    history: AckAndShowHistory,
    action: RuleAction = pageOpen,
    session = 's1',
  ) =>
    ids(
      [reminder],
      context({ now, history, action, session, url: 'http://127.0.0.1:4173/index.html#/' }),
    );

  it('unknown change date: reminds at first run only', () => {
    expect(at(T0, EMPTY_HISTORY, { kind: 'first-run' })).toEqual(['change-password']);
    expect(at(T0, EMPTY_HISTORY, pageOpen)).toEqual([]);
  });

  it('after an acknowledgement at first run, the next reminder is 3 months later', () => {
    let history = shown(EMPTY_HISTORY, reminder, T0, 's1');
    history = recordAcknowledged(history, { tipId: 'change-password', contentVersion: 1 }, T0);
    expect(dueAt(reminder, history)).toBe(Date.UTC(2027, 1, 28, 2, 0));
    expect(at(T0 + 89 * DAY, history, pageOpen, 's7')).toEqual([]);
    expect(at(Date.UTC(2027, 1, 28, 2, 0), history, pageOpen, 's8')).toEqual(['change-password']);
  });

  it('counts 3 calendar months from the last password change the extension saw', () => {
    // Changed 2026-11-28 10:00 China time → due 2027-02-28 10:00.
    const history = recordMarker(EMPTY_HISTORY, 'password-changed', T0);
    const due = Date.UTC(2027, 1, 28, 2, 0);
    expect(at(due - 1, history)).toEqual([]);
    expect(at(due, history)).toEqual(['change-password']);
  });

  it('once due: at most once a day until the password is changed, and a change resets it', () => {
    let history = recordMarker(EMPTY_HISTORY, 'password-changed', T0);
    const due = Date.UTC(2027, 1, 28, 2, 0);
    history = shown(history, reminder, due, 's1');
    history = recordAcknowledged(history, { tipId: 'change-password', contentVersion: 1 }, due);
    expect(at(due + HOUR, history, pageOpen, 's2')).toEqual([]);
    expect(at(due + DAY, history, pageOpen, 's2')).toEqual(['change-password']);
    history = recordMarker(history, 'password-changed', due + DAY + HOUR);
    expect(at(due + 2 * DAY, history, pageOpen, 's3')).toEqual([]);
  });

  it('month arithmetic clamps to the end of shorter months', () => {
    // 30 Nov 12:00 China time + 3 months = 28 Feb (2027 is not a leap year).
    expect(addInterval(Date.UTC(2026, 10, 30, 4), '3mo')).toBe(Date.UTC(2027, 1, 28, 4));
    expect(addInterval(T0, '90d')).toBe(T0 + 90 * DAY);
  });
});
