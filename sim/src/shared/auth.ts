/**
 * Credentials and the plan's account-security rules (安全防护模块):
 * - 连续5次登录失败锁定30分钟 — counted per account, on the simulated clock;
 * - a locked account is refused even with the right password until the lock expires;
 * - a successful login resets the counter;
 * - the date of the last password change is kept (密码定期更换, 每3个月).
 * Passwords are stored in clear: this is test data in a training sandbox, not a real system.
 */
import { simNow } from './clock';
import { createStore, registerSeed } from './storage';
import { DEMO_PASSWORD, SEED_USERS, getUser } from './users';

export const MAX_LOGIN_FAILURES = 5;
export const LOCK_DURATION_MS = 30 * 60 * 1000;
/** 密码定期更换: every 3 months. */
export const PASSWORD_MAX_AGE_MONTHS = 3;

export interface Credential {
  password: string;
  /** Consecutive failed logins since the last success or lock. */
  failures: number;
  /** Simulated time until which the account is locked; null when not locked. */
  lockedUntil: number | null;
  /** Simulated time of the last password change. */
  passwordChangedAt: number;
  lastLoginAt: number | null;
}

type CredentialMap = Record<string, Credential>;

function seedCredentials(): CredentialMap {
  const now = simNow();
  // Seeded passwords were "changed" 40 days ago, so the 3-month reminder is not due on day one.
  const changedAt = now - 40 * 24 * 3600 * 1000;
  return Object.fromEntries(
    SEED_USERS.map((u) => [
      u.account,
      {
        password: DEMO_PASSWORD,
        failures: 0,
        lockedUntil: null,
        passwordChangedAt: changedAt,
        lastLoginAt: null,
      },
    ]),
  );
}

const credentialStore = createStore<CredentialMap>('auth:credentials', seedCredentials);

registerSeed('auth', () => credentialStore.set(seedCredentials()));

export function getCredential(account: string): Credential | undefined {
  return credentialStore.get()[account];
}

function saveCredential(account: string, credential: Credential): void {
  credentialStore.update((all) => ({ ...all, [account]: credential }));
}

/** Creates credentials for a user added by the 账号与权限 module. */
export function setInitialPassword(account: string, password: string): void {
  saveCredential(account, {
    password,
    failures: 0,
    lockedUntil: null,
    passwordChangedAt: simNow(),
    lastLoginAt: null,
  });
}

export type LoginResult =
  | { ok: true; account: string }
  | { ok: false; reason: 'unknown-account' | 'disabled'; message: string }
  | { ok: false; reason: 'wrong-password'; message: string; remainingAttempts: number }
  | { ok: false; reason: 'locked'; message: string; lockedUntil: number };

function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function lockedMessage(lockedUntil: number): string {
  return `账号已锁定：连续${MAX_LOGIN_FAILURES}次登录失败，锁定30分钟，请于 ${formatClock(lockedUntil)} 后再试，或联系系统管理员解锁。`;
}

/** Checks a login attempt and updates the failure counter / lock. Does not create the session. */
export function verifyLogin(account: string, password: string): LoginResult {
  const user = getUser(account);
  const credential = getCredential(account);
  if (!user || !credential) {
    return { ok: false, reason: 'unknown-account', message: '账号或密码错误，请检查后重新输入。' };
  }
  if (!user.enabled) {
    return { ok: false, reason: 'disabled', message: '该账号已停用，请联系系统管理员。' };
  }
  const now = simNow();
  if (credential.lockedUntil !== null && credential.lockedUntil > now) {
    return {
      ok: false,
      reason: 'locked',
      message: lockedMessage(credential.lockedUntil),
      lockedUntil: credential.lockedUntil,
    };
  }
  // An expired lock starts a fresh count.
  const base: Credential =
    credential.lockedUntil !== null
      ? { ...credential, lockedUntil: null, failures: 0 }
      : credential;
  if (base.password !== password) {
    const failures = base.failures + 1;
    if (failures >= MAX_LOGIN_FAILURES) {
      const lockedUntil = now + LOCK_DURATION_MS;
      saveCredential(account, { ...base, failures: 0, lockedUntil });
      return { ok: false, reason: 'locked', message: lockedMessage(lockedUntil), lockedUntil };
    }
    saveCredential(account, { ...base, failures });
    const remainingAttempts = MAX_LOGIN_FAILURES - failures;
    return {
      ok: false,
      reason: 'wrong-password',
      message: `密码错误，还可尝试 ${remainingAttempts} 次（连续${MAX_LOGIN_FAILURES}次失败将锁定账号30分钟）。`,
      remainingAttempts,
    };
  }
  saveCredential(account, { ...base, failures: 0, lockedUntil: null, lastLoginAt: now });
  return { ok: true, account };
}

/** Unlocks an account (系统管理员 action). */
export function unlockAccount(account: string): void {
  const credential = getCredential(account);
  if (credential) saveCredential(account, { ...credential, failures: 0, lockedUntil: null });
}

export function isLocked(account: string): boolean {
  const credential = getCredential(account);
  return credential?.lockedUntil != null && credential.lockedUntil > simNow();
}

/** Sets a new password after the caller validated it; records the change date. */
export function changePassword(account: string, oldPassword: string, newPassword: string) {
  const credential = getCredential(account);
  if (!credential) return { ok: false as const, message: '账号不存在。' };
  if (credential.password !== oldPassword) return { ok: false as const, message: '原密码不正确。' };
  if (oldPassword === newPassword)
    return { ok: false as const, message: '新密码不能与原密码相同。' };
  saveCredential(account, { ...credential, password: newPassword, passwordChangedAt: simNow() });
  return { ok: true as const };
}

/** Whether the 3-monthly password change is due (Zhiyin reminds about it). */
export function isPasswordChangeDue(account: string): boolean {
  const credential = getCredential(account);
  if (!credential) return false;
  const due = new Date(credential.passwordChangedAt);
  due.setMonth(due.getMonth() + PASSWORD_MAX_AGE_MONTHS);
  return simNow() >= due.getTime();
}
