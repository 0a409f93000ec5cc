/**
 * scripts/check-builds.ts (CI, npm run dist) fails a distributed build whose manifest a target
 * browser would refuse or misread: these are the shapes it must catch.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../../scripts/lib/manifest-checks';

const mv2 = {
  manifest_version: 2,
  background: { scripts: ['background.js'] },
  browser_action: { default_title: '__MSG_extActionTitle__', default_popup: 'popup.html' },
  permissions: ['storage', 'alarms', 'activeTab', 'webNavigation', 'https://oa.example/*'],
  storage: { managed_schema: 'managed-schema.json' },
};
const mv3 = {
  manifest_version: 3,
  background: { service_worker: 'background.js' },
  action: { default_title: '__MSG_extActionTitle__', default_popup: 'popup.html' },
  permissions: ['storage', 'scripting'],
  host_permissions: ['https://oa.example/*'],
  storage: { managed_schema: 'managed-schema.json' },
  minimum_chrome_version: '109',
};

describe('build manifest checks', () => {
  it('accepts the shapes the builds have', () => {
    expect(checkManifest('chrome-mv2', mv2)).toEqual([]);
    expect(checkManifest('chrome-mv3', mv3)).toEqual([]);
    expect(
      checkManifest('firefox-mv2', {
        ...mv2,
        browser_specific_settings: { gecko: { id: 'zhiyin@zhiyin.local' } },
      }),
    ).toEqual([]);
  });

  it('an MV2 build with MV3-only parts fails, each part named', () => {
    const problems = checkManifest('chrome-mv2', {
      ...mv2,
      background: { service_worker: 'background.js' },
      action: mv3.action,
      browser_action: undefined,
      host_permissions: ['https://oa.example/*'],
      permissions: ['storage', 'scripting', 'offscreen'],
      web_accessible_resources: [{ resources: ['overlay.js'], matches: ['<all_urls>'] }],
      minimum_chrome_version: '109',
    });
    expect(problems.join('\n')).toMatch(/background\.scripts/);
    expect(problems.join('\n')).toMatch(/browser_action, not action/);
    expect(problems.join('\n')).toMatch(/no host_permissions/);
    expect(problems.join('\n')).toMatch(/"scripting" does not exist/);
    expect(problems.join('\n')).toMatch(/"offscreen" does not exist/);
    expect(problems.join('\n')).toMatch(/list of paths/);
    expect(problems.join('\n')).toMatch(/shuts out kernel 86/);
  });

  it('an MV3 build with MV2 parts, a Firefox build without an add-on id, fail', () => {
    expect(
      checkManifest('chrome-mv3', { ...mv3, browser_action: mv2.browser_action }).join('\n'),
    ).toMatch(/action, not browser_action/);
    expect(checkManifest('firefox-mv2', mv2).join('\n')).toMatch(/gecko\.id/);
    expect(checkManifest('chrome-mv2', { ...mv2, storage: {} }).join('\n')).toMatch(
      /managed_schema/,
    );
  });
});
