import { existsSync } from 'node:fs';

/** Where Debian, Ubuntu and common installs put a Chromium-family browser. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/**
 * The Chromium binary to drive: `CHROMIUM_PATH` when set (and existing), else the first known
 * install. Throws a message that tells the user what to install, never a bare ENOENT.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium-based browser binary.',
    );
  }
  return found;
}

/**
 * Flags that keep Chromium from hanging on a closed network (it otherwise keeps trying to reach
 * update, sync and component servers) and let it run as root in containers.
 */
export const CLOSED_NETWORK_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--no-default-browser-check',
];
