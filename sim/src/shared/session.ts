/**
 * The logged-in session (`zhiyin-sim:session`). Pages call {@link requireSession}; logged-out
 * visitors go to `login.html?redirect=<where they were>` and come back after logging in.
 */
import { simNow } from './clock';
import { readJson, removeKey, writeJson } from './storage';
import type { SimUser } from './users';
import { getUser } from './users';

const SESSION_KEY = 'session';

interface StoredSession {
  account: string;
  loginAt: number;
}

export interface Session {
  account: string;
  user: SimUser;
  loginAt: number;
}

export function getSession(): Session | null {
  const stored = readJson<StoredSession | null>(SESSION_KEY, null);
  if (!stored) return null;
  const user = getUser(stored.account);
  if (!user || !user.enabled) return null;
  return { account: stored.account, user, loginAt: stored.loginAt };
}

/** Starts a session; call after `verifyLogin` succeeded. */
export function startSession(account: string): void {
  writeJson<StoredSession>(SESSION_KEY, { account, loginAt: simNow() });
}

export function logout(): void {
  removeKey(SESSION_KEY);
  window.location.href = loginUrl();
}

/** Path of the page relative to the sim root, e.g. `index.html#/docs/new` or `legacy/borrow.html`. */
export function currentRelativeLocation(loc: Location = window.location): string {
  // The sim may be served under a sub-path; everything after the sim root is what matters.
  const marker = simRootPath(loc);
  const path = loc.pathname.startsWith(marker) ? loc.pathname.slice(marker.length) : loc.pathname;
  return `${path || 'index.html'}${loc.search}${loc.hash}`;
}

/** The directory the sim is served from (pages in `legacy/` sit one level down). */
export function simRootPath(loc: Location = window.location): string {
  const dir = loc.pathname.replace(/[^/]*$/, '');
  return dir.endsWith('/legacy/') ? dir.slice(0, -'legacy/'.length) : dir;
}

export function loginUrl(redirect?: string): string {
  const base = `${simRootPath()}login.html`;
  return redirect ? `${base}?redirect=${encodeURIComponent(redirect)}` : base;
}

/**
 * Only same-sim relative targets are honoured, so `?redirect=` cannot send a user to another site.
 */
export function safeRedirectTarget(raw: string | null): string {
  if (!raw) return 'index.html';
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//') || raw.startsWith('/')) {
    return 'index.html';
  }
  if (raw.startsWith('login.html')) return 'index.html';
  return raw;
}

/**
 * Returns the session, or redirects to the login page (keeping where the user was) and returns
 * null; callers render nothing in that case.
 */
export function requireSession(): Session | null {
  const session = getSession();
  if (session) return session;
  window.location.replace(loginUrl(currentRelativeLocation()));
  return null;
}

/**
 * The demo role switcher: become another user without a password (a training convenience of the
 * simulated system) and reload the page so everything re-reads the current user.
 */
export function switchUser(account: string): void {
  const user = getUser(account);
  if (!user) throw new Error(`switchUser: unknown account ${account}`);
  startSession(account);
  window.location.reload();
}
