import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { onMessage, sendMessage } from '../app/protocol';
import { createFrameAgent } from '../features/frames/content/agent';

const AGENT_GLOBAL = '__zhiyinFrameAgent__';

// Injected by the background (features/frames/background/routes.ts) into a cross-origin iframe, in the
// content scripts' isolated world, only when a tour step's target must be looked up there. No UI:
// the owner frame draws the card. Registered once per document.
export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { [AGENT_GLOBAL]?: true };
  if (scope[AGENT_GLOBAL]) return;
  scope[AGENT_GLOBAL] = true;
  const agent = createFrameAgent({
    document,
    send: (update) => sendMessage('content:frameUpdate', update),
  });
  onMessage('bg:frameLocate', ({ data }) => agent.locate(data));
  onMessage('bg:frameRelease', ({ data }) => agent.release(data.id));
});
