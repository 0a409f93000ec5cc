import { resolve } from 'node:path';
import { serveStatic } from './lib/static-server';

// Serves the built simulated system (npm run build:sim) for Playwright's webServer and by hand.
const port = Number(process.env.SIM_PORT ?? 4173);
// Engine test pages (late, moving and hidden targets, modals…) for the end-to-end tests.
const e2ePages = { prefix: '/__e2e/', dir: resolve(import.meta.dirname, '../tests/e2e/pages') };
const { url } = await serveStatic(
  process.env.SIM_DIST
    ? resolve(process.env.SIM_DIST)
    : resolve(import.meta.dirname, '../sim/dist'),
  port,
  '127.0.0.1',
  [e2ePages],
);
console.log(`模拟政务系统 / simulated system: ${url}/`);
