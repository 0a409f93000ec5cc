import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../app/background/start';

// The service worker: everything is composed in app/background (registry.ts lists the features).
export default defineBackground(startBackground);
