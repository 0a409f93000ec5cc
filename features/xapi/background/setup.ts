import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { readManaged, readPolicy, watchPolicy } from '../../../app/policy/store';
import { DEADLINES } from '../../../lib/platform/deadline';
import { parseOrgIdentity } from '../../org/identity';
import type { Tour } from '../../tour/schema';
import { XAPI_OUTBOX_ALARM, createXapiService, homePageFromMatches } from './service';
import { subscribeXapi } from './subscribe';

/**
 * xAPI in the background: learning records → statements → outbox → LRS. Delivers what is due at
 * every worker start, on its alarm and when the LRS settings change.
 */
export function setupXapi(platform: BackgroundPlatform, tours: readonly Tour[]) {
  const xapi = createXapiService({
    db: platform.db,
    // Where to send and the options page's status: the policy in force now (a slow browser
    // start: statements wait, and are sent when the managed policy answers, see watchPolicy).
    lrs: async () => (await readPolicy()).policy.lrs,
    // What statements say (home page, activity ids) is fixed in them: wait for the policy.
    lrsForStatements: async () => (await readPolicy(DEADLINES.policyForStatements)).policy.lrs,
    tours,
    alarms: browser.alarms,
    store: platform.local,
    defaultHomePage:
      homePageFromMatches(platform.contentMatches) ?? platform.extensionOrigin.replace(/\/$/, ''),
    platform: `Zhiyin 指引 ${platform.manifest.version}`,
    // The organisation's identity (managed policy `identity`): department and account. The same
    // shared managed-storage read as the policy's (no second call, no second wait).
    orgIdentity: async () =>
      parseOrgIdentity(
        ((await readManaged(DEADLINES.policyForStatements)).value as Record<string, unknown>)
          .identity,
      ),
  });
  const flush = () => void xapi.flush().catch(() => undefined);
  flush();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === XAPI_OUTBOX_ALARM) flush();
  });
  // New or changed LRS settings: send what waited, without waiting out an old backoff.
  watchPolicy(() => void xapi.flush({ force: true }).catch(() => undefined));
  subscribeXapi(platform.records, xapi, platform.tabUrl);
  return xapi;
}
