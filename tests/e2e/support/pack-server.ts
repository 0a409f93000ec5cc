import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PackServer {
  server: Server;
  /** The pack's loopback address (what a policy's `packs.urls` names). */
  url: string;
  /** What the next request receives. */
  serve(body: string): void;
  /** Requests answered so far (200 and 304). */
  hits(): number;
}

/** A pack server on a loopback port: serves `body`, with an ETag, answering 304 to a match. */
export function startPackServer(): Promise<PackServer> {
  let body = '';
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(body);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        server,
        url: `http://127.0.0.1:${port}/zhiyin/pack.json`,
        serve: (next) => (body = next),
        hits: () => hits,
      });
    });
  });
}
