import { describe, expect, it, vi } from 'vitest';
import { isTrustedUserEvent, onlyTrusted } from '../../../lib/trust/user-event';

describe('isTrustedUserEvent (issue 10)', () => {
  it('accepts only events the browser marked trusted, DOM or React', () => {
    expect(isTrustedUserEvent({ isTrusted: true })).toBe(true);
    expect(isTrustedUserEvent({ isTrusted: false })).toBe(false);
    expect(isTrustedUserEvent({ nativeEvent: { isTrusted: true } })).toBe(true);
    expect(isTrustedUserEvent({ nativeEvent: { isTrusted: false } })).toBe(false);
    // No isTrusted at all (happy-dom, odd environments): not the user's.
    expect(isTrustedUserEvent({} as Event)).toBe(false);
  });

  it('onlyTrusted drops page-made events and passes the user’s through', () => {
    const handler = vi.fn();
    const guarded = onlyTrusted(handler);
    guarded({ nativeEvent: { isTrusted: false } });
    expect(handler).not.toHaveBeenCalled();
    const event = { nativeEvent: { isTrusted: true } };
    guarded(event);
    expect(handler).toHaveBeenCalledWith(event);
  });
});
