/**
 * pack:sign's folder reading (features/packs/node/folder.ts): the build's loaders first (errors
 * with file and line), the data as written in the payload, and the result the extension accepts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { payloadFromFolder } from '../../../features/packs/node/folder';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TOUR = `id: pack-demo
title: 演示
summary: 一次演示。
module: 操作
audience: [业务操作人员]
applies: { url: '/index.html*' }
steps:
  - id: one
    title: 第一步
    body: 你好
    missing: { wait: 2s }
`;

function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'zhiyin-pack-folder-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('payloadFromFolder', () => {
  it('carries each file as written (durations stay "2s"), with the id and version given', () => {
    const root = folder({ 'pack-demo/tour.yaml': TOUR, 'pack.json': '{"retire":["old-tour"]}' });
    const result = payloadFromFolder(root, { version: 4, id: 'xinxi', cwd: root, createdAt: 'T' });
    expect(result.errors).toEqual([]);
    expect(result.payload).toMatchObject({
      id: 'xinxi',
      version: 4,
      retire: ['old-tour'],
      createdAt: 'T',
    });
    const steps = (result.payload?.tours as { steps: { missing: unknown }[] }[])[0]?.steps;
    expect(steps?.[0]?.missing).toEqual({ wait: '2s' });
  });

  it("reports the build's errors with file, line and path, and signs nothing", () => {
    const root = folder({ 'pack-demo/tour.yaml': TOUR.replace('title: 第一步', 'titel: 第一步') });
    const result = payloadFromFolder(root, { version: 1, id: 'xinxi', cwd: root });
    expect(result.payload).toBeNull();
    expect(result.errors.join('\n')).toMatch(
      /pack-demo\/tour\.yaml:\d+:\d+: steps\[0\]\.titel: .*title/,
    );
  });
});
