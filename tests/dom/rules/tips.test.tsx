// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldGuardHint } from '../../../features/guards/views/FieldGuardHint';
import { TipCard } from '../../../features/rules/views/TipCard';
import { TipLayer } from '../../../features/rules/views/TipLayer';
import type { TipDecision } from '../../../features/rules/engine';
import { userClick } from '../../support/user-events';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

const tip = (overrides: Partial<TipDecision> = {}): TipDecision => ({
  tipId: 'no-data-leak-export',
  contentVersion: 2,
  severity: 'warning',
  title: '导出数据前请注意保密',
  body: '导出的文件可能含有**个人信息**。<img src=x onerror="alert(1)">',
  source: '三不准 · 不准泄露用户信息',
  acknowledge: true,
  snoozeMs: 3_600_000,
  dismissible: false,
  presentation: 'status',
  ...overrides,
});

const buttons = () => [...host.querySelectorAll('button')].map((button) => button.textContent);
const button = (text: string) =>
  [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === text);

describe('TipCard', () => {
  it('a warning is a polite, labelled status with the test hook, the Markdown body and its buttons', () => {
    const handlers = { onAcknowledge: vi.fn(), onSnooze: vi.fn(), onDismiss: vi.fn() };
    act(() => root.render(<TipCard tip={tip()} language="zh_CN" {...handlers} />));
    const card = host.querySelector<HTMLElement>('[data-zhiyin-tip="no-data-leak-export"]');
    expect(card?.getAttribute('role')).toBe('status');
    expect(card?.dataset.zhiyinTipVersion).toBe('2');
    const title = document.getElementById(card?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('导出数据前请注意保密');
    expect(card?.querySelector('strong')?.textContent).toBe('个人信息');
    // Raw HTML in tip text stays text.
    expect(card?.querySelector('img')).toBeNull();
    expect(buttons()).toEqual(['稍后提醒', '我已知晓']);
    expect(document.activeElement).not.toBe(button('我已知晓'));
    act(() => userClick(button('我已知晓')));
    act(() => userClick(button('稍后提醒')));
    expect(handlers.onAcknowledge).toHaveBeenCalledTimes(1);
    expect(handlers.onSnooze).toHaveBeenCalledTimes(1);
  });

  it('ignores a page script’s clicks on its buttons (issue 10)', () => {
    const handlers = { onAcknowledge: vi.fn(), onSnooze: vi.fn(), onDismiss: vi.fn() };
    act(() =>
      root.render(<TipCard tip={tip({ dismissible: true })} language="zh_CN" {...handlers} />),
    );
    act(() => {
      button('我已知晓')?.click();
      button('稍后提醒')?.click();
      button('不再显示')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(handlers.onAcknowledge).not.toHaveBeenCalled();
    expect(handlers.onSnooze).not.toHaveBeenCalled();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
    act(() => userClick(button('我已知晓')));
    expect(handlers.onAcknowledge).toHaveBeenCalledTimes(1);
  });

  it('offers 不再显示 only when allowed, and no snooze when the rule has none', () => {
    const onDismiss = vi.fn();
    act(() =>
      root.render(
        <TipCard
          tip={tip({ dismissible: true, snoozeMs: undefined, severity: 'info' })}
          language="zh_CN"
          onAcknowledge={vi.fn()}
          onSnooze={vi.fn()}
          onDismiss={onDismiss}
        />,
      ),
    );
    expect(buttons()).toEqual(['不再显示', '我已知晓']);
    act(() => userClick(button('不再显示')));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('a critical tip is an alertdialog that takes focus on its acknowledge button', () => {
    act(() =>
      root.render(
        <TipCard
          tip={tip({ severity: 'critical', presentation: 'dialog', snoozeMs: undefined })}
          language="zh_CN"
          onAcknowledge={vi.fn()}
          onSnooze={vi.fn()}
          onDismiss={vi.fn()}
        />,
      ),
    );
    const card = host.querySelector('[data-zhiyin-tip]');
    expect(card?.getAttribute('role')).toBe('alertdialog');
    expect(card?.getAttribute('aria-modal')).toBe('false');
    expect(document.activeElement).toBe(button('我已知晓'));
  });

  it('English labels', () => {
    act(() =>
      root.render(
        <TipCard
          tip={tip({ dismissible: true })}
          language="en"
          onAcknowledge={vi.fn()}
          onSnooze={vi.fn()}
          onDismiss={vi.fn()}
        />,
      ),
    );
    expect(buttons()).toEqual(["Don't show again", 'Remind me later', 'I understand']);
  });
});

describe('TipLayer', () => {
  it('shows the first tip and passes the answer with the tip', () => {
    const onRespond = vi.fn();
    const tips = [tip({ tipId: 'a' }), tip({ tipId: 'b' })];
    act(() => root.render(<TipLayer tips={tips} language="zh_CN" onRespond={onRespond} />));
    expect(
      [...host.querySelectorAll('[data-zhiyin-tip]')].map((e) => e.getAttribute('data-zhiyin-tip')),
    ).toEqual(['a']);
    expect(host.querySelector('.zy-tip-queued')?.textContent).toBe('+1');
    act(() => userClick(button('我已知晓')));
    expect(onRespond).toHaveBeenCalledWith(tips[0], 'acknowledge');
  });
});

describe('FieldGuardHint', () => {
  const anchor = document.createElement('input');

  it('a failed check is an alert listing every message, with the note', () => {
    act(() =>
      root.render(
        <FieldGuardHint
          language="zh_CN"
          hint={{
            guardId: 'password',
            anchor,
            level: 'warning',
            messages: ['密码须包含数字', '密码须包含符号（如 ! @ # $ % _ -）'],
            note: '密码每 3 个月更换',
          }}
        />,
      ),
    );
    const hint = host.querySelector<HTMLElement>('[data-zhiyin-guard="password"]');
    expect(hint?.getAttribute('role')).toBe('alert');
    expect(hint?.dataset.level).toBe('warning');
    expect([...(hint?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '密码须包含数字',
      '密码须包含符号（如 ! @ # $ % _ -）',
    ]);
    expect(hint?.textContent).toContain('密码每 3 个月更换');
    // Never blocking: no buttons, nothing focusable.
    expect(hint?.querySelector('button, a, input, [tabindex]')).toBeNull();
  });

  it('a passing check is a status saying so', () => {
    act(() =>
      root.render(
        <FieldGuardHint
          language="zh_CN"
          hint={{ guardId: 'mobile', anchor, level: 'ok', messages: [] }}
        />,
      ),
    );
    const hint = host.querySelector('[data-zhiyin-guard="mobile"]');
    expect(hint?.getAttribute('role')).toBe('status');
    expect(hint?.textContent).toContain('格式正确');
  });
});

describe('GuardHintLayer', () => {
  it('renders one hint per guard next to its field and stops positioning when removed', async () => {
    const { GuardHintLayer } = await import('../../../features/guards/views/GuardHintLayer');
    const field = document.createElement('input');
    document.body.append(field);
    const hint = (guardId: string) => ({
      guardId,
      anchor: field,
      level: 'warning' as const,
      messages: ['校验位应为 3'],
    });
    act(() =>
      root.render(<GuardHintLayer language="zh_CN" hints={[hint('id-card'), hint('mobile')]} />),
    );
    const shown = () =>
      [...host.querySelectorAll('[data-zhiyin-guard]')].map((e) =>
        e.getAttribute('data-zhiyin-guard'),
      );
    expect(shown()).toEqual(['id-card', 'mobile']);
    act(() => root.render(<GuardHintLayer language="zh_CN" hints={[hint('mobile')]} />));
    expect(shown()).toEqual(['mobile']);
    // The host field itself is untouched.
    expect(field.outerHTML).toBe('<input>');
    field.remove();
  });
});
