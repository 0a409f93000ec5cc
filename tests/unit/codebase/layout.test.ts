/**
 * The feature-folder layout, checked (README "Architecture"):
 * - the import rules of .dependency-cruiser.cjs hold: no import cycles, no background module
 *   imported outside the background, no database in content-side code, lib/ and components/ know
 *   no feature;
 * - every incoming message of the protocol has exactly one route, and it comes from the feature
 *   that declares the message (features/<name>/protocol.ts ↔ app/background/registry.ts);
 * - every feature that declares messages is registered; every `bg:*` message has a listener in
 *   the page-side code.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { featureRoutes } from '../../../app/background/registry';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Message names declared by each `…Messages` interface of a protocol file. */
function declaredMessages(file: string): Map<string, string[]> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !statement.name.text.endsWith('Messages'))
      continue;
    found.set(
      statement.name.text,
      statement.members.flatMap((member) =>
        member.name && ts.isStringLiteral(member.name) ? [member.name.text] : [],
      ),
    );
  }
  return found;
}

const FEATURES = readdirSync(join(ROOT, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** features/<name>/protocol.ts messages, plus app/protocol.ts's own under the name `core`. */
function messagesByFeature(): Map<string, string[]> {
  const byFeature = new Map<string, string[]>();
  for (const name of FEATURES) {
    const file = join(ROOT, 'features', name, 'protocol.ts');
    if (!existsSync(file)) continue;
    const messages = [...declaredMessages(file).values()].flat();
    if (messages.length > 0) byFeature.set(name, messages);
  }
  byFeature.set('core', declaredMessages(join(ROOT, 'app/protocol.ts')).get('CoreMessages') ?? []);
  return byFeature;
}

/** Stands in for every service: the route factories only keep references until a message comes. */
const anything: unknown = new Proxy(function stub() {}, {
  get: (_target, key) => (key === 'then' ? undefined : anything),
  apply: () => anything,
});

const incoming = (names: readonly string[]) => names.filter((name) => !name.startsWith('bg:'));

describe('feature-folder layout', () => {
  it('keeps the import rules: no cycles, background and database stay where they belong', async () => {
    const { cruise } = await import('dependency-cruiser');
    const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as {
      forbidden: unknown[];
      options: Record<string, unknown>;
    };
    const result = await cruise(['app', 'features', 'lib', 'components', 'entrypoints'], {
      ...config.options,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    } as never);
    const output = result.output as {
      summary: {
        violations: { rule: { name: string }; from: string; to: string; cycle?: unknown[] }[];
      };
    };
    const violations = output.summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
    expect(violations).toEqual([]);
  }, 120_000);

  it('every feature that declares messages is registered in the background registry', () => {
    const registered = Object.keys(featureRoutes(anything as never)).sort();
    expect(registered).toEqual([...messagesByFeature().keys()].sort());
  });

  it('every incoming message has one route, from the feature that declares it', () => {
    const routes = featureRoutes(anything as never) as Record<string, Record<string, unknown>>;
    const seen = new Map<string, string>();
    for (const [feature, messages] of messagesByFeature()) {
      const answered = Object.keys(routes[feature] ?? {}).sort();
      expect(answered, `routes of ${feature}`).toEqual(incoming(messages).sort());
      for (const message of answered) {
        expect(seen.get(message), `${message} routed twice`).toBeUndefined();
        seen.set(message, feature);
      }
    }
  });

  it('every bg:* message has a listener in the page-side code', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'background') walk(path);
        } else if (/\.tsx?$/.test(entry.name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    for (const dir of ['entrypoints', 'features', 'app/overlay']) walk(join(ROOT, dir));
    const pageSide = sources.join('\n');
    const outgoing = [...messagesByFeature().values()]
      .flat()
      .filter((name) => name.startsWith('bg:'));
    expect(outgoing.length).toBeGreaterThan(0);
    const unheard = outgoing.filter((name) => !pageSide.includes(`onMessage('${name}'`));
    expect(unheard).toEqual([]);
  });

  it('README names only files and folders that exist (the layout and its description agree)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const top =
      /^(app|features|lib|components|entrypoints|tests|bench|docs|scripts|tours|sim|public)\//;
    const named = [...readme.matchAll(/`([^`\s]+)`/g)]
      .map((match) => match[1] ?? '')
      // Build outputs (sim/dist/…) are named for where to look after a build, not checked here.
      .filter((path) => top.test(path) && !/[*<>{}]/.test(path) && !/(^|\/)dist(\/|$)/.test(path));
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter((path) => !existsSync(join(ROOT, path.replace(/\/$/, ''))));
    expect(missing).toEqual([]);
  });
});
