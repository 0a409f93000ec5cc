/**
 * The example deployment files under deploy/ are what scripts/lib/deploy-files.ts makes from the
 * two example JSON files, and the policy they carry is one the extension accepts whole: read
 * back from the registry format, the Linux JSON and Firefox's policies.json, it resolves with no
 * problem and every key locked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyInput } from '../../../app/policy/policy';
import {
  deployFiles,
  EXAMPLE_OPTIONS,
  fileBytes,
  WINDOWS_BROWSERS,
} from '../../../scripts/lib/deploy-files';
import { extensionIdOf } from '../../../scripts/extension-id';
import { generateKeyPairSync } from 'node:crypto';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) =>
  JSON.parse(readFileSync(path.join(root, file), 'utf8')) as PolicyInput;
const policy = readJson('deploy/policy.example.json');
const identity = readJson('deploy/identity.example.json');
const version = (readJson('package.json') as { version: string }).version;
const files = deployFiles(policy, identity, { ...EXAMPLE_OPTIONS, version });

/** Reads a .reg file's values under one key back into a policy (REG_SZ JSON, dword numbers). */
function readReg(text: string, keySuffix: string): PolicyInput {
  const out: Record<string, unknown> = {};
  let inKey = false;
  for (const line of text.split('\r\n')) {
    if (line.startsWith('[')) inKey = line.endsWith(`${keySuffix}]`);
    const match = inKey
      ? /^"([^"]+)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line)
      : null;
    if (!match) continue;
    if (match[3] !== undefined) out[match[1]!] = parseInt(match[3], 16);
    else {
      const text = match[2]!.replace(/\\(.)/g, '$1');
      out[match[1]!] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    }
  }
  return out;
}

describe('deploy/ example files', () => {
  it('are the ones npm run deploy:files makes (run it after changing the examples)', () => {
    for (const [name, text] of files) {
      const committed = readFileSync(path.join(root, 'deploy', name));
      expect(committed.equals(fileBytes(name, text)), `deploy/${name}`).toBe(true);
    }
  });

  it('the organisation policy and identity resolve with no problem and every key locked', () => {
    const view = resolvePolicy({ ...policy, ...identity }, {});
    expect(view.problems).toEqual([]);
    expect(view.locked.sort()).toEqual(Object.keys({ ...policy, ...identity }).sort());
    expect(view.policy.identity?.department).toBe('办公室');
  });

  it('each registry file carries the same policy, readable as Chrome reads it', () => {
    for (const browser of WINDOWS_BROWSERS) {
      const machine = files.get(`windows/${browser.file}-machine.reg`)!;
      expect(machine).toContain(`[HKEY_LOCAL_MACHINE\\${browser.key}\\ExtensionInstallForcelist]`);
      expect(machine).toContain(
        `"1"="${EXAMPLE_OPTIONS.extensionId};${EXAMPLE_OPTIONS.updateUrl}"`,
      );
      const suffix = `\\3rdparty\\extensions\\${EXAMPLE_OPTIONS.extensionId}\\policy`;
      expect(readReg(machine, suffix)).toEqual(policy);
      const user = files.get(`windows/${browser.file}-user-identity.reg`)!;
      expect(user).toContain(`[HKEY_CURRENT_USER\\${browser.key}${suffix}]`);
      expect(resolvePolicy(readReg(user, suffix), {}).policy.identity).toEqual(identity.identity);
    }
  });

  it('the Linux and Firefox files carry the policy under the extension id', () => {
    const linux = JSON.parse(files.get('linux/zhiyin.json')!) as {
      ExtensionInstallForcelist: string[];
      '3rdparty': { extensions: Record<string, PolicyInput> };
    };
    expect(linux.ExtensionInstallForcelist).toEqual([
      `${EXAMPLE_OPTIONS.extensionId};${EXAMPLE_OPTIONS.updateUrl}`,
    ]);
    const linuxPolicy = linux['3rdparty'].extensions[EXAMPLE_OPTIONS.extensionId]!;
    expect(resolvePolicy(linuxPolicy, {}).problems).toEqual([]);
    const firefox = JSON.parse(files.get('firefox/policies.json')!) as {
      policies: { '3rdparty': { Extensions: Record<string, PolicyInput> } };
    };
    expect(firefox.policies['3rdparty'].Extensions['zhiyin@zhiyin.local']).toEqual(linuxPolicy);
  });

  it('the update manifest names the extension id, the CRX and the package version', () => {
    const xml = files.get('update/update.xml')!;
    expect(xml).toContain(`<app appid='${EXAMPLE_OPTIONS.extensionId}'>`);
    expect(xml).toContain(`codebase='${EXAMPLE_OPTIONS.crxUrl}' version='${version}'`);
  });

  it('refuses an id that is not a Chromium extension id, and a non-http URL', () => {
    expect(() =>
      deployFiles(policy, identity, { ...EXAMPLE_OPTIONS, version, extensionId: 'ABC' }),
    ).toThrow(/扩展 ID/);
    expect(() =>
      deployFiles(policy, identity, { ...EXAMPLE_OPTIONS, version, updateUrl: 'file:///x' }),
    ).toThrow(/http/);
  });
});

describe('extension id from the signing key', () => {
  it('is 32 letters a–p, the same for the private and the public key, different per key', () => {
    const one = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const two = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const id = extensionIdOf(one.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdOf(one.publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(id);
    expect(
      extensionIdOf(two.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
    ).not.toBe(id);
  });
});
