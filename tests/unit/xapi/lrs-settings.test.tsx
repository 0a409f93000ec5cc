// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETENTION_POLICY, type PolicyView } from '../../../app/policy/policy';
import type { XapiStatusView } from '../../../features/xapi/protocol';

const sendMessage = vi.fn();
vi.mock('../../../app/protocol', () => ({
  sendMessage: (...args: unknown[]) => sendMessage(...args) as unknown,
}));
const { LrsSettings } = await import('../../../features/settings/views/AdminSettings');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STATUS: XapiStatusView = {
  pending: 4,
  rejected: 1,
  consecutiveFailures: 2,
  retryAt: Date.UTC(2026, 2, 2, 2, 0, 0),
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: {
    at: Date.UTC(2026, 2, 2, 1, 59, 0),
    reason: 'auth',
    status: 401,
    message: 'Unauthorised',
  },
  dropped: 0,
  configured: true,
  endpoint: 'https://lrs.gov.example/xAPI/',
  rejectedReasons: [{ status: 400, message: 'Invalid verb id', count: 1 }],
};

function answer(view: PolicyView) {
  sendMessage.mockImplementation(async (type: string, data: unknown) => {
    if (type === 'page:getPolicy') return view;
    if (type === 'page:xapiStatus') return STATUS;
    if (type === 'page:xapiRequeueRejected')
      return {
        requeued: 1,
        status: { ...STATUS, pending: 5, rejected: 0, rejectedReasons: [] },
      };
    if (type === 'page:savePolicy')
      return { ...view, policy: { ...view.policy, lrs: (data as { lrs: unknown }).lrs } };
    throw new Error(`unexpected ${type}`);
  });
}

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  sendMessage.mockReset();
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const input = (label: string) => {
  const element = [...host.querySelectorAll('label')].find((l) => l.textContent === label);
  return host.querySelector<HTMLInputElement>(`#${CSS.escape(element!.htmlFor)}`)!;
};
const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name);

function type(element: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('学习记录库（xAPI） settings', () => {
  it('is read-only under the managed policy, and shows the delivery status', async () => {
    answer({
      policy: {
        reportEndpoint: null,
        lrs: {
          endpoint: 'https://lrs.gov.example/xAPI/',
          auth: { kind: 'basic', key: 'zhiyin', secret: 's' },
          sendDisplayName: false,
        },
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: ['lrs'],
      problems: [],
    });
    await act(async () => root.render(<LrsSettings language="zh_CN" />));
    expect(host.querySelector('[data-testid="lrs-locked"]')?.textContent).toContain('管理策略');
    expect(input('xAPI 地址').readOnly).toBe(true);
    expect(input('xAPI 地址').value).toBe('https://lrs.gov.example/xAPI/');
    expect(input('密钥（Key）').readOnly).toBe(true);
    expect(button('保存学习记录库设置')).toBeUndefined();
    expect(button('测试连接')).toBeDefined();
    expect(host.querySelector('[data-testid="lrs-pending"]')?.textContent).toBe('4');
    expect(host.querySelector('[data-testid="lrs-rejected"]')?.textContent).toBe('1');
    expect(host.querySelector('[data-testid="lrs-last-error"]')?.textContent).toContain(
      'HTTP 401 凭据被拒绝',
    );
  });

  it('shows why the LRS refused statements and sends them again on request', async () => {
    answer({
      policy: {
        reportEndpoint: null,
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: [],
      problems: [],
    });
    await act(async () => root.render(<LrsSettings language="zh_CN" />));
    expect(host.querySelector('[data-testid="lrs-rejected-reasons"]')?.textContent).toBe(
      'HTTP 400 Invalid verb id（1 条）',
    );
    await act(async () => button('重新发送被拒绝的记录')!.click());
    expect(sendMessage).toHaveBeenCalledWith('page:xapiRequeueRejected');
    expect(host.querySelector('[data-testid="lrs-message"]')?.textContent).toBe(
      '已将 1 条被拒绝的记录重新排队发送，当前待发送 5 条，被拒收 0 条',
    );
    expect(host.querySelector('[data-testid="lrs-rejected"]')?.textContent).toBe('0');
    // Nothing refused any more: no reasons, no button.
    expect(host.querySelector('[data-testid="lrs-rejected-reasons"]')).toBeNull();
    expect(button('重新发送被拒绝的记录')).toBeUndefined();
  });

  it('explains wrong input per field and saves nothing', async () => {
    answer({
      policy: {
        reportEndpoint: null,
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: [],
      problems: [],
    });
    await act(async () => root.render(<LrsSettings language="zh_CN" />));
    await act(async () => type(input('xAPI 地址'), 'lrs.example.gov.cn'));
    await act(async () => button('保存学习记录库设置')!.click());
    expect(input('xAPI 地址').getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('xAPI 地址必须是以 https:// 或 http:// 开头的完整网址');
    expect(host.textContent).toContain('请填写密钥（Key）。');
    expect(host.textContent).toContain('请填写密码（Secret）。');
    expect(sendMessage).not.toHaveBeenCalledWith('page:savePolicy', expect.anything());

    await act(async () => type(input('xAPI 地址'), 'https://lrs.example.gov.cn/xAPI'));
    await act(async () => type(input('密钥（Key）'), 'k'));
    await act(async () => type(input('密码（Secret）'), 's'));
    await act(async () => button('保存学习记录库设置')!.click());
    expect(sendMessage).toHaveBeenCalledWith('page:savePolicy', {
      lrs: {
        endpoint: 'https://lrs.example.gov.cn/xAPI/',
        auth: { kind: 'basic', key: 'k', secret: 's' },
        sendDisplayName: false,
      },
    });
    await vi.waitFor(() =>
      expect(host.querySelector('[data-testid="lrs-message"]')?.textContent).toBe(
        '学习记录库设置已保存',
      ),
    );
  });
});
