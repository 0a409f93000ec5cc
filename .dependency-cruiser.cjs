/**
 * Import rules of the feature-folder layout (README "Architecture"), checked by
 * tests/unit/codebase/layout.test.ts and `npx depcruise -c .dependency-cruiser.cjs app features lib entrypoints components`.
 */
const BACKGROUND = '^(features/[^/]+/background/|app/background/|entrypoints/background\\.ts)';
// eslint-disable-next-line no-undef -- CommonJS config file read by dependency-cruiser
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'Import cycles (type-only imports included) make the load order and the layers unclear.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'background-stays-in-background',
      comment:
        'Only background code imports background modules: content scripts, overlay, views and shared model code never do (not even for types).',
      severity: 'error',
      from: { path: '^(features|app|lib|components|entrypoints)/', pathNot: BACKGROUND },
      to: { path: BACKGROUND },
    },
    {
      name: 'database-in-extension-origin-only',
      comment:
        'IndexedDB opened in a content script belongs to the host page: content-side code never imports the database.',
      severity: 'error',
      from: {
        path: '^(features/[^/]+/content/|entrypoints/(content|overlay|rules|frame-agent|author)\\.ts|app/overlay/)',
      },
      to: { path: '^lib/db/' },
    },
    {
      name: 'views-go-through-messages',
      comment:
        'Views and extension pages (popup, options, dashboard, quiz) read and write through typed messages: only background code (and the progress import/export it runs, features/progress/io.ts) opens the database.',
      severity: 'error',
      from: {
        path: '^(features/[^/]+/views/|app/(popup|options)/|entrypoints/(popup|options|dashboard|quiz)/)',
      },
      to: { path: '^app/database\\.ts$' },
    },
    {
      name: 'platform-knows-no-feature',
      comment:
        'lib/ (platform and engines) and components/ (shared UI) are used by features, never the reverse.',
      severity: 'error',
      from: { path: '^(lib|components)/' },
      to: { path: '^(features|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs'] },
    moduleSystems: ['es6'],
  },
};
