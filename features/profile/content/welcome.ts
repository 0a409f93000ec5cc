import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../../../app/protocol';
import type { Role } from '../roles';

/** The part of the overlay bundle that draws the welcome card (app/overlay/api.ts `OverlayApi`). */
export interface WelcomeOverlay {
  showWelcome(
    ctx: ContentScriptContext,
    options: { onChooseRole(role: Role): Promise<void>; onDismiss(): Promise<void> },
  ): Promise<void>;
}

/**
 * Shows the first-run welcome card (choose a role) and records the answer; `onFirstRun` runs once
 * the learner chose a role or dismissed the card (the rules' first-run tips). Resolves when the
 * card is on screen.
 */
export async function showWelcome(
  ctx: ContentScriptContext,
  loadOverlay: () => Promise<WelcomeOverlay>,
  onFirstRun: () => void = () => {},
): Promise<void> {
  const overlay = await loadOverlay();
  await overlay.showWelcome(ctx, {
    onChooseRole: async (role) => {
      await sendMessage('content:chooseRole', { role, url: location.href });
      onFirstRun();
    },
    onDismiss: async () => {
      await sendMessage('content:dismissWelcome', { url: location.href });
      onFirstRun();
    },
  });
}
