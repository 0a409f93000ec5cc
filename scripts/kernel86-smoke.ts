/**
 * `npm run smoke:kernel86`: what can be proved about the Chrome MV2 build on a Chromium 86 kernel
 * (360安全浏览器 13) on this machine. Not in the default CI path (it downloads 45 MB once and
 * takes about a minute). docs/compatibility.md records what it showed.
 *
 * The only Chromium below 88 that runs here is the one chrome-aws-lambda 5.3.1 ships in its npm
 * tarball (HeadlessChrome 86.0.4240.0, built for Amazon Linux, runs on Debian 12). It is a
 * `headless_shell` build: Chromium's extension system is not compiled in (no --load-extension
 * switch), so the extension itself cannot be loaded in it. What this script does run on it:
 *
 * 1. Confirms, with the build passed to --load-extension, that no extension target appears (so
 *    the compatibility matrix states a measured fact, not an assumption).
 * 2. Compiles every classic script of the build (background page, content script, overlay,
 *    rules, frame agent, author) with V8 8.6: any syntax the kernel lacks fails here.
 * 3. Runs the background page's script in a page of the same origin with a minimal `chrome.*`
 *    stand-in: it must start without throwing and open its IndexedDB database.
 * 4. Loads every extension page (popup, options, dashboard, quiz) over HTTP with the same
 *    stand-in (no background: messages fail as they would with a stopped one), reports uncaught
 *    exceptions and whether the page rendered, and saves a screenshot (output/kernel86/): the
 *    built-ins and Blink 86 features the pages use at start-up.
 *
 * Usage: npm run smoke:kernel86 [-- <build dir>]  (default: $ZHIYIN_OUT_DIR or .output, then
 * chrome-mv2-production, else chrome-mv2-test). Exits non-zero when a script does not compile,
 * a page throws, or a page renders nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { serveStatic } from './lib/static-server';

const PACKAGE = 'chrome-aws-lambda@5.3.1';
const CACHE = path.join(
  process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
  'zhiyin',
  'chrome-aws-lambda-5.3.1',
);

/** The Chromium 86 binary, unpacked once from the npm tarball into the user's cache. */
function legacyChromium(): string {
  const binary = path.join(CACHE, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(CACHE, { recursive: true });
  console.log(`Fetching ${PACKAGE} (npm pack, 45 MB, once) into ${CACHE}`);
  const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', CACHE], {
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack ${PACKAGE} failed:\n${pack.stderr}`);
  const tarball = path.join(CACHE, pack.stdout.trim().split('\n').pop() ?? '');
  const untar = spawnSync('tar', ['xzf', tarball, '-C', CACHE, 'package/bin/chromium.br']);
  if (untar.status !== 0) throw new Error(`tar failed on ${tarball}`);
  writeFileSync(
    binary,
    brotliDecompressSync(readFileSync(path.join(CACHE, 'package/bin/chromium.br'))),
    { mode: 0o755 },
  );
  rmSync(tarball);
  return binary;
}

function buildDir(): string {
  const given = process.argv[2];
  if (given) return path.resolve(given);
  const out = path.resolve(process.env.ZHIYIN_OUT_DIR ?? '.output');
  for (const name of ['chrome-mv2-production', 'chrome-mv2-test']) {
    const dir = path.join(out, name);
    if (existsSync(path.join(dir, 'manifest.json'))) return dir;
  }
  throw new Error(`No Chrome MV2 build in ${out}: run npm run build:mv2 first`);
}

/** Starts the browser; resolves with the DevTools HTTP base once it listens. */
async function launch(
  binary: string,
  args: string[],
): Promise<{ child: ChildProcess; http: string; ws: string }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'zhiyin-k86-'));
  const child = spawn(
    binary,
    [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...args,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium 86 did not start in 30 s')), 30_000);
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/([^/]+)\/\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, http: `http://${match[2]}`, ws: match[1]! });
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium 86 exited (${code}):\n${text}`)));
  });
}

/** A minimal DevTools protocol client over Node's WebSocket (--experimental-websocket). */
class Cdp {
  #socket: WebSocket;
  #next = 1;
  #pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  readonly events: { method: string; params: Record<string, unknown>; sessionId?: string }[] = [];

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
        result?: unknown;
        error?: unknown;
      };
      if (message.id !== undefined) this.#pending.get(message.id)?.(message);
      else if (message.method)
        this.events.push({
          method: message.method,
          params: message.params ?? {},
          ...(message.sessionId ? { sessionId: message.sessionId } : {}),
        });
    });
  }

  static open(url: string): Promise<Cdp> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(new Cdp(socket)));
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.#next++;
    this.#socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in 20 s`)), 20_000);
      this.#pending.set(id, (message) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        if (message.error) reject(new Error(`${method}: ${JSON.stringify(message.error)}`));
        else resolve(message.result as T);
      });
    });
  }

  close() {
    this.#socket.close();
  }
}

