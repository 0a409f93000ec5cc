/** Hosts the development/test build always runs on, so the simulated system works out of the box. */
export const LOCAL_TEST_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export interface MatchOptions {
  /** WXT build mode: `production`, `test`, `development`. */
  mode: string;
  /**
   * Comma- or whitespace-separated list an administrator configured at build time
   * (`ZHIYIN_HOSTS`). Entries may be bare hosts (`oa.gov.example`, meaning HTTPS), origins
   * (`https://oa.gov.example:8443`) or full match patterns (`https://*.gov.example/*`).
   */
  configuredHosts?: string | undefined;
}

/**
 * Turns one configured host entry into a WebExtension match pattern.
 * Throws with the offending entry when it cannot be one, so a typo fails the build instead of
 * silently producing an extension that runs nowhere.
 */
export function toMatchPattern(entry: string): string {
  const value = entry.trim();
  if (/^(https?|\*):\/\/[^/]+\/.*$/.test(value)) return value;
  const origin = /^(https?):\/\/([^/]+)\/?$/.exec(value);
  if (origin) return `${origin[1]}://${stripPort(origin[2] ?? '')}/*`;
  // A bare host means HTTPS: Zhiyin sends nothing to a page over plain HTTP unless the
  // administrator wrote `http://` (or `*://`) on purpose.
  if (/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(value)) return `https://${stripPort(value)}/*`;
  throw new Error(`ZHIYIN_HOSTS: "${entry}" is not a host name, origin or match pattern`);
}

// Chromium match patterns ignore ports; a port in the pattern makes it invalid in older versions.
function stripPort(host: string): string {
  return host.replace(/:\d+$/, '');
}

/** The content-script match patterns for a build. */
export function contentScriptMatches({ mode, configuredHosts }: MatchOptions): string[] {
  const configured = (configuredHosts ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(toMatchPattern);
  const patterns = mode === 'production' ? configured : [...configured, ...LOCAL_TEST_MATCHES];
  return [...new Set(patterns)];
}
