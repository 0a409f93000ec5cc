// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  newArticleDraft,
  newTipDraft,
  type ContentDraft,
} from '../../../features/editor/content-drafts';
import { ContentDraftEditor } from '../../../features/editor/views/ContentEditor';
import type { InForce } from '../../../features/editor/views/content-editor-types';
import type { Tour } from '../../../features/tour/schema';

// The editor reads and writes drafts through messages: here they go to a map.
const stored = new Map<string, ContentDraft>();
const sendMessage = vi.fn(async (name: string, data?: unknown): Promise<unknown> => {
  const payload = data as { id?: string; draft?: ContentDraft };
  if (name === 'page:getContentDraft') return stored.get(payload.id ?? '') ?? null;
  if (name === 'page:putContentDraft' && payload.draft) {
    stored.set(payload.draft.id, payload.draft);
    return { saved: true };
  }
  if (name === 'page:packsStatus') return { policyProblem: null, configured: false, sources: [] };
  throw new Error(`unexpected message ${name}`);
});
vi.mock('../../../app/protocol', () => ({
  sendMessage: (...args: [string, unknown]) => sendMessage(...args),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const IN_FORCE: InForce = {
  tours: [{ id: 'gongwen-new-document', title: '新建公文并提交审核' } as Tour],
  articles: [],
  rules: {
    markers: [
      { id: 'permission-denied', url: '*', present: { text: '无权限访问' }, note: '403 页面' },
    ],
    tips: [],
    guards: [],
  },
};

let root: Root | null = null;
let host: HTMLDivElement;

beforeEach(() => {
  fakeBrowser.reset();
  stored.clear();
  sendMessage.mockClear();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host.remove();
});

async function open(draft: ContentDraft): Promise<void> {
  stored.set(draft.id, draft);
  root = createRoot(host);
  await act(async () => {
    root?.render(
      <ContentDraftEditor
        id={draft.id}
        language="zh_CN"
        inForce={IN_FORCE}
        tourDrafts={[]}
        contentDrafts={[]}
        onSaved={() => undefined}
        onDeleted={() => undefined}
      />,
    );
  });
  await vi.waitFor(() => expect(host.querySelector('#zy-draft-title')).not.toBeNull());
}

/** The control labelled `label` (its label's first text). */
function control<T extends HTMLElement>(label: string): T {
  for (const element of host.querySelectorAll('label')) {
    if (element.querySelector('span')?.textContent === label) {
      const found = element.querySelector('input, textarea, select');
      if (found) return found as T;
    }
  }
  throw new Error(`no field ${label}`);
}

function type(element: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  act(() => {
    setter?.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('help article drafts in the editor', () => {
  it('names a bad field by its path next to it, saves the fix, previews as the popup draws it', async () => {
    await open({
      ...newArticleDraft('d-1', 1),
      articleId: 'Seal Page',
      title: '盖章页缺失怎么办',
      tours: ['gongwen-new-document'],
      body: '先在**附件**中补传盖章页。',
    });
    const idField = control<HTMLInputElement>('文章 id（如 faq-login-failed）');
    expect(idField.getAttribute('aria-invalid')).toBe('true');
    const described = host.querySelector(
      `#${CSS.escape(idField.getAttribute('aria-describedby') ?? '')}`,
    );
    expect(described?.querySelector('code')?.textContent).toBe('id');
    expect(described?.textContent).toContain('文章 id 只能用小写英文字母');
    expect(host.querySelector('[data-testid="draft-issues"]')?.textContent).toContain('id');

    type(idField, 'faq-seal-page');
    expect(host.querySelector('[data-testid="draft-valid"]')?.textContent).toContain(
      '符合帮助文章格式',
    );
    expect(idField.getAttribute('aria-invalid')).toBeNull();
    await vi.waitFor(() => expect(stored.get('d-1')).toMatchObject({ articleId: 'faq-seal-page' }));

    const preview = host.querySelector('[data-testid="editor-preview"]')?.shadowRoot;
    expect(preview?.querySelector('.zy-article-title')?.textContent).toBe('盖章页缺失怎么办');
    expect(preview?.querySelector('.zy-markdown strong')?.textContent).toBe('附件');
    expect(preview?.querySelector('[data-testid="article-tours"]')?.textContent).toContain(
      '新建公文并提交审核',
    );
  });

  it('keeps a keyword list as typed while storing the words', async () => {
    await open({ ...newArticleDraft('d-2', 1), title: '标题', body: '正文' });
    const keywords = control<HTMLTextAreaElement>('关键词（中文，用逗号或顿号分隔）');
    type(keywords, '盖章、');
    expect(keywords.value).toBe('盖章、');
    type(keywords, '盖章、签章页');
    await vi.waitFor(() =>
      expect(stored.get('d-2')).toMatchObject({ keywords: ['盖章', '签章页'] }),
    );
  });
});

describe('compliance tip drafts in the editor', () => {
  it('shows the rule problems under their fields and draws the card as the page would', async () => {
    await open({
      ...newTipDraft('t-1', 1),
      tipId: 'no-seal-photo',
      title: '不准拍摄公章外传',
      body: '公章**不得拍照**。',
      severity: 'critical',
      dismissible: true,
      actions: ['marker'],
      marker: 'permision-denied',
    });
    const issues = host.querySelector('[data-testid="draft-issues"]')?.textContent ?? '';
    expect(issues).toContain('dismissible');
    expect(issues).toContain('不能提供“不再显示”');
    expect(issues).toContain('where.marker');
    expect(issues).toContain('"permission-denied"');
    const markerField = control<HTMLSelectElement>('页面标记（需可见或刚出现）');
    expect(markerField.getAttribute('aria-invalid')).toBe('true');

    const card = host
      .querySelector('[data-testid="editor-preview"]')
      ?.shadowRoot?.querySelector('[data-zhiyin-tip]');
    expect(card?.getAttribute('role')).toBe('alertdialog');
    expect(card?.textContent).toContain('不准拍摄公章外传');
    expect(card?.querySelector('strong')?.textContent).toBe('不得拍照');

    act(() => {
      markerField.value = 'permission-denied';
      markerField.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const after = host.querySelector('[data-testid="draft-issues"]')?.textContent ?? '';
    expect(after).not.toContain('where.marker');
    expect(after).toContain('dismissible');
  });
});