/** `chrome.*` as a page sees it with no background running: storage empty, messages fail. */
function chromeStandIn(manifest: unknown): string {
  return `(() => {
  const manifest = ${JSON.stringify(manifest)};
  const later = (fn) => setTimeout(fn, 0);
  const event = () => ({ addListener() {}, removeListener() {}, hasListener: () => false });
  const noBackground = { message: ${JSON.stringify(NO_BACKGROUND)} };
  const area = () => ({
    get(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb({})); },
    set(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb()); },
    remove(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb()); },
    clear(cb) { later(() => cb && cb()); },
    onChanged: event(),
  });
  const runtime = {
    id: 'zhiyinkernel86smoke', lastError: undefined,
    getManifest: () => manifest,
    getURL: (p) => location.origin + '/' + String(p).replace(/^\\//, ''),
    sendMessage(...args) {
      const cb = args.find((a) => typeof a === 'function');
      later(() => { runtime.lastError = noBackground; cb && cb(undefined); runtime.lastError = undefined; });
    },
    connect: () => ({ postMessage() {}, disconnect() {}, onMessage: event(), onDisconnect: event() }),
    onMessage: event(), onConnect: event(), onInstalled: event(), onStartup: event(),
    openOptionsPage(cb) { later(() => cb && cb()); },
  };
  window.chrome = {
    runtime,
    storage: { local: area(), sync: area(), managed: area(), onChanged: event() },
    i18n: { getMessage: () => '', getUILanguage: () => 'zh-CN' },
    tabs: {
      query(q, cb) { later(() => cb([])); },
      get(id, cb) { later(() => cb(undefined)); },
      create(p, cb) { later(() => cb && cb({})); },
      sendMessage(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb()); },
      onRemoved: event(), onUpdated: event(), onActivated: event(),
    },
    windows: { getCurrent(cb) { later(() => cb({ id: 1 })); } },
    alarms: {
      create() {}, clear(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb(true)); },
      get(...args) { const cb = args.find((a) => typeof a === 'function'); later(() => cb && cb(undefined)); },
      getAll(cb) { later(() => cb([])); }, onAlarm: event(),
    },
    webNavigation: {
      getAllFrames(d, cb) { later(() => cb([])); },
      onCommitted: event(), onDOMContentLoaded: event(), onCompleted: event(),
    },
    extension: { getURL: runtime.getURL },
  };
})();`;
}

const CLASSIC_SCRIPTS = [
  'background.js',
  'content-scripts/content.js',
  'overlay.js',
  'overlay-views.js',
  'rules.js',
  'frame-agent.js',
  'author.js',
];
const PAGES = ['popup.html', 'options.html', 'dashboard.html', 'quiz.html'];
const NO_BACKGROUND = 'Could not establish connection. Receiving end does not exist.';

/** The page's uncaught exceptions since event `before`, one line each (K86_STACK=1: 6 lines). */
function uncaughtSince(
  events: readonly { method: string; sessionId?: string; params: Record<string, unknown> }[],
  before: number,
  sessionId: string,
): string[] {
  return events
    .slice(before)
    .filter((e) => e.method === 'Runtime.exceptionThrown' && e.sessionId === sessionId)
    .map((e) => {
      const details = e.params.exceptionDetails as {
        text: string;
        exception?: { description?: string };
      };
      return (details.exception?.description ?? details.text)
        .split('\n')
        .slice(0, process.env.K86_STACK ? 6 : 1)
        .join(' / ');
    });
}
/** Screenshots of the pages as kernel 86 drew them. */
const SHOTS = path.resolve('output', 'kernel86');

