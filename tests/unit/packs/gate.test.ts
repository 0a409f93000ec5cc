/**
 * After a worker restart, messages wait for the stored packs (features/packs/background/gate.ts):
 * a tab in the middle of a pack tour must find the tour, not have its session dropped.
 */
import { describe, expect, it } from 'vitest';
import { afterRestored } from '../../../features/packs/background/gate';
import type { RouteTable } from '../../../lib/messaging/router';

interface Messages {
  'page:which'(): string[];
}

describe('afterRestored', () => {
  it('answers only once the stored packs are listed, then without waiting', async () => {
    const tours = ['bundled'];
    let restore!: () => void;
    const restored = new Promise<void>((done) => (restore = done));
    const routes: RouteTable<Messages> = {
      'page:which': { from: ['extension-page'], handle: async () => [...tours] },
    };
    const gated = afterRestored(routes, restored);
    const early = gated['page:which'].handle(undefined as never, {} as never);
    await new Promise((done) => setTimeout(done, 10));
    tours.push('from-pack');
    restore();
    expect(await early).toEqual(['bundled', 'from-pack']);
    expect(gated['page:which'].from).toEqual(['extension-page']);
  });

  it('answers when reading the packs failed', async () => {
    const routes: RouteTable<Messages> = {
      'page:which': { from: ['extension-page'], handle: async () => ['bundled'] },
    };
    const gated = afterRestored(routes, Promise.reject(new Error('IndexedDB stalled')));
    expect(await gated['page:which'].handle(undefined as never, {} as never)).toEqual(['bundled']);
  });
});
