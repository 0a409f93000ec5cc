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

function service(orgIdentity?: () => Promise<OrgIdentity | null>) {
  const kv = new Map<string, unknown>();
  const xapi = createXapiService({
    db,
    lrs: async () => null,
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
});
