// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HelpSearch } from '../../../features/help/views/HelpSearch';
import type { HelpContent } from '../../../features/help/views/use-help-index';
import { helpDocs } from '../../../features/help/docs';
import type { HelpArticle } from '../../../features/help/schema';
import { createHelpIndex } from '../../../features/help/search-index';
import type { Tour } from '../../../features/tour/schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const article = (
  id: string,
  title: string,
  body: string,
  applies: string[],
  tours: string[] = [],
): HelpArticle => ({ id, title, module: '安全', keywords: [], applies, tours, body });

const ARTICLES: HelpArticle[] = [
  article(
    'faq-login-failed',
    '登录失败怎么办',
    '连续 5 次输错**密码**，账号锁定 30 分钟。',
    ['/login.html*'],
    ['anquan-login-lockout'],
  ),
  article('sec-password-rules', '密码设置要求', '密码 8–16 位，包含字母、数字、符号。', [
    '/index.html#/settings/password*',
  ]),
  article('odd-markup', '附件说明', '上传 <img src=x onerror="alert(1)"> 附件', []),
];
const TOURS = [
  {
    id: 'anquan-login-lockout',
    title: '安全登录与账号锁定规则',
    summary: '连续5次登录失败锁定30分钟',
    module: '安全',
    audience: ['基层用户'],
    applies: { url: '/login.html*' },
    start: { on: 'manual' },
    steps: [{ id: 'a', body: '输入账号', target: { label: '账号' } }],
  },
] as unknown as Tour[];

const content: HelpContent = {
  index: createHelpIndex(helpDocs(ARTICLES, TOURS, 'zh_CN')),
  articles: new Map(ARTICLES.map((a) => [a.id, a])),
  tours: new Map(TOURS.map((tour) => [tour.id, tour])),
  tips: new Map(),
  buildMs: 1,
};

let host: HTMLElement;
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

function render(props: Partial<Parameters<typeof HelpSearch>[0]> = {}) {
  const handlers = { onStartTour: vi.fn(), onMiss: vi.fn() };
  act(() =>
    root.render(
      <HelpSearch
        content={content}
        language="zh_CN"
        currentUrl="http://127.0.0.1:4173/login.html"
        canStart
        {...handlers}
        {...props}
      />,
    ),
  );
  return handlers;
}

function type(text: string) {
  const input = host.querySelector('input[type="search"]') as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return input;
}

const button = (name: string) =>
  [...host.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );

describe('HelpSearch', () => {
  it('lists the page’s articles for an empty query', () => {
    render();
    expect(host.querySelector('[data-testid="articles-here"]')?.textContent).toContain(
      '登录失败怎么办',
    );
    expect(host.textContent).not.toContain('密码设置要求');
  });

  it('puts the current page’s results in their own group first, with marked matches', () => {
    render();
    type('密码');
    const here = host.querySelector('[data-testid="results-here"]');
    const other = host.querySelector('[data-testid="results-other"]');
    expect(here?.textContent).toContain('登录失败怎么办');
    expect(other?.textContent).toContain('密码设置要求');
    expect(here?.compareDocumentPosition(other as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect([...host.querySelectorAll('mark')].map((m) => m.textContent)).toContain('密码');
  });

  it('renders index text as text, never as markup', () => {
    render();
    type('附件');
    expect(host.textContent).toContain('"alert(1)">');
    expect(host.querySelector('img')).toBeNull();
  });

  it('reports a query that found nothing once when Enter is pressed', () => {
    const { onMiss } = render();
    const input = type('打印机卡纸');
    expect(host.textContent).toContain('没有找到与“打印机卡纸”相关的内容');
    for (let i = 0; i < 2; i++) {
      act(() => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    }
    expect(onMiss).toHaveBeenCalledTimes(1);
    expect(onMiss).toHaveBeenCalledWith('打印机卡纸');
  });

  it('opens an article with its tours, which start from there (or say why they cannot)', () => {
    const { onStartTour } = render();
    act(() => button('查看：登录失败怎么办')?.click());
    expect(host.querySelector('article h2')?.textContent).toBe('登录失败怎么办');
    expect(host.querySelector('article strong')?.textContent).toBe('密码');
    act(() => button('开始：安全登录与账号锁定规则')?.click());
    expect(onStartTour).toHaveBeenCalledWith('anquan-login-lockout');

    act(() => root.render(<div />));
    render({ canStart: false });
    act(() => button('查看：登录失败怎么办')?.click());
    expect(button('开始：安全登录与账号锁定规则')?.disabled).toBe(true);
    expect(host.textContent).toContain('请在政务系统页面上打开指引后再开始引导。');
  });
});
