import { resolve } from 'node:path';
import { serveStatic } from './lib/static-server';

// Serves the built simulated system (npm run build:sim) for Playwright's webServer and by hand.
const port = Number(process.env.SIM_PORT ?? 4173);
const { url } = await serveStatic(resolve(import.meta.dirname, '../sim/dist'), port);
console.log(`模拟政务系统 / simulated system: ${url}/`);
