import { describe, expect, it, vi } from 'vitest';
import { isTransportError, retryTransport } from '../../../lib/messaging/transport-error';

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

describe('message transport failures', () => {
  it('tells the browser’s transport errors from a route’s refusal', () => {
    expect(isTransportError(NO_RECEIVER)).toBe(true);
    expect(
      isTransportError(new Error('The message port closed before a response was received.')),
    ).toBe(true);
    expect(isTransportError('Error: Extension context invalidated.')).toBe(true);
    expect(isTransportError(new Error('url is not the sender’s page'))).toBe(false);
  });

  it('asks again while the background is starting, then answers', async () => {
    const call = vi.fn().mockRejectedValueOnce(NO_RECEIVER).mockResolvedValueOnce('ok');
    await expect(retryTransport(call, { delayMs: 1 })).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a refusal, and gives up on a transport that never answers', async () => {
    const refused = vi.fn().mockRejectedValue(new Error('not allowed'));
    await expect(retryTransport(refused, { delayMs: 1 })).rejects.toThrow('not allowed');
    expect(refused).toHaveBeenCalledTimes(1);
    const silent = vi.fn().mockRejectedValue(NO_RECEIVER);
    await expect(retryTransport(silent, { delayMs: 1, attempts: 3 })).rejects.toBe(NO_RECEIVER);
    expect(silent).toHaveBeenCalledTimes(3);
  });
});
