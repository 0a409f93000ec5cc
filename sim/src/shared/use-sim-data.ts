import { useSyncExternalStore } from 'react';
import { CLOCK_CHANGE_EVENT, simNow } from './clock';
import { getChangeVersion, subscribeChanges } from './storage';

/**
 * Re-runs `read` whenever sim storage changes (this tab or another), so components show fresh
 * data after any module writes. `read` must be cheap: it runs on every change.
 */
export function useSimData<T>(read: () => T): T {
  // Subscribing is what matters: a change re-renders the component, which reads afresh.
  useSyncExternalStore(subscribeChanges, getChangeVersion);
  return read();
}

function subscribeClock(listener: () => void): () => void {
  window.addEventListener(CLOCK_CHANGE_EVENT, listener);
  const timer = window.setInterval(listener, 30_000);
  return () => {
    window.removeEventListener(CLOCK_CHANGE_EVENT, listener);
    window.clearInterval(timer);
  };
}

let clockSnapshot = simNow();
function clockValue(): number {
  // Snapshot to the minute so useSyncExternalStore sees a stable value between ticks.
  const minute = Math.floor(simNow() / 60_000) * 60_000;
  if (minute !== clockSnapshot) clockSnapshot = minute;
  return clockSnapshot;
}

/** Simulated time to the minute; re-renders when the sim clock moves. */
export function useSimNow(): number {
  return useSyncExternalStore(subscribeClock, clockValue);
}
