import { describe, expect, it } from 'vitest';
import {
  hasDisplay,
  loggedInAt,
  parseSessionArgs,
  SessionUsageError,
} from '../../../scripts/lib/tours-check/session';

const LOGIN = 'https://oa.example.gov.cn/auth/login.html?from=portal';

describe('tours:session: when the person counts as logged in', () => {
  it('by default: any other page of the same system', () => {
    expect(loggedInAt(LOGIN, LOGIN)).toBe(false);
    // A failed attempt reloads the login page with other query parameters: still not in.
    expect(loggedInAt('https://oa.example.gov.cn/auth/login.html?error=1', LOGIN)).toBe(false);
    expect(loggedInAt('https://oa.example.gov.cn/index.html#/home', LOGIN)).toBe(true);
    // A single-sign-on page on another host is a step of the login, not the system.
    expect(loggedInAt('https://sso.example.gov.cn/cas/login', LOGIN)).toBe(false);
    expect(loggedInAt('about:blank', LOGIN)).toBe(false);
    expect(loggedInAt('not a url', LOGIN)).toBe(false);
  });

  it('with --done: only the page the system shows after logging in', () => {
    const done = '/index.html*';
    // An intermediate page (choose a role, accept the notice) does not count yet.
    expect(loggedInAt('https://oa.example.gov.cn/auth/notice.html', LOGIN, done)).toBe(false);
    expect(loggedInAt('https://oa.example.gov.cn/index.html#/todo', LOGIN, done)).toBe(true);
    expect(loggedInAt('https://other.example.gov.cn/index.html', LOGIN, done)).toBe(false);
  });
});

describe('tours:session: options', () => {
  it('needs a login page and a file, and checks what it is given', () => {
    expect(() => parseSessionArgs(['--out', 's.json'])).toThrow('--url is required');
    expect(() => parseSessionArgs(['--url', LOGIN])).toThrow('--out is required');
    expect(() => parseSessionArgs(['--url', 'login.html', '--out', 's.json'])).toThrow(
      SessionUsageError,
    );
    expect(() =>
      parseSessionArgs(['--url', LOGIN, '--out', 's.json', '--debug-port', '80']),
    ).toThrow('1024–65535');
    expect(() => parseSessionArgs(['--url', LOGIN, '--out', 's.json', '--wait', '0'])).toThrow(
      '--wait',
    );
    expect(parseSessionArgs(['--url', LOGIN, '--out', 's.json'])).toEqual({
      url: LOGIN,
      out: 's.json',
      waitMs: 300_000,
    });
    expect(
      parseSessionArgs([
        '--url',
        LOGIN,
        '--out',
        's.json',
        '--done',
        '/index.html*',
        '--wait',
        '60',
        '--debug-port',
        '9333',
      ]),
    ).toEqual({ url: LOGIN, out: 's.json', done: '/index.html*', waitMs: 60_000, debugPort: 9333 });
    expect(parseSessionArgs(['-h'])).toBe('help');
  });

  it('knows when it can show a browser window', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});
