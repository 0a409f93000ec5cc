/**
 * What each distributed build's manifest must be for the browsers it targets (docs/
 * compatibility.md). Pure: scripts/check-builds.ts reads the built manifests and runs these;
 * tests/unit/scripts/manifest-checks.test.ts runs them on good and broken manifests.
 */

export type BuildTarget = 'chrome-mv3' | 'chrome-mv2' | 'firefox-mv2';

type Manifest = Record<string, unknown>;

/** Permissions a Manifest V2 kernel rejects or ignores (the APIs behind them do not exist). */
export const MV3_ONLY_PERMISSIONS = [
  'scripting',
  'offscreen',
  'sidePanel',
  'declarativeNetRequest',
  'declarativeNetRequestWithHostAccess',
  'declarativeNetRequestFeedback',
  'userScripts',
] as const;

/** The oldest Chromium kernel the Chrome MV2 build is for (360安全浏览器 13). */
export const LEGACY_KERNEL = 86;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/** Problems with a built manifest for its target; empty when it is right. */
export function checkManifest(target: BuildTarget, manifest: Manifest): string[] {
  const problems: string[] = [];
  const expectVersion = target === 'chrome-mv3' ? 3 : 2;
  if (manifest.manifest_version !== expectVersion)
    problems.push(`manifest_version is ${String(manifest.manifest_version)}, not ${expectVersion}`);
  const background = record(manifest.background);
  const permissions = list(manifest.permissions);
  const schema = record(manifest.storage)?.managed_schema;
  if (schema !== 'managed-schema.json')
    problems.push('storage.managed_schema must be managed-schema.json (the enterprise policy)');

  if (expectVersion === 2) {
    if (!background || !Array.isArray(background.scripts) || background.scripts.length === 0)
      problems.push('MV2 needs a background page: background.scripts');
    if (background?.service_worker) problems.push('MV2 has no background.service_worker');
    if (manifest.action) problems.push('MV2 uses browser_action, not action');
    if (!record(manifest.browser_action)) problems.push('MV2 needs browser_action (the popup)');
    if (manifest.host_permissions)
      problems.push('MV2 has no host_permissions: hosts go in permissions');
    for (const permission of MV3_ONLY_PERMISSIONS)
      if (permissions.includes(permission))
        problems.push(`permission "${permission}" does not exist in Manifest V2`);
    const resources = manifest.web_accessible_resources;
    if (resources !== undefined && !list(resources).every((entry) => typeof entry === 'string'))
      problems.push('MV2 web_accessible_resources must be a list of paths (strings)');
  } else {
    if (typeof background?.service_worker !== 'string')
      problems.push('MV3 needs background.service_worker');
    if (manifest.browser_action) problems.push('MV3 uses action, not browser_action');
    if (!record(manifest.action)) problems.push('MV3 needs action (the popup)');
    const resources = manifest.web_accessible_resources;
    if (resources !== undefined && !list(resources).every((entry) => record(entry)?.resources))
      problems.push('MV3 web_accessible_resources must be objects with resources and matches');
  }

  if (target === 'chrome-mv2') {
    const minimum = Number(manifest.minimum_chrome_version ?? 0);
    if (minimum > LEGACY_KERNEL)
      problems.push(
        `minimum_chrome_version ${minimum} shuts out kernel ${LEGACY_KERNEL} (360安全浏览器 13)`,
      );
  }
  if (target === 'firefox-mv2') {
    const gecko = record(record(manifest.browser_specific_settings)?.gecko);
    if (typeof gecko?.id !== 'string')
      problems.push(
        'Firefox needs browser_specific_settings.gecko.id (managed storage is keyed by it)',
      );
  }
  const action = record(manifest.action ?? manifest.browser_action);
  if (action && action.default_title !== '__MSG_extActionTitle__')
    problems.push('the toolbar button title must be the localised __MSG_extActionTitle__');
  return problems;
}
