import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRuleError, loadRules } from '../../../features/rules/load';
import type { Tour } from '../../../features/tour/schema';
import { TourSchema } from '../../../features/tour/schema';
import { loadProjectRules, rulesPlugin } from '../../../features/rules/build-plugin';
import { formatContentErrors } from '../../../lib/content/vite-plugin';
import { tourDirs } from '../../../features/tour/build-plugin';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhiyin-rules-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeRules(file: string, text: string): string {
  const dir = join(root, 'tours');
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(join(dir, 'rules', file), text);
  return dir;
}

const load = (dirs: string[], tours?: Tour[]) =>
  loadRules(dirs, { cwd: root, ...(tours ? { tours } : {}) });
const printed = (dirs: string[], tours?: Tour[]) => load(dirs, tours).errors.map(formatRuleError);

const TIP = `tips:
  - id: no-data-leak-export
    where: { action: export }
    tip:
      severity: warning
      title: 导出数据前请注意保密
      body: 不得外传
      version: 1
`;

describe('the project rules', () => {
  it('tours/rules validates, with the 三不准 and 四必须 tips and the issue’s guards', () => {
    const projectRoot = join(import.meta.dirname, '../../..');
    const result = loadProjectRules(projectRoot, tourDirs(projectRoot, {}));
    expect(result.errors.map(formatRuleError)).toEqual([]);
    const sources = result.rules.tips.map((tip) => tip.tip.source ?? '');
    for (const item of [
      '不准泄露用户信息',
      '不准越权操作',
      '不准修改系统配置',
      '必须核对用户身份',
      '必须留存操作记录',
      '必须使用正版软件',
      '必须定期修改密码',
    ]) {
      expect(
        sources.some((source) => source.includes(item)),
        item,
      ).toBe(true);
    }
    const checks = result.rules.guards.map((guard) =>
      guard.check.kind === 'validator' ? guard.check.validator : guard.check.kind,
    );
    // Every kind of guard the issue asks for is there (ID card and mobile on several pages).
    expect([...new Set(checks)].sort()).toEqual(
      ['attachment', 'creditCode', 'deadline', 'idCard', 'mobile', 'password', 'report'].sort(),
    );
    expect(result.rules.guards.map((guard) => guard.id)).toEqual(
      expect.arrayContaining(['social-id-card', 'epidemic-id-card', 'epidemic-mobile']),
    );
  });
});

describe('valid files', () => {
  it('fills in the defaults and merges files', () => {
    const dir = writeRules('a.yaml', TIP);
    writeRules(
      'b.yaml',
      'guards:\n  - id: credit-code\n    field: { label: 统一社会信用代码 }\n    check: { kind: validator, validator: creditCode }\n',
    );
    const { rules, errors } = load([dir]);
    expect(errors).toEqual([]);
    expect(rules.tips[0]).toMatchObject({
      frequency: 'session',
      acknowledge: false,
      snooze: '1h',
      dismissible: false,
    });
    expect(rules.guards.map((guard) => guard.id)).toEqual(['credit-code']);
  });

  it('a folder without rules/ contributes nothing', () => {
    mkdirSync(join(root, 'empty'));
    expect(load([join(root, 'empty')])).toMatchObject({ errors: [], rules: { tips: [] } });
  });
});

