/**
 * The Chrome MV2 build loads lib/platform/legacy-runtime.ts before anything else in every
 * entrypoint (scripts/lib/legacy-build.ts), and nowhere else.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isEntrypointModule,
  LEGACY_RUNTIME_MODULE,
  legacyRuntimePlugin,
} from '../../../scripts/lib/legacy-build';

const root = path.resolve(__dirname, '../../..');
const transform = legacyRuntimePlugin().transform as (
  code: string,
  id: string,
) => { code: string } | null;

describe('legacy runtime plugin (Chrome MV2)', () => {
  it('puts the fills first in entrypoint scripts', () => {
    for (const entry of ['entrypoints/background.ts', 'entrypoints/popup/main.tsx']) {
      const id = path.join(root, entry);
      expect(isEntrypointModule(id)).toBe(true);
      const out = transform("import { x } from './x';\nx();", id);
      expect(out?.code.split('\n')[0]).toBe(`import ${JSON.stringify(LEGACY_RUNTIME_MODULE)};`);
      expect(out?.code).toContain("import { x } from './x';");
    }
  });

  it('leaves other modules, HTML and virtual ids alone', () => {
    for (const id of [
      path.join(root, 'features/tour/runner.ts'),
      path.join(root, 'entrypoints/popup/index.html'),
      'virtual:zhiyin-rules',
      path.join(root, 'node_modules/react/index.js'),
    ])
      expect(transform('x();', id), id).toBeNull();
  });

  it('the fills module exists where the plugin points', async () => {
    expect(LEGACY_RUNTIME_MODULE).toBe(path.join(root, 'lib/platform/legacy-runtime.ts'));
    await expect(import(LEGACY_RUNTIME_MODULE)).resolves.toHaveProperty('installLegacyRuntime');
  });
});