async function main() {
  const dir = buildDir();
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    manifest_version: number;
  };
  if (manifest.manifest_version !== 2) throw new Error(`${dir} is not a Manifest V2 build`);
  const binary = legacyChromium();
  let failed = false;

  // 1. The extension, loaded the way a browser would: does an extension target appear?
  {
    const { child, http } = await launch(binary, [
      `--load-extension=${dir}`,
      `--disable-extensions-except=${dir}`,
    ]);
    await new Promise((done) => setTimeout(done, 3000));
    const version = (await (await fetch(`${http}/json/version`)).json()) as { Browser: string };
    const targets = (await (await fetch(`${http}/json/list`)).json()) as {
      type: string;
      url: string;
    }[];
    const extension = targets.filter((t) => t.url.startsWith('chrome-extension://'));
    console.log(`Kernel: ${version.Browser}`);
    console.log(
      extension.length > 0
        ? `✓ extension loaded: ${extension.map((t) => `${t.type} ${t.url}`).join(', ')}`
        : `· extension not loaded: this ${version.Browser} is a headless_shell build without ` +
            `the extension system (targets: ${targets.map((t) => t.type).join(', ') || 'none'})`,
    );
    child.kill();
  }

  // 2 and 3: the build's code on V8 8.6 / Blink 86.
  const { server, url: base } = await serveStatic(dir, 0);
  const { child, ws } = await launch(binary, []);
  const cdp = await Cdp.open(ws);
  try {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
    });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    await cdp.send('Runtime.enable', {}, sessionId);
    await cdp.send('Page.enable', {}, sessionId);

    for (const file of CLASSIC_SCRIPTS) {
      const full = path.join(dir, file);
      if (!existsSync(full)) continue;
      const result = await cdp.send<{
        exceptionDetails?: { exception?: { description?: string } };
      }>(
        'Runtime.compileScript',
        { expression: readFileSync(full, 'utf8'), sourceURL: file, persistScript: false },
        sessionId,
      );
      if (result.exceptionDetails) {
        failed = true;
        console.error(
          `✗ ${file}: ${result.exceptionDetails.exception?.description ?? 'does not compile'}`,
        );
      } else console.log(`✓ ${file} compiles on V8 8.6`);
    }

    // The background page's script, run in a page of the same origin with the stand-in: it must
    // start (schemas, tours, database) without throwing, and open its IndexedDB database.
    {
      const before = cdp.events.length;
      await cdp.send(
        'Page.addScriptToEvaluateOnNewDocument',
        { source: chromeStandIn(manifest) },
        sessionId,
      );
      await cdp.send('Page.navigate', { url: `${base}/manifest.json` }, sessionId);
      await new Promise((done) => setTimeout(done, 1500));
      await cdp.send(
        'Runtime.evaluate',
        { expression: readFileSync(path.join(dir, 'background.js'), 'utf8') },
        sessionId,
      );
      await new Promise((done) => setTimeout(done, 5000));
      const databases = await cdp.send<{ result: { value: string[] } }>(
        'Runtime.evaluate',
        {
          expression: 'indexedDB.databases().then((list) => list.map((db) => db.name))',
          awaitPromise: true,
          returnByValue: true,
        },
        sessionId,
      );
      const thrown = uncaughtSince(cdp.events, before, sessionId).filter(
        (line) => !line?.includes(NO_BACKGROUND),
      );
      const names = databases.result.value;
      if (thrown.length > 0 || names.length === 0) {
        failed = true;
        console.error(
          `✗ background.js on kernel 86: databases [${names.join(', ')}]; uncaught: ${thrown.join(' | ') || 'none'}`,
        );
      } else
        console.log(`✓ background.js starts on kernel 86 and opens IndexedDB: ${names.join(', ')}`);
    }

    for (const page of PAGES) {
      if (!existsSync(path.join(dir, page))) continue;
      const before = cdp.events.length;
      await cdp.send('Page.navigate', { url: `${base}/${page}` }, sessionId);
      await new Promise((done) => setTimeout(done, 4000));
      const rendered = await cdp.send<{ result: { value: { text: number; elements: number } } }>(
        'Runtime.evaluate',
        {
          expression:
            '({ text: document.body.innerText.trim().length, elements: document.body.querySelectorAll("*").length })',
          returnByValue: true,
        },
        sessionId,
      );
      const thrown = uncaughtSince(cdp.events, before, sessionId);
      const { text, elements } = rendered.result.value;
      // Messages to the background fail here by design (there is none): not a kernel problem.
      const expected = thrown.filter((line) => line?.includes(NO_BACKGROUND));
      const unexpected = thrown.filter((line) => !line?.includes(NO_BACKGROUND));
      const shot = await cdp.send<{ data: string }>('Page.captureScreenshot', {}, sessionId);
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(
        path.join(SHOTS, page.replace('.html', '.png')),
        Buffer.from(shot.data, 'base64'),
      );
      if (expected.length > 0)
        console.log(`  ${page}: ${expected.length} messages found no background (expected here)`);
      if (unexpected.length > 0 || elements < 3) {
        failed = true;
        console.error(
          `✗ ${page}: ${elements} elements, ${text} characters; uncaught: ${unexpected.join(' | ') || 'none'}`,
        );
      } else console.log(`✓ ${page} renders on Blink 86: ${elements} elements, ${text} characters`);
    }
  } finally {
    cdp.close();
    child.kill();
    server.close();
  }
  console.log(`Screenshots: ${SHOTS}`);
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