describe('broken rules fail with file, line and path', () => {
  it('an unknown severity', () => {
    const dir = writeRules('tips.yaml', TIP.replace('severity: warning', 'severity: loud'));
    expect(printed([dir])).toEqual([
      'tours/rules/tips.yaml:5:17: tips[0].tip.severity: severity（重要程度）只能是 info, warning, critical / severity must be one of info, warning, critical',
    ]);
  });

  it('a missing tip body and an unknown action', () => {
    const dir = writeRules(
      'tips.yaml',
      TIP.replace('      body: 不得外传\n', '').replace('action: export', 'action: print'),
    );
    const errors = load([dir]).errors;
    expect(errors.map((e) => [e.file, e.path, e.message])).toEqual([
      [
        'tours/rules/tips.yaml',
        'tips[0].where.action',
        'action（触发动作）只能是 page-open, marker, export, copy, submit, first-run / action must be one of page-open, marker, export, copy, submit, first-run',
      ],
      ['tours/rules/tips.yaml', 'tips[0].tip.body', '缺少必填项 body（正文） / body is required'],
    ]);
  });

  it('a critical tip that offers 不再显示', () => {
    const dir = writeRules(
      'tips.yaml',
      TIP.replace('severity: warning', 'severity: critical').replace(
        '    where:',
        '    dismissible: true\n    where:',
      ),
    );
    expect(printed([dir])).toEqual([
      'tours/rules/tips.yaml:3:18: tips[0].dismissible: critical（严重）级别的提示不能提供“不再显示” / critical tips cannot offer 不再显示',
    ]);
  });

  it('a marker nobody declared, and a due reminder on an unknown marker', () => {
    const dir = writeRules(
      'tips.yaml',
      TIP.replace(
        'where: { action: export }',
        'where: { action: marker, marker: nope }\n    due: { since: never-seen, after: 3mo }',
      ),
    );
    expect(printed([dir])).toEqual([
      'tours/rules/tips.yaml:3:38: tips[0].where.marker: 没有 id 为 "nope" 的标记（可用：无） / unknown marker "nope" (known: none)',
      'tours/rules/tips.yaml:4:19: tips[0].due.since: 没有 id 为 "never-seen" 的标记（可用：无） / unknown marker "never-seen" (known: none)',
    ]);
  });

  it('duplicate ids across files name the first file', () => {
    const dir = writeRules('a.yaml', TIP);
    writeRules('b.yaml', TIP);
    expect(printed([dir])).toEqual([
      'tours/rules/b.yaml:2:9: tips[0].id: 提示 id "no-data-leak-export" 重复（tours/rules/a.yaml tips[0] 也用了它） / duplicate tip id "no-data-leak-export" (also in tours/rules/a.yaml tips[0])',
    ]);
    // Nothing ships from a broken rule set.
    expect(load([dir]).rules.tips).toEqual([]);
  });

  it('a report guard whose rules name an undeclared field', () => {
    const dir = writeRules(
      'guards.yaml',
      `guards:
  - id: report
    field: { css: [{ selector: form, note: the form }] }
    check:
      kind: report
      fields: { gdp: { label: 地区生产总值 } }
      rules:
        - { left: industry, op: "<=", right: gdp }
`,
    );
    expect(printed([dir])).toEqual([
      'tours/rules/guards.yaml:8:11: guards[0].check.rules[0]: 字段 "industry" 没有在 check.fields 中声明 / field "industry" is not declared in check.fields',
    ]);
  });

  it('an unknown validator and a bad size', () => {
    const dir = writeRules(
      'guards.yaml',
      `guards:
  - id: a
    field: { label: 甲 }
    check: { kind: validator, validator: email }
  - id: b
    field: { label: 附件 }
    check: { kind: attachment, maxSize: 10 }
`,
    );
    const errors = load([dir]).errors;
    expect(errors.map((e) => e.path)).toEqual([
      'guards[0].check.validator',
      'guards[1].check.maxSize',
    ]);
    expect(errors[0]?.message).toMatch(/validator must be one of creditCode, idCard/);
  });

  it('YAML syntax errors', () => {
    const dir = writeRules('tips.yaml', 'tips:\n  - id: [unclosed\n');
    const [error] = load([dir]).errors;
    expect(error?.file).toBe('tours/rules/tips.yaml');
    expect(error?.message).toMatch(/^YAML syntax error/);
    expect(error?.line).toBeGreaterThan(0);
  });

  it('a tour step naming an unknown guard points at the tour file', () => {
    const dir = writeRules('a.yaml', TIP);
    mkdirSync(join(dir, 'gongwen-new'), { recursive: true });
    writeFileSync(join(dir, 'gongwen-new', 'tour.yaml'), '');
    const tour = TourSchema.parse({
      id: 'gongwen-new',
      title: '新建公文',
      summary: '新建公文',
      module: '操作',
      audience: ['业务操作人员'],
      applies: { url: '/index.html#/docs/new*' },
      steps: [{ id: 'attach', target: { label: '附件' }, body: '上传附件', guard: 'attachments' }],
    });
    expect(printed([dir], [tour])).toEqual([
      'tours/gongwen-new/tour.yaml: steps[0].guard: 没有 id 为 "attachments" 的字段检查（可用：无） / unknown guard "attachments" (known: none)',
    ]);
  });
});

describe('virtual:zhiyin-rules plugin', () => {
  it('serves the rule set and fails the build with every error listed', async () => {
    writeRules('a.yaml', TIP);
    const plugin = rulesPlugin({ root, env: {} });
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const loadHook = plugin.load as (this: unknown, id: string) => string | undefined;
    const resolved = resolveId('virtual:zhiyin-rules');
    expect(resolved).toBe('\0virtual:zhiyin-rules');
    const context = {
      addWatchFile: () => undefined,
      error: (message: string) => {
        throw new Error(message);
      },
    };
    const code = await loadHook.call(context, resolved ?? '');
    expect(code).toContain('"no-data-leak-export"');

    writeRules('b.yaml', TIP);
    expect(() => loadHook.call(context, resolved ?? '')).toThrow(
      /规范提示文件有 1 处错误 \/ 1 rules error:\n {2}tours\/rules\/b\.yaml:2:9: tips\[0\]\.id: 提示 id "no-data-leak-export" 重复.* \/ duplicate tip id/,
    );
    expect(formatContentErrors('rules', [])).toBe('0 rules errors:');
  });
});
