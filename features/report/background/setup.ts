import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { readPolicy, watchPolicy } from '../../../app/policy/store';
import { readPreferences } from '../../../lib/settings/preferences';
import type { Role } from '../../profile/roles';
import type { RunnerSnapshot } from '../../tour/runner';
import type { Tour } from '../../tour/schema';
import { reportEnvironment } from './context';
import { REPORT_OUTBOX_ALARM, runReportOutbox } from './alarm';
import { ReportOutbox } from './outbox';
import type { ReportServices } from './routes';
import { captureMaskedScreenshot } from './screenshot';

/**
 * Problem reports in the background: the outbox, its delivery (every worker start, its alarm, a
 * policy change) and the context a report carries.
 */
export function setupReports(
  platform: BackgroundPlatform,
  deps: {
    role(): Promise<Role | null>;
    session(tabId: number): Promise<{ snapshot: RunnerSnapshot; tour: Tour } | null>;
  },
): ReportServices {
  const outbox = new ReportOutbox({
    table: platform.db.reportOutbox,
    // Unknown while the managed policy has not answered: reports wait, watchPolicy sends them.
    endpoint: async () => (await readPolicy()).policy.reportEndpoint,
    policyPending: async () => (await readPolicy()).managedPending === true,
  });
  const deliver = () => void runReportOutbox(outbox, browser.alarms);
  // Every worker start (and so every browser start) delivers what is due.
  deliver();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_OUTBOX_ALARM) deliver();
  });
  watchPolicy(deliver);
  return {
    outbox,
    deliver,
    now: Date.now,
    readPolicy,
    captureScreenshot: captureMaskedScreenshot,
    async environment(tabId, from) {
      const tab = tabId === null ? null : await browser.tabs.get(tabId).catch(() => null);
      const page = from.page ?? (tab ? { url: tab.url ?? null, title: tab.title ?? null } : null);
      return reportEnvironment({
        db: platform.db,
        tabId,
        page,
        frame: from.frame,
        extensionVersion: platform.manifest.version,
        userAgent: navigator.userAgent,
        brands: (
          navigator as Navigator & {
            userAgentData?: { brands: { brand: string; version: string }[] };
          }
        ).userAgentData?.brands,
        locale: (await readPreferences()).language,
        role: await deps.role(),
        session: tabId === null ? null : await deps.session(tabId),
      });
    },
  };
}
