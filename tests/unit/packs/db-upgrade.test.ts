/**
 * Database v4 (content packs): `packSources` stores a source and finds it by its pack id (the
 * rollback check), beside the progress tables. Upgrades from v1 and v2 to v4 are in
 * tests/unit/db/upgrade.test.ts.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ZhiyinDatabase } from '../../../app/database';

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('database v4', () => {
  it('stores pack sources, found by pack id, beside progress', async () => {
    name = `zhiyin-packs-v4-${Math.random()}`;
    const current = new ZhiyinDatabase(name);
    await current.open();
    await current.tourProgress.put({
      tourId: 'pack-demo',
      status: 'in-progress',
      stepCount: 2,
      lastStepIndex: 1,
      attempts: 1,
      completions: 0,
      firstStartedAt: 1,
      updatedAt: 2,
      completedAt: null,
      snapshot: null,
    } as never);
    await current.packSources.put({
      source: 'https://x.example/pack.json',
      kind: 'url',
      packId: 'test-pack',
      version: 3,
      failures: 0,
    });
    expect(current.verno).toBe(6);
    expect((await current.packSources.where('packId').equals('test-pack').first())?.version).toBe(
      3,
    );
    expect((await current.tourProgress.get('pack-demo'))?.lastStepIndex).toBe(1);
    current.close();
  });
});
