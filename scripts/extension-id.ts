/**
 * `npm run extension-id -- <key.pem>`: the Chromium extension id that a CRX signed with this key
 * gets (the first 16 bytes of the SHA-256 of the public key, in letters a–p). The id is what the
 * policies (ExtensionInstallForcelist, 3rdparty) and update.xml name; keep the key safe and reuse
 * it for every version, or browsers see a different extension. docs/deployment.zh-CN.md.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The extension id of a PEM key (private or public). */
export function extensionIdOf(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

if (process.argv[1]?.endsWith('extension-id.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('用法 / usage: npm run extension-id -- <key.pem>');
    process.exit(1);
  }
  console.log(extensionIdOf(readFileSync(file, 'utf8')));
}
