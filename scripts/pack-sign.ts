/**
 * `npm run pack:sign -- <folder> --key <private-key-file> --version <N> --out <file> [--id <pack-id>]`:
 * a signed content pack (docs/content-packs.zh-CN.md) from a folder in the layout of `tours/`.
 * The folder is checked with the build's loaders and the extension's pack check first; a folder
 * with any error is not signed and every error is printed (file:line: path: message). Tours,
 * articles and quizzes may refer to the tours bundled in the extension (`tours/` of this project).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importPrivateKey } from '../features/packs/crypto';
import { payloadFromFolder } from '../features/packs/node/folder';
import { publicKeyOf, signPack } from '../features/packs/sign';
import { loadTours } from '../features/tour/load';

const USAGE =
  '用法 / usage: npm run pack:sign -- <内容文件夹 folder> --key <私钥文件 key file> --version <版本号 N> --out <输出文件 file> [--id <内容包 id>]';

function parse(
  argv: string[],
): { folder: string; key: string; version: number; out: string; id?: string } | null {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return null;
      flags[arg.slice(2)] = value;
      i++;
    } else positional.push(arg);
  }
  const version = Number(flags.version);
  if (
    positional.length !== 1 ||
    !flags.key ||
    !flags.out ||
    !Number.isSafeInteger(version) ||
    version < 1
  ) {
    return null;
  }
  const unknown = Object.keys(flags).filter(
    (name) => !['key', 'version', 'out', 'id'].includes(name),
  );
  if (unknown.length > 0) return null;
  return {
    folder: positional[0] as string,
    key: flags.key,
    version,
    out: flags.out,
    ...(flags.id ? { id: flags.id } : {}),
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const root = resolve(import.meta.dirname, '..');
  const folder = resolve(args.folder);
  const bundled =
    folder === resolve(root, 'tours')
      ? []
      : loadTours([resolve(root, 'tours')], { cwd: root }).tours;
  const built = payloadFromFolder(folder, {
    version: args.version,
    bundledTours: bundled,
    ...(args.id ? { id: args.id } : {}),
  });
  if (!built.payload) {
    console.error(
      [
        `✗ 内容有 ${built.errors.length} 处错误，未签名 / ${built.errors.length} content errors, not signed:`,
      ]
        .concat(built.errors.map((line) => `  ${line}`))
        .join('\n'),
    );
    return 1;
  }
  const privateKey = await importPrivateKey(readFileSync(args.key, 'utf8'));
  const pack = await signPack(built.payload, privateKey, await publicKeyOf(privateKey));
  writeFileSync(args.out, `${JSON.stringify(pack)}\n`);
  const count = (key: string) => (built.payload?.[key] as unknown[] | undefined)?.length ?? 0;
  console.log(
    `✓ ${args.out}: 内容包 ${String(built.payload.id)} 第 ${args.version} 版，${count('tours')} 个引导、${count('help')} 篇帮助、${count('rules')} 个规则文件、${count('quizzes')} 份测验；密钥 id ${pack.signature.keyId} / pack ${String(built.payload.id)} version ${args.version} signed with key ${pack.signature.keyId}`,
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
