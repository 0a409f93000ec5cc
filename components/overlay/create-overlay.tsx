import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayApi, WelcomeOptions } from '../../lib/overlay/api';
import { readPreferences, type Preferences } from '../../lib/settings/preferences';
import { WelcomeCard } from '../welcome/WelcomeCard';
import overlayCss from './overlay.css?inline';

/** The single element Zhiyin adds to a host page; everything else lives in its open shadow root. */
export const OVERLAY_HOST_TAG = 'zhiyin-overlay';

/**
 * Creates the overlay: one shadow-root host per frame, mounted while something is shown and
 * removed (with its React root) when nothing is, or when the content script is invalidated.
 */
export function createOverlay(): OverlayApi {
  let ui: ShadowRootContentScriptUi<Root> | undefined;

  const unmount = () => {
    ui?.remove();
    ui = undefined;
  };

  const render = async (ctx: ContentScriptContext, view: (prefs: Preferences) => ReactNode) => {
    unmount();
    const prefs = await readPreferences();
    const created = await createShadowRootUi<Root>(ctx, {
      name: OVERLAY_HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: overlayCss,
      // Keys typed into our card must not trigger the host page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        // React is mounted on a wrapper div, never on the shadow container itself.
        const wrapper = document.createElement('div');
        wrapper.className = [
          'zy-root',
          prefs.largeText ? 'zy-large' : '',
          prefs.reducedMotion ? 'zy-reduced-motion' : '',
        ]
          .filter(Boolean)
          .join(' ');
        wrapper.lang = prefs.language === 'en' ? 'en' : 'zh-CN';
        container.append(wrapper);
        const root = createRoot(wrapper);
        root.render(view(prefs));
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    created.mount();
    ui = created;
  };

  return {
    async showWelcome(ctx: ContentScriptContext, options: WelcomeOptions) {
      await render(ctx, (prefs) =>
        createElement(WelcomeCard, {
          language: prefs.language,
          onChooseRole: options.onChooseRole,
          onDismiss: options.onDismiss,
          onClose: unmount,
        }),
      );
    },
    unmount,
  };
}
