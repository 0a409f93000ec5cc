// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ActionOutcome } from '../../../components/ActionOutcome';
import { reactRoot } from '../../support/react-root';

describe('ActionOutcome', () => {
  const page = reactRoot();

  it('shows no alert without an error and keeps the polite status line in the page', () => {
    page.render(<ActionOutcome language="zh_CN" error={null} status="" statusTestId="s" />);
    expect(page.host.querySelector('[role="alert"]')).toBeNull();
    const status = page.host.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.getAttribute('data-testid')).toBe('s');
    expect(status?.textContent).toBe('');
  });

  it('shows the error as an alert and the new status in the same line', () => {
    page.render(
      <ActionOutcome
        language="zh_CN"
        error="文件不是学习进度备份"
        status="已导出"
        errorTestId="e"
      />,
    );
    const alert = page.host.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('文件不是学习进度备份');
    expect(alert?.getAttribute('data-testid')).toBe('e');
    expect(page.host.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(page.host.querySelector('[role="status"]')?.textContent).toBe('已导出');
  });
});
