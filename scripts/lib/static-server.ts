import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { safeDecode } from '../../lib/url/decode';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

/** An extra folder served under a URL prefix, e.g. `{ prefix: '/__e2e/', dir: 'tests/e2e/pages' }`. */
export interface Mount {
  prefix: string;
  dir: string;
}

/**
 * Serves a built folder (the simulated system's `sim/dist`) on loopback, plus optional mounts.
 * Paths cannot escape their folder; `/` serves `index.html`. Resolves once listening, with the
 * base URL.
 */
export async function serveStatic(
  root: string,
  port: number,
  host = '127.0.0.1',
  mounts: readonly Mount[] = [],
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      // Old systems' GBK escapes (`/files/%D5%C5%C8%FD.html`) are not UTF-8: they stay as written
      // and name a file of that literal name (tests/e2e/pages/files/), like such servers do.
      pathname = safeDecode(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    const mount = mounts.find((candidate) => pathname.startsWith(candidate.prefix));
    const base = resolve(mount ? mount.dir : root);
    const relative = mount ? pathname.slice(mount.prefix.length) : pathname;
    let file = normalize(join(base, relative));
    if (file !== base && !file.startsWith(`${base}/`)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到页面');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host}:${actualPort}` };
}
