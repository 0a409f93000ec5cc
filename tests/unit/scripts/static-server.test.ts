import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../scripts/lib/static-server';

describe('sim static server and old-style addresses', () => {
  let root: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'zhiyin-static-'));
    mkdirSync(join(root, 'files'));
    writeFileSync(join(root, 'files', '%D5%C5%C8%FD.html'), '<p>gbk</p>');
    writeFileSync(join(root, 'files', '张三.html'), '<p>utf8</p>');
    ({ server, url: base } = await serveStatic(root, 0));
  });
  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a page at a GBK-escaped address (the escapes name the file literally)', async () => {
    const response = await fetch(`${base}/files/%D5%C5%C8%FD.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>gbk</p>');
  });

  it('still decodes UTF-8 escapes, and answers malformed ones without failing', async () => {
    expect(await (await fetch(`${base}/files/%E5%BC%A0%E4%B8%89.html`)).text()).toBe('<p>utf8</p>');
    expect((await fetch(`${base}/files/%E4%B8`)).status).toBe(404);
    expect((await fetch(`${base}/files/%zz.html`)).status).toBe(404);
    expect((await fetch(`${base}/files/a%00.html`)).status).toBe(400);
    expect((await fetch(`${base}/%2E%2E/%2E%2E/etc/passwd`)).status).toBe(404);
  });
});
