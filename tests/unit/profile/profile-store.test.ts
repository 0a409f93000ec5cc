import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';
import { ProfileStore, RoleSetByPolicy } from '../../../features/profile/background/store';
import type { Role } from '../../../features/profile/roles';

let db: ZhiyinDatabase;
let count = 0;
let ids = 0;
const store = () =>
  new ProfileStore(
    db,
    () => 1_000,
    () => `zhiyin-test-${++ids}`,
  );

beforeEach(() => {
  db = new ZhiyinDatabase(`profile-store-${++count}`);
  ids = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('learner profile', () => {
  it('gets its learner id with the first choice, and keeps it through later choices', async () => {
    await store().setRole('业务操作人员');
    const first = await db.profile.get('me');
    expect(first).toMatchObject({ role: '业务操作人员', learnerId: 'zhiyin-test-1' });
    await store().setRole('基层用户');
    await store().dismissWelcome();
    expect(await db.profile.get('me')).toMatchObject({
      role: '基层用户',
      welcomeDismissedAt: 1_000,
      learnerId: 'zhiyin-test-1',
    });
    expect(await store().learnerId()).toBe('zhiyin-test-1');
  });

  it('a row from before learner ids gains one on its next write, keeping the name and staff id', async () => {
    await db.profile.put({
      key: 'me',
      role: null,
      roleChosenAt: null,
      welcomeDismissedAt: null,
      name: '张三',
      staffId: 'GH-0042',
    });
    await store().setRole('技术支持人员');
    expect(await db.profile.get('me')).toMatchObject({
      name: '张三',
      staffId: 'GH-0042',
      role: '技术支持人员',
      learnerId: 'zhiyin-test-1',
    });
  });

  it('a role chosen while the id is being made for a statement keeps both (one id, the role)', async () => {
    const profiles = store();
    const [, id, , again] = await Promise.all([
      profiles.setRole('业务操作人员'),
      profiles.learnerId(),
      profiles.dismissWelcome(),
      store().learnerId(),
    ]);
    const row = await db.profile.get('me');
    expect(row).toMatchObject({ role: '业务操作人员', welcomeDismissedAt: 1_000 });
    expect(id).toBe(row?.learnerId);
    expect(again).toBe(row?.learnerId);
  });

  it('a new learner whose group the policy sets gets the first-run tips once, no welcome card', async () => {
    const managed = new ProfileStore(
      db,
      () => 3_000,
      () => 'zhiyin-policy',
      async () => '业务操作人员',
    );
    expect(await managed.welcome()).toBe('first-run');
    expect(await managed.welcome()).toBe('none');
    expect(await store().welcome()).toBe('none');
    const fresh = new ZhiyinDatabase(`profile-store-fresh-${++count}`);
    expect(await new ProfileStore(fresh).welcome()).toBe('welcome');
    await fresh.delete();
  });

  it('takes the group the policy sets: no welcome card, no other choice, the choice kept for later', async () => {
    await store().setRole('基层用户');
    let policy: Role | null = '管理人员';
    const managed = new ProfileStore(
      db,
      () => 2_000,
      () => 'unused',
      async () => policy,
    );
    expect(await managed.view()).toEqual({
      role: '管理人员',
      roleChosenAt: null,
      setByPolicy: true,
    });
    expect(await managed.role()).toBe('管理人员');
    expect(await managed.welcome()).toBe('none'); // the learner chose a group before
    await expect(managed.setRole('业务操作人员')).rejects.toBeInstanceOf(RoleSetByPolicy);
    // The policy no longer sets it: the learner's own choice is back.
    policy = null;
    expect(await managed.view()).toEqual({ role: '基层用户', roleChosenAt: 1_000 });
  });
});
