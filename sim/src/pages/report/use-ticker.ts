import { useEffect, useState } from 'react';
import { CLOCK_CHANGE_EVENT, simNow } from '../../shared/clock';

/** Simulated time, refreshed every second and whenever the sim clock is moved (countdowns). */
export function useTicker(): number {
  const [now, setNow] = useState(simNow);
  useEffect(() => {
    const tick = () => setNow(simNow());
    const timer = window.setInterval(tick, 1000);
    window.addEventListener(CLOCK_CHANGE_EVENT, tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CLOCK_CHANGE_EVENT, tick);
    };
  }, []);
  return now;
}
