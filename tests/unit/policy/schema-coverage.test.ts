/**
 * public/managed-schema.json is what an administrator reads (and Chrome validates the policy
 * against); app/policy/policy.ts is what the extension reads. Every key of one must be in the
 * other, with the same type, or an administrator's setting is silently ignored (or a setting the
 * code understands cannot be configured). The example policies under deploy/ must resolve with
 * no problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_INPUT_SCHEMAS, resolvePolicy, type PolicyInput } from '../../../app/policy/policy';

const root = path.resolve(__dirname, '../../..');
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}
const schema = JSON.parse(
  readFileSync(path.join(root, 'public/managed-schema.json'), 'utf8'),
) as JsonSchema;

/** path → JSON type, for every property in the JSON schema. */
function jsonPaths(node: JsonSchema, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    out.set(prefix + key, child.type ?? '?');
    for (const [p, t] of jsonPaths(child, `${prefix}${key}.`)) out.set(p, t);
  }
  return out;
}

interface ZodNode {
  _zod: {
    def: {
      type: string;
      innerType?: ZodNode;
      in?: ZodNode;
      shape?: Record<string, ZodNode>;
      options?: ZodNode[];
      values?: unknown[];
      checks?: { _zod: { def: { check?: string; format?: string } } }[];
      format?: string;
    };
    bag?: { format?: string };
  };
}

/** The JSON type a zod schema accepts (after optional/default wrappers). */
function jsonTypeOf(node: ZodNode): string {
  const def = node._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return jsonTypeOf(def.innerType!);
    case 'pipe':
      return jsonTypeOf(def.in!);
    case 'number':
      return def.format?.includes('int') || node._zod.bag?.format?.includes('int')
        ? 'integer'
        : 'number';
    case 'enum':
    case 'literal':
    case 'string':
      return 'string';
    case 'union':
      return jsonTypeOf(def.options![0]!);
    default:
      return def.type;
  }
}

/** path → JSON type, for every key a zod schema reads (union members merged). */
function zodPaths(node: ZodNode, prefix = ''): Map<string, string> {
  const def = node._zod.def;
  const out = new Map<string, string>();
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return zodPaths(def.innerType!, prefix);
    case 'pipe':
      return zodPaths(def.in!, prefix);
    case 'union':
      for (const option of def.options!)
        for (const [p, t] of zodPaths(option, prefix)) out.set(p, t);
      return out;
    case 'object':
      for (const [key, child] of Object.entries(def.shape!)) {
        out.set(prefix + key, jsonTypeOf(child));
        for (const [p, t] of zodPaths(child, `${prefix}${key}.`)) out.set(p, t);
      }
      return out;
    default:
      return out;
  }
}

const codePaths = new Map<string, string>();
for (const [key, input] of Object.entries(POLICY_INPUT_SCHEMAS)) {
  codePaths.set(key, 'object');
  for (const [p, t] of zodPaths(input as unknown as ZodNode, `${key}.`)) codePaths.set(p, t);
}
const documented = jsonPaths(schema);

describe('managed-schema.json and the policy code', () => {
  it('every key in the schema is read by the policy code, with the same type', () => {
    const missing = [...documented].filter(([p]) => !codePaths.has(p)).map(([p]) => p);
    expect(missing, 'in the schema, not read by app/policy/policy.ts').toEqual([]);
    const mismatched = [...documented]
      .filter(([p, t]) => codePaths.has(p) && codePaths.get(p) !== t)
      .map(([p, t]) => `${p}: schema ${t}, code ${codePaths.get(p)}`);
    expect(mismatched).toEqual([]);
  });

  it('every key the policy code reads is in the schema', () => {
    const undocumented = [...codePaths.keys()].filter((p) => !documented.has(p));
    expect(undocumented, 'read by app/policy/policy.ts, missing from the schema').toEqual([]);
  });

  it('every top-level key has a description for administrators', () => {
    for (const [key, node] of Object.entries(schema.properties ?? {}))
      expect((node as { description?: string }).description, key).toBeTruthy();
  });

  it('the identity role enum is the list of training groups', () => {
    const role = schema.properties?.identity?.properties?.role;
    expect(role?.enum).toEqual([...POLICY_INPUT_SCHEMAS.identity.shape.role.unwrap().options]);
  });

  it('a wrong type at any top-level key is reported by name and the default kept', () => {
    for (const key of Object.keys(schema.properties ?? {})) {
      const view = resolvePolicy({ [key]: 42 } as PolicyInput, {});
      expect(view.problems.join('\n'), key).toContain(`${key}:`);
      expect(view.locked).toContain(key);
    }
  });
});

describe('identity (learner from policy)', () => {
  const managed = {
    identity: { account: 'zw0012', name: '张三', department: '办公室', role: '业务操作人员' },
  };

  it('is taken from the managed policy and locked', () => {
    const view = resolvePolicy(managed, {});
    expect(view.problems).toEqual([]);
    expect(view.policy.identity).toEqual(managed.identity);
    expect(view.locked).toContain('identity');
  });

  it('is never taken from the options page (a learner cannot be someone else)', () => {
    const view = resolvePolicy({}, managed as PolicyInput);
    expect(view.policy.identity).toBeUndefined();
  });

  it('without a department is refused whole, with the reason in Chinese first', () => {
    const view = resolvePolicy({ identity: { account: 'zw0012' } }, {});
    expect(view.policy.identity).toBeUndefined();
    expect(view.problems[0]).toMatch(/^identity: department: /);
  });

  it('refuses an unknown role and a non-http homePage', () => {
    const role = resolvePolicy({ identity: { ...managed.identity, role: '局长' } }, {});
    expect(role.problems[0]).toMatch(/^identity: role: 应为 管理人员/);
    const home = resolvePolicy(
      { identity: { ...managed.identity, homePage: 'javascript:alert(1)' } },
      {},
    );
    expect(home.problems[0]).toMatch(/^identity: homePage: /);
  });
});
