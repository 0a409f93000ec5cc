// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETENTION_POLICY, type PolicyView } from '../../../app/policy/policy';

const sendMessage = vi.fn();
vi.mock('../../../app/protocol', () => ({
  sendMessage: (...args: unknown[]) => sendMessage(...args) as unknown,
}));

const { ReportForm } = await import('../../../features/report/views/ReportForm');
const { AdminSettings } = await import('../../../features/settings/views/AdminSettings');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;
beforeEach(() => {
  sendMessage.mockReset();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function fill(element: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('ReportForm', () => {
  it('previews what will be hidden while typing and says where reports go', () => {
    act(() =>
      root.render(
        <ReportForm language="zh_CN" tabId={3} endpointConfigured={false} onSubmitted={vi.fn()} />,
      ),
    );
    expect(host.textContent).toContain('报告只保存在这台电脑上');
    fill(host.querySelector('textarea') as HTMLTextAreaElement, '手机 13812345678 打不开');
    expect(host.querySelector('[data-testid="scrub-preview"]')?.textContent).toContain(
      '提交前将隐去 1 处个人信息（手机号 1 处）',
    );
    expect(host.querySelector('blockquote')?.textContent).toBe('手机 [手机号] 打不开');
    // Every control has a name a screen reader can read.
    expect(host.querySelector('select')?.labels?.[0]?.textContent).toBe('问题类型');
    expect(host.querySelector('textarea')?.labels?.[0]?.textContent).toBe('问题描述');
    expect(host.querySelectorAll('option')).toHaveLength(7);
  });

  it('refuses an empty description and submits the chosen category for the tab', async () => {
    const onSubmitted = vi.fn();
    act(() =>
      root.render(
        <ReportForm language="zh_CN" tabId={3} endpointConfigured onSubmitted={onSubmitted} />,
      ),
    );
    const form = host.querySelector('form') as HTMLFormElement;
    await act(async () => form.requestSubmit());
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('请填写问题描述。');
    expect(sendMessage).not.toHaveBeenCalled();

    sendMessage.mockResolvedValue({ id: 'r1', status: 'queued', scrubbed: {}, scrubSummary: null });
    const select = host.querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'review-stuck';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    fill(host.querySelector('textarea') as HTMLTextAreaElement, '审核停在办公室');
    await act(async () => form.requestSubmit());
    expect(sendMessage).toHaveBeenCalledWith('page:submitReport', {
      category: 'review-stuck',
      description: '审核停在办公室',
      tabId: 3,
      // No screenshot unless the learner takes one (and keeps it).
      screenshot: null,
    });
    expect(onSubmitted).toHaveBeenCalledTimes(1);
    expect(host.querySelector('[data-testid="report-done"]')?.textContent).toContain('报告已提交');
  });
});

describe('AdminSettings', () => {
  it('is read-only with a note when the managed policy sets the endpoint', async () => {
    const view: PolicyView = {
      policy: {
        reportEndpoint: { url: 'https://r.example.gov.cn/reports', token: 't' },
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: ['reportEndpoint'],
      problems: [],
    };
    sendMessage.mockResolvedValue(view);
    await act(async () => root.render(<AdminSettings language="zh_CN" />));
    expect(host.querySelector('[data-testid="admin-locked"]')?.textContent).toContain(
      '由单位的管理策略统一配置',
    );
    // The report endpoint form (the LRS form below it has its own lock).
    const inputs = [...host.querySelector('.zy-admin-form')!.querySelectorAll('input')];
    expect(inputs.map((input) => input.readOnly)).toEqual([true, true]);
    expect(inputs[0]?.value).toBe('https://r.example.gov.cn/reports');
    expect(host.textContent).not.toContain('保存管理员设置');
  });

  it('a managed policy the browser reads late still shows as locked, without reopening the page', async () => {
    vi.useFakeTimers();
    try {
      const policy = {
        reportEndpoint: null,
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      };
      const pending: PolicyView = { policy, locked: [], problems: [], managedPending: true };
      const managed: PolicyView = {
        policy: {
          ...policy,
          reportEndpoint: { url: 'https://r.example.gov.cn/reports', token: 't' },
        },
        locked: ['reportEndpoint'],
        problems: [],
      };
      let answered = false;
      sendMessage.mockImplementation(async (type: string) =>
        type === 'page:getPolicy' ? (answered ? managed : pending) : null,
      );
      await act(async () => root.render(<AdminSettings language="zh_CN" />));
      expect(host.querySelector('[data-testid="admin-managed-pending"]')).not.toBeNull();
      expect(host.querySelector('[data-testid="admin-locked"]')).toBeNull();
      answered = true;
      await act(async () => vi.advanceTimersByTimeAsync(1_500));
      expect(host.querySelector('[data-testid="admin-managed-pending"]')).toBeNull();
      expect(host.querySelector('[data-testid="admin-locked"]')).not.toBeNull();
      const url = host.querySelector('.zy-admin-form input') as HTMLInputElement;
      expect(url.value).toBe('https://r.example.gov.cn/reports');
      expect(url.readOnly).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says in words that the background is not answering, never the browser’s English error', async () => {
    sendMessage.mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await act(async () => root.render(<AdminSettings language="zh_CN" />));
    const alerts = [...host.querySelectorAll('[role="alert"]')].map((node) => node.textContent);
    expect(alerts.join(' ')).toContain('指引的后台服务暂时没有响应');
    expect(host.textContent).not.toContain('Could not establish connection');
  });

  it('shows the problems of a refused value', async () => {
    sendMessage.mockResolvedValue({
      policy: {
        reportEndpoint: null,
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: [],
      problems: ['reportEndpoint: 接收地址必须使用 HTTPS（仅本机回环地址可用 HTTP 测试）'],
    } satisfies PolicyView);
    await act(async () => root.render(<AdminSettings language="zh_CN" />));
    expect(host.querySelector('[data-testid="admin-problems"]')?.textContent).toContain(
      '接收地址必须使用 HTTPS',
    );
    expect(host.querySelector('[data-testid="admin-current"]')?.textContent).toContain('未配置');
  });
  it('keeps what the administrator typed when the stored settings arrive late', async () => {
    // A slow browser start: the policy answers only after the administrator started typing.
    let answer: (view: PolicyView) => void = () => undefined;
    const stored: PolicyView = {
      policy: {
        reportEndpoint: { url: 'https://old.example.gov.cn/reports', token: 'old' },
        lrs: null,
        survey: { perSubject: 1, perDay: 3 },
        retention: DEFAULT_RETENTION_POLICY,
      },
      locked: [],
      problems: [],
      managedPending: true,
    };
    sendMessage.mockImplementation((type: string) =>
      type === 'page:getPolicy'
        ? new Promise((resolve) => (answer = resolve))
        : Promise.resolve({ pending: 0, rejected: 0 }),
    );
    await act(async () => root.render(<AdminSettings language="zh_CN" />));
    const [url] = [...host.querySelector('.zy-admin-form')!.querySelectorAll('input')];
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    act(() => {
      setter?.call(url, 'https://new.example.gov.cn/reports');
      url!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => answer(stored));
    expect(url?.value).toBe('https://new.example.gov.cn/reports');
    // What is in force is still shown, and that the managed policy is not known yet.
    expect(host.querySelector('[data-testid="admin-current"]')?.textContent).toContain(
      'old.example.gov.cn',
    );
    expect(host.querySelector('[data-testid="admin-managed-pending"]')?.textContent).toContain(
      '尚未返回单位的管理策略',
    );
  });
});
