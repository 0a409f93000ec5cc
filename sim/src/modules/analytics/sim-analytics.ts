/** The 报表与分析 store bound to the sim (storage, clock). */
import { simNow } from '../../shared/clock';
import { registerSeed } from '../../shared/storage';
import { simKv } from '../service/sim-kv';
import { buildWarehouse } from './data';
import { createAnalyticsStore } from './store';

export const analyticsStore = createAnalyticsStore(simKv, simNow);

registerSeed('analytics', () => analyticsStore.reseed());

/** The warehouse as of the simulated today (last 12 complete months). */
export function currentWarehouse() {
  return buildWarehouse(simNow());
}
