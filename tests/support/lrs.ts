/**
 * A real Learning Record Store for integration tests: Learning Locker's `xapi-statements` service
 * (dev dependency), started as a child process with in-memory models and the test auth repo, on a
 * port of our choosing. Despite its package.json declaring Node 6–8, 5.0.1 runs on Node 20.
 *
 * Usage:
 *   const port = await freePort();
 *   const lrs = await startLocalLrs(port);   // resolves once GET /statements answers
 *   …
 *   await lrs.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Credentials the test auth repo accepts (it accepts any; these make requests look real). */
export const LOCAL_LRS_AUTH = {
  kind: 'basic',
  key: 'zhiyin-test',
  secret: 'zhiyin-secret',
} as const;

export interface StoredStatement {
  id: string;
  [key: string]: unknown;
}

export interface LocalLrs {
  /** xAPI endpoint with trailing slash, e.g. http://127.0.0.1:41234/xAPI/ */
  endpoint: string;
  port: number;
  /** Every statement the LRS holds (follows `more` links). */
  statements(): Promise<StoredStatement[]>;
  /** One statement by id, or null (404). */
  statement(id: string): Promise<StoredStatement | null>;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago (nothing listens on it afterwards). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function xapiEndpoint(port: number): string {
  return `http://127.0.0.1:${port}/xAPI/`;
}

const headers = {
  'X-Experience-API-Version': '1.0.3',
  Authorization: `Basic ${Buffer.from(`${LOCAL_LRS_AUTH.key}:${LOCAL_LRS_AUTH.secret}`).toString('base64')}`,
};

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Start the LRS on `port` and wait until it answers (up to `readyWithinMs`, default 30 s: the
 * first start loads a large dependency tree from disk on a busy machine).
 */
export async function startLocalLrs(port: number, readyWithinMs = 30_000): Promise<LocalLrs> {
  const workDir = await mkdtemp(join(tmpdir(), 'zhiyin-lrs-'));
  const entry = createRequire(import.meta.url).resolve('xapi-statements/dist/index.js');
  const child = spawn(process.execPath, [entry], {
    // Its own cwd: the service reads a .env file from the working directory.
    cwd: workDir,
    env: {
      PATH: process.env.PATH ?? '',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      AUTH_REPO: 'test',
      // Without this the service connects to Redis to publish events.
      EVENTS_REPO: 'test',
      EXPRESS_PORT: String(port),
      FS_LOCAL_STORAGE_DIR: join(workDir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(workDir, 'accessLogs'),
      WINSTON_CONSOLE_LEVEL: 'error',
      // Conflict checks and awaited updates are what xAPI conformance requires.
      SERVICE_CHECK_CONFLICTS: 'true',
      SERVICE_AWAIT_UPDATES: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const endpoint = xapiEndpoint(port);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
    await rm(workDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the local LRS exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await getJson(`${endpoint}statements?limit=1`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the local LRS did not answer within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    endpoint,
    port,
    async statements() {
      const all: StoredStatement[] = [];
      let url: string | null = `${endpoint}statements?limit=100`;
      while (url) {
        const { status, body } = await getJson(url);
        if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
        const page = body as { statements: StoredStatement[]; more?: string };
        all.push(...page.statements);
        url = page.more ? new URL(page.more, endpoint).toString() : null;
      }
      return all;
    },
    async statement(id) {
      const { status, body } = await getJson(
        `${endpoint}statements?statementId=${encodeURIComponent(id)}`,
      );
      if (status === 404) return null;
      if (status !== 200) throw new Error(`GET statement ${id} answered ${status}`);
      return body as StoredStatement;
    },
    stop,
  };
}
