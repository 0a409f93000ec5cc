import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Every page of the simulated system. Menu items are real links between these files, so moving
 * from one module to another is a full page load, as in the real systems Zhiyin trains on.
 */
const PAGES = [
  'login.html',
  'index.html',
  'service.html',
  'report.html',
  'admin.html',
  'analytics.html',
  'grassroots.html',
  'oa.html',
  'legacy/notices.html',
  'legacy/borrow.html',
  'legacy/home.html',
  // Cross-origin frames: a module embedding another site's page (localhost ↔ 127.0.0.1).
  'exchange.html',
  'legacy/exchange.html',
  // A page built with the real Element Plus (Vue): widgets of systems we did not build (issue 13).
  'element.html',
  // A page built with the real layui 2.13 (skinned selects, layer dialogs, tables): issue 13.
  'layui.html',
  // A jQuery-era <frameset> system (top nav, menu and main <frame>s, same origin): issue 13.
  'frameset.html',
  'frameset-top.html',
  'frameset-menu.html',
  'frameset-home.html',
  'frameset-apply.html',
] as const;

// Pages are built by two engineers in parallel: a page listed here whose file is not written yet
// must not break the build of the others.
const input = Object.fromEntries(
  PAGES.filter((page) => existsSync(resolve(root, page))).map((page) => [
    page.replace(/\.html$/, '').replace(/\//g, '-'),
    resolve(root, page),
  ]),
);

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  publicDir: resolve(root, 'public'),
  build: {
    // SIM_DIST: a separate output folder for parallel test runs (scripts/serve-sim.ts reads it too).
    outDir: process.env.SIM_DIST ? resolve(process.env.SIM_DIST) : resolve(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input },
  },
  server: { host: '127.0.0.1', port: 5174 },
  preview: { host: '127.0.0.1', port: 4173 },
});
