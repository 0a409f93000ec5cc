import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ActivityLog } from '../lib/background/activity-log';
import { createHostPolicy } from '../lib/background/host-policy';
import { injectOverlay } from '../lib/background/inject';
import { ProfileStore } from '../lib/background/profile-store';
import { createRoutes, dispatch, type Routes } from '../lib/background/router';
import { checkSender } from '../lib/background/sender';
import { database } from '../lib/db/database';
import { onMessage, sendMessage } from '../lib/messaging/protocol';

export default defineBackground(() => {
  const db = database();
  const manifest = browser.runtime.getManifest();
  const isAllowedHost = createHostPolicy(
    (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  );
  const extensionOrigin = browser.runtime.getURL('/');

  const routes = createRoutes({
    activity: new ActivityLog(db),
    profile: new ProfileStore(db),
    pingTab: (tabId) => sendMessage('bg:ping', undefined, { tabId, frameId: 0 }).catch(() => null),
    showWelcomeInTab: (tabId) =>
      sendMessage('bg:showWelcome', undefined, { tabId, frameId: 0 })
        .then((reply) => reply.shown)
        .catch(() => false),
    injectOverlay,
  });

  for (const type of Object.keys(routes) as (keyof Routes)[]) {
    onMessage(type, (message) =>
      dispatch(
        routes,
        type,
        message.data as never,
        checkSender(message.sender, browser.runtime.id, extensionOrigin, isAllowedHost),
      ),
    );
  }
});
