/**
 * A React root for a DOM test (happy-dom): a fresh host element in `document.body` before each
 * test, unmounted and removed after it. Call at the top of a file or a `describe`:
 * `const page = reactRoot(); … page.render(<View />); page.host.querySelector(…)`.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

// React warns about updates outside act() unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactRoot {
  /** The element the test renders into (a new one for each test). */
  readonly host: HTMLDivElement;
  /** Renders `node` into the host inside act(), so effects and updates have run on return. */
  render(node: ReactNode): void;
}

export function reactRoot(): ReactRoot {
  let host: HTMLDivElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
  return {
    get host() {
      if (!host) throw new Error('reactRoot: the host exists only while a test runs');
      return host;
    },
    render(node) {
      act(() => root?.render(node));
    },
  };
}
