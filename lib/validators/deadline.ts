/**
 * Countdown to a reporting deadline.
 *
 * The training plan (数据上报 注意事项): "上报截止时间前需完成提交，逾期系统自动关闭" — so the moment
 * of the deadline itself already counts as overdue. Remaining time is rounded down (a countdown
 * never promises more time than there is).
 */
import { validatorMessages, type ValidatorLanguage } from './messages';

export interface DeadlineStatus {
  /** True once `now` has reached the deadline. */
  overdue: boolean;
  /** Milliseconds left (0 when overdue). */
  remainingMs: number;
  /** Whole days, hours, minutes and seconds left (all 0 when overdue). */
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /**
   * `soon` when less than `soonWithinMs` (default 24 h) is left — worth a warning colour.
   */
  urgency: 'normal' | 'soon' | 'overdue';
  /** "距截止还有 2 天 3 小时", "距截止还有 3 小时 20 分钟", "距截止还有不到 1 分钟" or "已逾期". */
  text: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toTime(value: Date | string | number, name: string): number {
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`${name} is not a valid date: ${String(value)}`);
  return time;
}

/**
 * Describes the time left before `deadline` as seen at `now` (default: the current time).
 * The text shows the two largest non-zero units (days + hours, or hours + minutes, or minutes).
 *
 * @throws RangeError when either date cannot be parsed.
 */
export function describeDeadline(
  deadline: Date | string | number,
  now: Date | string | number = Date.now(),
  options: { soonWithinMs?: number; language?: ValidatorLanguage } = {},
): DeadlineStatus {
  const t = validatorMessages(options.language);
  const remaining = toTime(deadline, 'deadline') - toTime(now, 'now');
  if (remaining <= 0) {
    return {
      overdue: true,
      remainingMs: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      urgency: 'overdue',
      text: t.deadlineOverdue,
    };
  }
  const days = Math.floor(remaining / DAY);
  const hours = Math.floor((remaining % DAY) / HOUR);
  const minutes = Math.floor((remaining % HOUR) / MINUTE);
  const seconds = Math.floor((remaining % MINUTE) / 1000);
  let text: string;
  if (days > 0) text = hours > 0 ? t.deadlineDaysHours({ days, hours }) : t.deadlineDays({ days });
  else if (hours > 0)
    text = minutes > 0 ? t.deadlineHoursMinutes({ hours, minutes }) : t.deadlineHours({ hours });
  else if (minutes > 0) text = t.deadlineMinutes({ minutes });
  else text = t.deadlineUnderMinute;
  return {
    overdue: false,
    remainingMs: remaining,
    days,
    hours,
    minutes,
    seconds,
    urgency: remaining < (options.soonWithinMs ?? DAY) ? 'soon' : 'normal',
    text,
  };
}
