/**
 * The simulated clock. Every time-dependent rule of the sim (login lockout, report deadlines,
 * timestamps, archive year/month) reads `simNow()`, so tests and trainers can move time without
 * waiting: `window.simClock.advance(30 * 60 * 1000)`.
 */
import { STORAGE_PREFIX } from './storage';

const OFFSET_KEY = `${STORAGE_PREFIX}clock:offset`;
export const CLOCK_CHANGE_EVENT = 'zhiyin-sim:clock';

function readOffset(): number {
  try {
    const raw = localStorage.getItem(OFFSET_KEY);
    const value = raw == null ? 0 : Number(raw);
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

function writeOffset(offset: number): void {
  try {
    if (offset === 0) localStorage.removeItem(OFFSET_KEY);
    else localStorage.setItem(OFFSET_KEY, String(offset));
  } catch {
    // No storage (opaque origin): the clock stays real time.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(CLOCK_CHANGE_EVENT));
}

/** Milliseconds since the epoch, in simulated time. */
export function simNow(): number {
  return Date.now() + readOffset();
}

export function simDate(): Date {
  return new Date(simNow());
}

export interface SimClock {
  /** Simulated time in ms since the epoch. */
  now(): number;
  /** Moves simulated time forward (or back, with a negative value). Returns the new time. */
  advance(ms: number): number;
  /** Jumps to an ISO date-time, e.g. `2026-11-15T09:00:00+08:00`. Returns the new time. */
  set(isoString: string): number;
  /** Back to real time. */
  reset(): number;
}

export const simClock: SimClock = {
  now: simNow,
  advance(ms) {
    writeOffset(readOffset() + ms);
    return simNow();
  },
  set(isoString) {
    const target = Date.parse(isoString);
    if (Number.isNaN(target)) throw new Error(`simClock.set: not a date: ${isoString}`);
    writeOffset(target - Date.now());
    return simNow();
  },
  reset() {
    writeOffset(0);
    return simNow();
  },
};

declare global {
  interface Window {
    simClock: SimClock;
  }
}

/** Exposes `window.simClock` (done on import, so every page that uses the shared layer has it). */
export function installSimClock(): void {
  if (typeof window !== 'undefined') window.simClock = simClock;
}

installSimClock();
