/**
 * `npm run tours:check` against the simulated system: the CLI is spawned as trainers run it, on
 * the sim served at Playwright's baseURL.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import type { CheckReport } from '../../scripts/lib/tours-check/types';
import { freePort } from '../support/lrs';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE_TOURS = join(ROOT, 'tests/fixtures/e2e-tours');

function toursCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/tours-check.ts'), ...args],
      { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

test.describe('tours:check', () => {
  test.describe.configure({ timeout: 180_000 });

  test('passes the engine fixture tours that apply to the sim, driving login and the iframe', async ({
    baseURL,
  }) => {
    const { code, stdout, stderr } = await toursCheck([
      '--url',
      `${baseURL}/login.html`,
      '--tours',
      FIXTURE_TOURS,
      '--tour',
      'e2e-multipage',
      '--tour',
      'e2e-iframe',
      // applies.url is /oa.html*: the legacy module's tab needs a concrete URL.
      '--start',
      'e2e-iframe=/oa.html#borrow',
      '--login',
      'zhangsan:Zhiyin@2024',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ tours: 2, steps: 7, passed: 7, failed: 0, warnings: 0 });
    const multipage = report.tours.find((tour) => tour.tourId === 'e2e-multipage');
    // The login-page tour runs logged out and really logs in: the 我的待办 link on index.html is
    // only reachable after the checker typed the account and clicked 登录.
    expect(multipage?.loggedIn).toBe(false);
    expect(multipage?.steps.map((step) => [step.stepId, step.outcome, step.action])).toEqual([
      ['account', 'found', '已输入 / typed "zhangsan"'],
      ['password', 'found', '已输入 / typed "••••••"'],
      ['login', 'found', '已点击 / clicked'],
      ['todo-link', 'found', '已点击 / clicked'],
      ['todo-page', 'centred', undefined],
    ]);
    expect(multipage?.steps[3]?.url).toContain('/index.html');
    const iframe = report.tours.find((tour) => tour.tourId === 'e2e-iframe');
    expect(iframe?.steps.every((step) => step.outcome === 'found')).toBe(true);
  });

  test('passes every real tour in tours/ on the sim, driving each like a learner', async ({
    baseURL,
  }) => {
    // The broken-tour alarm for our own content: a wrong locator in any bundled tour fails CI.
    test.setTimeout(15 * 60_000);
    const { code, stdout, stderr } = await toursCheck([
      '--url',
      `${baseURL}/login.html`,
      '--tours',
      join(ROOT, 'tours'),
      // zhangsan by default; tours pick another demo account with check.login (lisi reviews…).
      ...['zhangsan', 'lisi', 'wangwu', 'zhaoliu', 'admin', 'xiangzhen'].flatMap((account) => [
        '--login',
        `${account}:Zhiyin@2024`,
      ]),
      '--json',
    ]);
    const report = JSON.parse(stdout || '{}') as CheckReport;
    const failed = (report.tours ?? []).flatMap((tour) =>
      tour.steps
        .filter((step) => step.status !== 'pass')
        .map(
          (step) => `${tour.tourId} ${step.index + 1}. ${step.stepId}: ${step.messages.join(' ')}`,
        ),
    );
    expect(failed, stderr).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(report.loadErrors).toEqual([]);
    expect(report.summary.tours).toBeGreaterThanOrEqual(20);
    // Tours that need earlier data were really driven, not skipped: the reviewer's tour found the
    // application zhangsan submitted first (check.after), as lisi (check.login).
    const approval = report.tours.find((tour) => tour.tourId === 'renzhi-permission-approval');
    expect(approval?.steps.find((step) => step.stepId === 'decide')?.action).toBe(
      '已点击 / clicked',
    );
  });

  test('fails with a report naming tour, step and locator when targets are broken', async ({
    baseURL,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'tours-check-'));
    try {
      mkdirSync(join(dir, 'broken-demo'));
      writeFileSync(
        join(dir, 'broken-demo', 'tour.yaml'),
        [
          'id: broken-demo',
          'title: 损坏的引导',
          'summary: 目标已失效的引导。',
          'module: 操作',
          'audience: [业务操作人员]',
          "applies: { url: '/login.html*' }",
          'steps:',
          '  - id: account',
          '    target: { label: 账号 }',
          '    body: 输入账号。',
          '  - id: register',
          '    target: { role: button, name: 注册新账号 }',
          '    body: 这个按钮已被改版删除。',
          '    missing: { wait: 1s, then: report }',
          '  - id: bad-css',
          "    target: { css: [{ selector: 'div[', note: a broken selector }] }",
          '    body: 选择器写错了。',
          '  - id: any-row',
          '    target: { role: row }',
          '    body: 测试账号表有很多行。',
          '  - id: optional-ghost',
          '    target: { text: 不存在的文字 }',
          '    body: 可选步骤。',
          '    optional: true',
          '    missing: { wait: 500ms, then: skip }',
          '',
        ].join('\n'),
      );
      const text = await toursCheck(['--url', `${baseURL}/login.html`, '--tours', dir]);
      expect(text.code, text.stderr).toBe(1);
      expect(text.stdout).toContain('✗ broken-demo  损坏的引导');
      expect(text.stdout).toContain('✓ 1. account  label "账号"');
      expect(text.stdout).toContain(
        '✗ 2. register  role button "注册新账号"  — 未找到 / not found',
      );
      expect(text.stdout).toMatch(
        /✗ 3\. bad-css {2}css div\[ {2}— 选择器无效 \/ invalid locator\n.*div\[ — /u,
      );
      expect(text.stdout).toMatch(/✗ 4\. any-row {2}role row {2}— 不唯一 \/ ambiguous \(\d+\)/u);
      expect(text.stdout).toContain('⚠ 5. optional-ghost');
      expect(text.stdout).toContain('结果 / result: 失败 FAILED');

      const json = await toursCheck(['--url', `${baseURL}/login.html`, '--tours', dir, '--json']);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as CheckReport;
      expect(report.ok).toBe(false);
      expect(report.summary).toMatchObject({ steps: 5, passed: 1, failed: 3, warnings: 1 });
      const steps = report.tours[0]?.steps ?? [];
      expect(steps.map((step) => [step.stepId, step.status, step.outcome])).toEqual([
        ['account', 'pass', 'found'],
        ['register', 'fail', 'not-found'],
        ['bad-css', 'fail', 'invalid-locator'],
        ['any-row', 'fail', 'ambiguous'],
        ['optional-ghost', 'warn', 'not-found'],
      ]);
      const ambiguous = steps[3]?.detail;
      expect(ambiguous?.kind === 'ambiguous' && ambiguous.count).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reports a click whose declared success signal (advance.until) never appears', async ({
    baseURL,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'tours-check-until-'));
    try {
      mkdirSync(join(dir, 'save-demo'));
      writeFileSync(
        join(dir, 'save-demo', 'tour.yaml'),
        [
          'id: save-demo',
          'title: 保存',
          'summary: 第一次保存会失败的页面。',
          'module: 操作',
          'audience: [业务操作人员]',
          "applies: { url: '/__e2e/quirks.html*' }",
          'steps:',
          '  - id: save',
          '    target: { role: button, name: 保存 }',
          '    body: 点击保存。',
          '    advance: { on: click, until: { text: 保存成功 } }',
          '',
        ].join('\n'),
      );
      const run = await toursCheck(['--url', `${baseURL}/__e2e/quirks.html`, '--tours', dir]);
      // The target is fine, so it is a warning, not a broken tour: the page's action failed.
      expect(run.stdout).toContain('⚠ 1. save');
      expect(run.stdout).toContain(
        '点击后页面未显示成功提示 / the page did not confirm the click: text "保存成功"',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a system with a captcha login: --login says why it cannot, a session saved by tours:session is used, and an expired one is named', async ({
    baseURL,
  }) => {
    const loginUrl = `${baseURL}/__e2e/captcha/login.html`;
    const tours = join(ROOT, 'tests/fixtures/check-tours');
    const dir = mkdtempSync(join(tmpdir(), 'tours-session-'));
    try {
      // 1. --login cannot type a captcha: exit 2 and what to do instead, not "login failed".
      const refused = await toursCheck([
        '--url',
        loginUrl,
        '--tours',
        tours,
        '--login',
        'wangwu:Captcha@2024',
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('登录页有验证码，--login 无法自动登录');
      expect(refused.stderr).toContain('npm run tours:session');

      // 2. A person logs in once through tours:session. This machine has no display, so the
      // browser runs headless and the "person" logs in over the debugging port, reading the
      // captcha off the page as a person reads the image.
      const state = join(dir, 'session.json');
      const port = await freePort();
      const session = spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
          join(ROOT, 'scripts/tours-session.ts'),
          '--url',
          loginUrl,
          '--out',
          state,
          '--debug-port',
          String(port),
          '--wait',
          '90',
        ],
        { cwd: ROOT, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' } },
      );
      let sessionErr = '';
      session.stderr.on('data', (chunk: Buffer) => (sessionErr += chunk.toString()));
      const exited = new Promise<number>((done) => session.on('exit', (code) => done(code ?? -1)));
      await expect.poll(() => sessionErr, { timeout: 30_000 }).toContain('chrome://inspect');
      let remote: Browser | null = null;
      try {
        remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        const page = remote
          .contexts()
          .flatMap((context) => context.pages())
          .find((candidate) => candidate.url().includes('/captcha/login.html'));
        if (!page) throw new Error('the session browser has no login page open');
        await page.getByLabel('账号').fill('wangwu');
        await page.getByLabel('密码').fill('Captcha@2024');
        const answer = await page.locator('#captcha-image').getAttribute('data-test-answer');
        await page.getByLabel('验证码', { exact: true }).fill(answer ?? '');
        await page.getByRole('button', { name: '登录' }).click();
        expect(await exited, sessionErr).toBe(0);
      } finally {
        await remote?.close().catch(() => undefined);
        session.kill();
      }
      expect(sessionErr).toContain('已保存登录状态');
      // A credential: readable by its owner only.
      expect(statSync(state).mode & 0o077).toBe(0);
      expect(readFileSync(state, 'utf8')).toContain('captcha-app-session');

      // 3. Checked with the saved session: the login tour runs logged out (it starts on the
      // login page), the tour behind the login runs logged in and passes.
      const checked = await toursCheck([
        '--url',
        loginUrl,
        '--tours',
        tours,
        '--storage-state',
        state,
        '--json',
      ]);
      expect(checked.code, checked.stderr + checked.stdout).toBe(0);
      const report = JSON.parse(checked.stdout) as CheckReport;
      const byId = new Map(report.tours.map((tour) => [tour.tourId, tour]));
      expect(byId.get('captcha-login')?.loggedIn).toBe(false);
      expect(byId.get('captcha-login')?.steps.map((step) => step.status)).toEqual([
        'pass',
        'pass',
        'pass',
        'pass',
      ]);
      expect(byId.get('captcha-apply')?.loggedIn).toBe(true);
      expect(byId.get('captcha-apply')?.steps.map((step) => [step.stepId, step.status])).toEqual([
        ['open', 'pass'],
        ['subject', 'pass'],
        ['save', 'pass'],
      ]);
      expect(checked.stdout).not.toContain('sentToLogin');

      // 4. A session that no longer works is named as such (exit 2), not as three broken steps.
      const expired = join(dir, 'expired.json');
      writeFileSync(expired, JSON.stringify({ cookies: [], origins: [] }));
      const stale = await toursCheck([
        '--url',
        loginUrl,
        '--tours',
        tours,
        '--tour',
        'captcha-apply',
        '--storage-state',
        expired,
      ]);
      expect(stale.code).toBe(2);
      expect(stale.stderr).toContain('保存的登录状态已失效');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('rejects a missing --url and an unknown tour id with exit code 2', async ({ baseURL }) => {
    const noUrl = await toursCheck([]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--url is required');
    const unknown = await toursCheck([
      '--url',
      `${baseURL}/login.html`,
      '--tours',
      FIXTURE_TOURS,
      '--tour',
      'no-such-tour',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-tour');
  });
});
