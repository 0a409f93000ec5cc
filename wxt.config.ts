import { defineConfig } from 'wxt';
import { contentScriptMatches } from './lib/hosts/match-patterns';
import { VALIDATOR_IDS } from './lib/validators';
import { helpPlugin } from './features/help/build-plugin';
import { rulesPlugin } from './features/rules/build-plugin';
import { toursPlugin } from './features/tour/build-plugin';
// Progress area (onboarding checklists).
import { checklistsPlugin } from './features/checklist/build-plugin';
// Quizzes area (知识测验).
import { quizPlugin } from './features/quiz/build-plugin';
// Deployment: Chrome MV2 for kernels below 88 (docs/compatibility.md).
import { LEGACY_CHROME_TARGET, legacyRuntimePlugin } from './scripts/lib/legacy-build';

/**
 * Build modes:
 * - `production` (`npm run build`): content script matches only the hosts in ZHIYIN_HOSTS.
 * - `test` (`npm run build:test`, used by `npm start` and the end-to-end tests): also matches
 *   http://localhost/* and http://127.0.0.1/* so the extension runs on the simulated system.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: every dependency is visible in the code.
  imports: false,
  // ZHIYIN_OUT_DIR lets parallel builds (several people or agents testing at once) use their own
  // folder; tests/e2e/fixtures.ts reads the same variable.
  ...(process.env.ZHIYIN_OUT_DIR ? { outDir: process.env.ZHIYIN_OUT_DIR } : {}),
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}-{{mode}}',
  // Chrome MV3 and MV2 zips must not overwrite each other.
  // The Firefox sources zip (for add-on review) carries the source, not test output.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    excludeSources: ['output/**', 'test-results/**', 'playwright-report/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Each permission is justified in README "Permissions". No 'tabs': the host permissions below
    // already give the URL and title of the configured hosts' tabs, and nothing else is read. No
    // 'unlimitedStorage': records live in IndexedDB (ordinary origin quota) and are pruned by the
    // retention policy; storage.local holds only small settings.
    permissions: [
      'storage',
      'alarms',
      // Report screenshots: granted for the current tab when the learner opens the popup.
      'activeTab',
      ...(manifestVersion === 3 ? ['scripting'] : []),
      // Tour targets in cross-origin iframes: getAllFrames maps the iframe's URL to the frame id
      // the background messages, and onCommitted says when that frame navigates away.
      'webNavigation',
    ],
    action: { default_title: '__MSG_extActionTitle__' },
    // Administrators configure report and LRS endpoints by enterprise policy (lib/policy).
    storage: { managed_schema: 'managed-schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'zhiyin@zhiyin.local',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    ...(manifestVersion === 2 ? {} : { minimum_chrome_version: '109' }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      const matches = contentScriptMatches({
        mode: wxt.config.mode,
        configuredHosts: process.env.ZHIYIN_HOSTS,
      });
      if (matches.length === 0) {
        // Browsers refuse a content script with no match patterns: drop it, so the build still
        // installs (popup, options, records) and runs on no page until hosts are configured.
        wxt.logger.warn('ZHIYIN_HOSTS is empty: this build runs on no host page.');
        delete manifest.content_scripts;
      }
      for (const script of manifest.content_scripts ?? []) script.matches = matches;
      // Host permissions follow the content-script hosts: the background may need to message and
      // capture those tabs, and nothing else.
      // The test build also gets <all_urls>: end-to-end tests open the popup as a page, which
      // grants no activeTab, and captureVisibleTab needs one or the other. Production relies on
      // activeTab (the learner clicks the toolbar button).
      const hosts = wxt.config.mode === 'production' ? matches : [...matches, '<all_urls>'];
      if (wxt.config.manifestVersion === 3) manifest.host_permissions = hosts;
      else manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
      // The toolbar button's tooltip (WXT would otherwise take the popup page's <title>).
      // (MV2: `browser_action`; set on each key present, WXT may carry both while converting.)
      for (const action of [manifest.action, manifest.browser_action])
        if (action) action.default_title = '__MSG_extActionTitle__';
    },
  },
  vite: (env) => ({
    build: {
      // ZHIYIN_SOURCEMAP=1: source maps, to attribute bundle bytes (bench/README.md, tour engine).
      ...(process.env.ZHIYIN_SOURCEMAP ? { sourcemap: true } : {}),
      // Chrome MV2 runs on kernels down to 86 (360安全浏览器 13): syntax is lowered to that.
      ...(env.browser === 'chrome' && env.manifestVersion === 2
        ? { target: LEGACY_CHROME_TARGET }
        : {}),
    },
    // Tours are validated at build time; a broken tour file fails the build with file and path.
    plugins: [
      toursPlugin({ validatorIds: VALIDATOR_IDS }),
      helpPlugin(),
      rulesPlugin(),
      checklistsPlugin(),
      quizPlugin(),
      // Chrome MV2 only: the built-ins kernel 86 lacks, first in every entrypoint.
      ...(env.browser === 'chrome' && env.manifestVersion === 2 ? [legacyRuntimePlugin()] : []),
    ],
    resolve: {
      // Chrome MV2 (older domestic browsers): `chrome.*` there returns no promises, so route
      // `wxt/browser` through the webextension polyfill for that target only.
      alias: (env.browser === 'chrome' && env.manifestVersion === 2
        ? {
            'wxt/browser': '@wxt-dev/webextension-polyfill/browser',
            // WXT's storage helper (wxt/utils/storage) imports the raw `chrome` wrapper directly;
            // on kernel 86 `chrome.storage.local.get()` without a callback returns undefined
            // (found by npm run smoke:kernel86: every page failed reading preferences).
            '@wxt-dev/browser': '@wxt-dev/webextension-polyfill/browser',
          }
        : {}) as Record<string, string>,
    },
  }),
});
