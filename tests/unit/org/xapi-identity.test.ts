import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import {
  createXapiService,
  type XapiServiceOptions,
} from '../../../features/xapi/background/service';
import type { OrgIdentity } from '../../../features/org/identity';

const TOUR = {
  id: 'gongwen-new-document',
  title: '新建公文并提交审核',
  steps: [{ id: 'open-form', title: '打开新建表单' }],
} as unknown as XapiServiceOptions['tours'][number];
const DEPARTMENT = 'https://zhiyin.example/xapi/extensions/department';
const ROLE = 'https://zhiyin.example/xapi/extensions/role';

let db: ZhiyinDatabase;
let count = 0;
let created: { flush(): Promise<unknown> }[] = [];

function service(
  orgIdentity?: () => Promise<OrgIdentity | null>,
  more: Partial<XapiServiceOptions> = {},
) {
  const kv = new Map<string, unknown>();
  const xapi = createXapiService({
    db,
    lrs: async () => null,
    ...more,
    tours: [TOUR],
    alarms: { create: () => undefined, clear: () => undefined },
    store: { get: async (key) => kv.get(key), set: async (key, value) => void kv.set(key, value) },
    defaultHomePage: 'https://oa.gov.example',
    ...(orgIdentity ? { orgIdentity } : {}),
  });
  created.push(xapi);
  return xapi;
}

beforeEach(() => {
  db = new ZhiyinDatabase(`org-identity-${++count}`);
  created = [];
});
afterEach(async () => {
  for (const xapi of created) await xapi.flush();
  await db.delete();
});

describe('statements carry the organisation identity', () => {
  it('department and account from the policy identity, role from the profile', async () => {
    await db.profile.put({
      key: 'me',
      role: '基层用户',
      roleChosenAt: 1,
      welcomeDismissedAt: null,
      staffId: 'typed-here',
    });
    const xapi = service(async () => ({
      account: 'zhangsan',
      department: '城关镇',
      homePage: 'https://oa.example.gov.cn',
    }));
    const statement = await xapi.tourAttempted({ tourId: TOUR.id, at: 1000 });
    expect(statement.actor.account).toEqual({
      homePage: 'https://oa.example.gov.cn',
      name: 'zhangsan',
    });
    expect(statement.context.extensions).toEqual({ [DEPARTMENT]: '城关镇', [ROLE]: '基层用户' });
  });

  it('without a policy identity: the staff id as before, the role only', async () => {
    await db.profile.put({
      key: 'me',
      role: '管理人员',
      roleChosenAt: 1,
      welcomeDismissedAt: null,
      staffId: 'A001',
    });
    const statement = await service(async () => null).tourAttempted({ tourId: TOUR.id, at: 1000 });
    expect(statement.actor.account).toEqual({ homePage: 'https://oa.gov.example', name: 'A001' });
    expect(statement.context.extensions).toEqual({ [ROLE]: '管理人员' });
  });

  it('the policy role wins over the one chosen here', async () => {
    await db.profile.put({
      key: 'me',
      role: '基层用户',
      roleChosenAt: 1,
      welcomeDismissedAt: null,
    });
    const statement = await service(async () => ({
      account: 'li',
      department: '办公室',
      role: '业务操作人员',
    })).tourAttempted({ tourId: TOUR.id, at: 1000 });
    // No identity.homePage: the account still counts, on the default home page.
    expect(statement.actor.account).toEqual({ homePage: 'https://oa.gov.example', name: 'li' });
    expect(statement.context.extensions).toEqual({
      [DEPARTMENT]: '办公室',
      [ROLE]: '业务操作人员',
    });
  });

  it('a statement built before the managed policy answered is sent with its identity', async () => {
    const posted: unknown[] = [];
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { id: string }[];
      posted.push(...body);
      return new Response(JSON.stringify(body.map((s) => s.id)), { status: 200 });
    }) as typeof globalThis.fetch;
    let policy: OrgIdentity | null = null;
    const xapi = service(async () => policy, {
      lrs: async () => ({
        endpoint: 'https://lrs.example.gov.cn/xAPI/',
        auth: { kind: 'basic', key: 'k', secret: 's' },
        homePage: 'https://oa.example.gov.cn',
        sendDisplayName: false,
      }),
      lrsForStatements: async () => null,
      fetch,
    });
    // Built while the browser had not delivered the policy yet: the local learner id.
    const early = await xapi.tourAttempted({ tourId: TOUR.id, at: 1000 });
    expect(early.actor.account.name).toMatch(/^zhiyin-/);
    policy = { account: 'wang', department: '办公室', role: '业务操作人员' };
    await xapi.flush({ force: true });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      id: early.id,
      actor: { account: { homePage: 'https://oa.example.gov.cn', name: 'wang' } },
      context: { extensions: { [DEPARTMENT]: '办公室', [ROLE]: '业务操作人员' } },
    });
  });
});
