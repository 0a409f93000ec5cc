/**
 * `npm run pack:keygen -- <private-key-file> [--public <file>]`: a new ECDSA P-256 key pair for
 * signing content packs (docs/content-packs.zh-CN.md). The private key is written as a JWK to the
 * file named (mode 0600, never overwritten); keep it off learners' machines and out of the
 * extension. The public key (base64 SPKI, what the policy's `packs.publicKeys` takes) is printed
 * and written to `<file>.pub` (or `--public <file>`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { exportPublicKey, generatePackKeyPair, keyIdOf } from '../features/packs/crypto';

const USAGE = `用法 / usage: npm run pack:keygen -- <私钥文件 private-key-file> [--public <公钥文件 file>]`;

async function main(argv: string[]): Promise<number> {
  const publicAt = argv.indexOf('--public');
  const publicFile = publicAt >= 0 ? argv[publicAt + 1] : undefined;
  const positional =
    publicAt < 0 ? argv : argv.filter((_, i) => i !== publicAt && i !== publicAt + 1);
  const file = positional[0];
  if (!file || positional.length > 1 || (publicAt >= 0 && !publicFile) || file.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const pubFile = publicFile ?? `${file}.pub`;
  for (const target of [file, pubFile]) {
    if (existsSync(target)) {
      console.error(`✗ ${target} 已存在，不覆盖 / already exists, not overwritten`);
      return 1;
    }
  }
  const pair = await generatePackKeyPair();
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  const spki = await exportPublicKey(pair.publicKey);
  writeFileSync(pubFile, `${spki}\n`, { flag: 'wx' });
  console.log(
    [
      `✓ 私钥 / private key: ${file}（妥善保管，勿放入扩展 / keep it safe, never in the extension）`,
      `✓ 公钥 / public key: ${pubFile}`,
      `  密钥 id / key id: ${await keyIdOf(pair.publicKey)}`,
      `  策略 packs.publicKeys 中填写 / put in the policy's packs.publicKeys:`,
      `  ${spki}`,
    ].join('\n'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
