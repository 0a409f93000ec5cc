import { onMessage, sendMessage } from '../../../app/protocol';
import type { FrameChannel } from './delegate';
import type { FrameUpdate } from '../protocol';

const listeners = new Map<string, (update: FrameUpdate) => void>();
let removeListener: (() => void) | null = null;

/**
 * The owner frame's delegation channel over the typed protocol: requests go to the background
 * (which checks the sender and reaches the frame); `bg:frameUpdate` is routed by delegation id.
 * The message listener exists only while a delegation is live.
 */
export const messagingFrameChannel: FrameChannel = {
  locate: (request) => sendMessage('content:frameLocate', request),
  release: (id) => sendMessage('content:frameRelease', { id }),
  listen(id, listener) {
    listeners.set(id, listener);
    removeListener ??= onMessage('bg:frameUpdate', ({ data }) => listeners.get(data.id)?.(data));
    return () => {
      listeners.delete(id);
      if (listeners.size === 0) {
        removeListener?.();
        removeListener = null;
      }
    };
  },
};
