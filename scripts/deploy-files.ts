/**
 * `npm run deploy:files`: writes the example deployment files under deploy/ (registry files for
 * Chrome, Edge and 360 on Windows, the Linux policy JSON, Firefox policies.json, the update
 * manifest) from deploy/policy.example.json and deploy/identity.example.json.
 *
 * For your own deployment, copy the two example JSON files, edit them, and run:
 *   npm run deploy:files -- --policy my-policy.json --identity my-identity.json \
 *     --id <extension id> --base https://zhiyin.your-intranet.gov.cn/update/ --out my-deploy
 * (the extension id: npm run extension-id -- <key.pem>). docs/deployment.zh-CN.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolvePolicy, type PolicyInput } from '../app/policy/policy';
import { deployFiles, EXAMPLE_OPTIONS, fileBytes } from './lib/deploy-files';

const { values } = parseArgs({
  options: {
    policy: { type: 'string', default: 'deploy/policy.example.json' },
    identity: { type: 'string', default: 'deploy/identity.example.json' },
    id: { type: 'string', default: EXAMPLE_OPTIONS.extensionId },
    base: { type: 'string' },
    out: { type: 'string', default: 'deploy' },
  },
});

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PolicyInput;
const policy = read(values.policy);
const identity = read(values.identity);
// Refuse a policy the extension would ignore: same code as the extension's.
const view = resolvePolicy({ ...policy, ...identity }, {});
if (view.problems.length > 0) {
  console.error(`策略有误 / the policy has problems:\n  ${view.problems.join('\n  ')}`);
  process.exit(1);
}
const base = values.base?.replace(/\/?$/, '/');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const files = deployFiles(policy, identity, {
  ...EXAMPLE_OPTIONS,
  ...(base
    ? { updateUrl: `${base}update.xml`, crxUrl: `${base}zhiyin.crx`, xpiUrl: `${base}zhiyin.xpi` }
    : {}),
  extensionId: values.id,
  version,
});
for (const [name, text] of files) {
  const target = path.join(values.out, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, fileBytes(name, text));
  console.log(target);
}
