import { describe, expect, it } from 'vitest';
import { describeDeadline } from '../../../lib/validators/deadline';

const DEADLINE = new Date('2025-06-10T17:00:00+08:00');
const before = (ms: number) => new Date(DEADLINE.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('describeDeadline', () => {
  it('shows days and hours, rounding down', () => {
    const status = describeDeadline(DEADLINE, before(2 * DAY + 3 * HOUR + 59 * MIN));
    expect(status).toMatchObject({
      overdue: false,
      days: 2,
      hours: 3,
      minutes: 59,
      urgency: 'normal',
    });
    expect(status.text).toBe('距截止还有 2 天 3 小时');
  });

  it('omits a zero second unit', () => {
    expect(describeDeadline(DEADLINE, before(2 * DAY)).text).toBe('距截止还有 2 天');
    expect(describeDeadline(DEADLINE, before(5 * HOUR)).text).toBe('距截止还有 5 小时');
  });

  it('shows hours and minutes within the last day and marks it as soon', () => {
    const status = describeDeadline(DEADLINE, before(3 * HOUR + 20 * MIN + 5000));
    expect(status.text).toBe('距截止还有 3 小时 20 分钟');
    expect(status.urgency).toBe('soon');
  });

  it('shows minutes, then "不到 1 分钟"', () => {
    expect(describeDeadline(DEADLINE, before(15 * MIN)).text).toBe('距截止还有 15 分钟');
    expect(describeDeadline(DEADLINE, before(30_000)).text).toBe('距截止还有不到 1 分钟');
  });

  it('is overdue at the deadline itself and after it (the system closes at the deadline)', () => {
    expect(describeDeadline(DEADLINE, DEADLINE)).toMatchObject({ overdue: true, text: '已逾期' });
    expect(describeDeadline(DEADLINE, before(-DAY))).toMatchObject({
      overdue: true,
      remainingMs: 0,
      urgency: 'overdue',
      text: '已逾期',
    });
  });

  it('accepts ISO strings and timestamps and refuses invalid dates', () => {
    expect(describeDeadline('2025-06-10T17:00:00+08:00', before(DAY).getTime()).text).toBe(
      '距截止还有 1 天',
    );
    expect(() => describeDeadline('not a date', DEADLINE)).toThrow(RangeError);
  });

  it('takes a custom "soon" window', () => {
    expect(describeDeadline(DEADLINE, before(2 * DAY), { soonWithinMs: 3 * DAY }).urgency).toBe(
      'soon',
    );
  });
});
