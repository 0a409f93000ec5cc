/**
 * Tour sessions, frame delegations and the rules' session id live in storage.session on MV3; on
 * MV2 kernels (no storage.session) they live in the persistent background page's memory.
 */
import { describe, expect, it } from 'vitest';
import { memorySessionArea, sessionArea } from '../../../lib/platform/session-area';

describe('session area', () => {
  it('uses storage.session where the browser has it', () => {
    const native = memorySessionArea();
    expect(sessionArea({ session: native })).toBe(native);
  });

  it('falls back to one shared memory area where it does not (MV2)', async () => {
    const first = sessionArea({});
    await first.set({ 'tourSession:7': { step: 2 } });
    const second = sessionArea({});
    expect(second).toBe(first);
    expect(await second.get('tourSession:7')).toEqual({ 'tourSession:7': { step: 2 } });
    await first.remove('tourSession:7');
  });

  it('behaves like a storage area: copies values, get(null) lists all, remove deletes', async () => {
    const area = memorySessionArea();
    const value = { step: 1, answers: ['a'] };
    await area.set({ a: value, b: 'x' });
    value.answers.push('changed after set');
    expect(await area.get('a')).toEqual({ a: { step: 1, answers: ['a'] } });
    expect(await area.get(null)).toEqual({ a: { step: 1, answers: ['a'] }, b: 'x' });
    expect(await area.get('missing')).toEqual({});
    await area.remove('a');
    expect(await area.get(null)).toEqual({ b: 'x' });
  });
});
