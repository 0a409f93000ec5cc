import { browser } from 'wxt/browser';
import { dispatch, type IncomingOf } from '../../lib/messaging/router';
import { checkSender } from '../../lib/messaging/sender';
import { onMessage, type ProtocolMap } from '../protocol';
import { createPlatform } from './platform';
import { createRoutes } from './registry';
import { createServices } from './services';

/** Starts the background: platform, feature services, and one listener per routed message. */
export function startBackground(): void {
  const platform = createPlatform();
  const routes = createRoutes(createServices(platform));
  for (const type of Object.keys(routes) as IncomingOf<ProtocolMap>[]) {
    onMessage(type, (message) =>
      dispatch(
        routes,
        type,
        message.data as never,
        checkSender(
          message.sender,
          browser.runtime.id,
          platform.extensionOrigin,
          platform.isAllowedHost,
        ),
      ),
    );
  }
}
