/**
 * A real HTTP receiver for problem reports, for tests: a Node http server on 127.0.0.1 that
 * behaves like an administrator's endpoint (bearer token, schema check, dedupe by
 * Idempotency-Key) and can inject faults on demand.
 *
 *   const receiver = await startReportReceiver({ token: 't' });
 *   receiver.failNext({ kind: 'status', status: 500 });   // next request gets a 500
 *   receiver.setMode({ kind: 'hang' });                    // every request until setMode(null)
 *   await receiver.stop(); await receiver.start();         // offline, then back on the same port
 *   receiver.stored                                         // Map key → report (one per key)
 *   receiver.rawRequests                                    // every request that arrived
 *
 * Faults (what the client sees):
 * - `status`: that status, optional JSON `{ message }` body and headers (e.g. Retry-After); the
 *   report is NOT stored.
 * - `hang`: the request is read and never answered (until the client aborts or the receiver stops).
 * - `destroy`: the socket is destroyed before any response (connection reset).
 * - `store-then-destroy`: the report IS stored, then the socket is destroyed — "the response never
 *   reached the client" (browser closed mid-send).
 * - `slow`: answers normally after `ms` of real time.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ProblemReportSchema, type ProblemReport } from '../../features/report/schema';

export type ReceiverFault =
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'destroy' }
  | { kind: 'store-then-destroy' }
  | { kind: 'slow'; ms: number };

export interface ReceivedRequest {
  key: string | null;
  /** What the receiver did: an HTTP status, or the fault kind when it answered nothing. */
  answer: number | 'hang' | 'destroy' | 'store-then-destroy';
  duplicate: boolean;
}

export interface ReportReceiver {
  /** e.g. http://127.0.0.1:43210/reports */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Reports stored, one per Idempotency-Key, in arrival order. */
  readonly stored: Map<string, ProblemReport>;
  /** Every request that reached the handler, including duplicates and faulted ones. */
  readonly requests: ReceivedRequest[];
  readonly rawRequests: number;
  /** Faults for the next requests, used in order before the mode. */
  failNext(fault: ReceiverFault, times?: number): void;
  /** A fault for every request until set to null. */
  setMode(fault: ReceiverFault | null): void;
  /** Resolves when `count` requests in total have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Stops listening and drops every open connection (clients see refused connections). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startReportReceiver(
  options: { token?: string; path?: string } = {},
): Promise<ReportReceiver> {
  const token = options.token ?? 'test-token';
  const path = options.path ?? '/reports';
  const stored = new Map<string, ProblemReport>();
  const requests: ReceivedRequest[] = [];
  const queue: ReceiverFault[] = [];
  let mode: ReceiverFault | null = null;
  const waiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (requests.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const send = (response: ServerResponse, status: number, body: unknown, headers = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? header : null;
    const fault = queue.shift() ?? mode;
    const log = (answer: ReceivedRequest['answer'], duplicate = false) => {
      requests.push({ key, answer, duplicate });
      notify();
    };

    if (fault?.kind === 'hang') return log('hang');
    if (fault?.kind === 'destroy') {
      log('destroy');
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      log(fault.status);
      send(
        response,
        fault.status,
        { message: fault.message ?? `injected ${fault.status}` },
        fault.headers,
      );
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));

    if (request.method !== 'POST' || request.url !== path) {
      log(404);
      return send(response, 404, { message: 'not found' });
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      log(401);
      return send(response, 401, { message: '令牌无效' });
    }
    let parsed: ProblemReport;
    try {
      parsed = ProblemReportSchema.parse(JSON.parse(text));
    } catch {
      log(400);
      return send(response, 400, { message: '报告格式不正确' });
    }
    if (!key || key !== parsed.id) {
      log(400);
      return send(response, 400, { message: 'Idempotency-Key 必须等于报告 id' });
    }
    const duplicate = stored.has(key);
    if (!duplicate) stored.set(key, parsed);
    if (fault?.kind === 'store-then-destroy') {
      log('store-then-destroy', duplicate);
      request.socket.destroy();
      return;
    }
    log(duplicate ? 200 : 201, duplicate);
    send(response, duplicate ? 200 : 201, { id: key, duplicate });
  };

  let server: Server;
  let port = 0;
  const listen = async () => {
    server = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  };
  await listen();

  return {
    get url() {
      return `http://127.0.0.1:${port}${path}`;
    },
    get port() {
      return port;
    },
    token,
    stored,
    requests,
    get rawRequests() {
      return requests.length;
    },
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) queue.push(fault);
    },
    setMode(fault) {
      mode = fault;
    },
    waitForRequests(count) {
      return new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        notify();
      });
    },
    async stop() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async start() {
      if (server.listening) return;
      await listen();
    },
  };
}
