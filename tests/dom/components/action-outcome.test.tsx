// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionOutcome } from '../../../components/ActionOutcome';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('ActionOutcome', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('shows no alert without an error and keeps the polite status line in the page', () => {
    act(() =>
      root.render(<ActionOutcome language="zh_CN" error={null} status="" statusTestId="s" />),
    );
    expect(host.querySelector('[role="alert"]')).toBeNull();
    const status = host.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.getAttribute('data-testid')).toBe('s');
    expect(status?.textContent).toBe('');
  });

  it('shows the error as an alert and the new status in the same line', () => {
    act(() =>
      root.render(
        <ActionOutcome
          language="zh_CN"
          error="文件不是学习进度备份"
          status="已导出"
          errorTestId="e"
        />,
      ),
    );
    const alert = host.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('文件不是学习进度备份');
    expect(alert?.getAttribute('data-testid')).toBe('e');
    expect(host.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('已导出');
  });
});
