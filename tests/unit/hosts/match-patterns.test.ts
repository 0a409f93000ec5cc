import { describe, expect, it } from 'vitest';
import { contentScriptMatches, toMatchPattern } from '../../../lib/hosts/match-patterns';

describe('content-script host matching', () => {
  it('runs a production build only on the hosts the administrator configured', () => {
    expect(
      contentScriptMatches({
        mode: 'production',
        configuredHosts: 'oa.gov.example, https://zw.gov.example:8443',
      }),
    ).toEqual(['https://oa.gov.example/*', 'https://zw.gov.example/*']);
  });

  it('reads a bare host as HTTPS; plain HTTP only when written on purpose', () => {
    expect(toMatchPattern('oa.gov.example')).toBe('https://oa.gov.example/*');
    expect(toMatchPattern('oa.gov.example:8080')).toBe('https://oa.gov.example/*');
    expect(toMatchPattern('http://legacy.gov.example')).toBe('http://legacy.gov.example/*');
    expect(toMatchPattern('*://both.gov.example/*')).toBe('*://both.gov.example/*');
  });

  it('runs a production build nowhere when no host is configured', () => {
    expect(contentScriptMatches({ mode: 'production', configuredHosts: undefined })).toEqual([]);
  });

  it('adds localhost to the test build so the simulated system works', () => {
    expect(contentScriptMatches({ mode: 'test', configuredHosts: '' })).toEqual([
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('keeps full match patterns as written', () => {
    expect(toMatchPattern('https://*.gov.example/*')).toBe('https://*.gov.example/*');
  });

  it('fails the build on an entry that cannot be a host', () => {
    expect(() => toMatchPattern('not a host/!')).toThrow(/ZHIYIN_HOSTS: "not a host\/!"/);
  });
});
