/**
 * 作者模式 (for trainers): turn on the element picker in one of the open tabs where Zhiyin runs.
 * The picker bundle (entrypoints/author.ts) is injected into that tab's top frame only now; hover
 * outlines an element, a click proposes proven locators and a ready YAML step, Esc leaves.
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { sendMessage } from '../../../app/protocol';
import type { Language } from '../../../lib/settings/preferences';
import { RecordList } from '../../../components/Records';

/** The picker bundle (entrypoints/author.ts). */
const AUTHOR_SCRIPT = '/author.js';

export interface ZhiyinTab {
  id: number;
  title: string;
  url: string;
}

/** Open tabs whose top frame answers our content script (Zhiyin runs there). */
export async function zhiyinTabs(): Promise<ZhiyinTab[]> {
  const tabs = await browser.tabs.query({});
  const found: ZhiyinTab[] = [];
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url || !/^https?:/u.test(tab.url)) return;
      try {
        const page = await sendMessage('bg:ping', undefined, { tabId: tab.id, frameId: 0 });
        found.push({ id: tab.id, title: page.title || tab.title || page.url, url: page.url });
      } catch {
        // No content script in that tab (not a configured host): not offered.
      }
    }),
  );
  return found.sort((a, b) => a.id - b.id);
}

async function injectAuthor(tabId: number): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [AUTHOR_SCRIPT],
    });
    return;
  }
  await browser.tabs.executeScript(tabId, { file: AUTHOR_SCRIPT, frameId: 0 });
}

export function AuthorMode({ language }: { language: Language }) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(language, key, params);
  const [tabs, setTabs] = useState<ZhiyinTab[] | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const refresh = useCallback(() => {
    void zhiyinTabs()
      .then(setTabs)
      .catch(() => setTabs([]));
  }, []);
  useEffect(refresh, [refresh]);

  const start = async (tab: ZhiyinTab) => {
    try {
      await injectAuthor(tab.id);
      await browser.tabs.update(tab.id, { active: true });
      setStatus({ ok: true, text: t('authorModeStarted', { title: tab.title }) });
    } catch (error) {
      setStatus({
        ok: false,
        text: t('authorModeFailed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  return (
    <section className="zy-section" aria-labelledby="zy-author-mode" data-testid="author-mode">
      <h2 id="zy-author-mode">{t('authorModeTitle')}</h2>
      <p className="zy-muted">{t('authorModeHint')}</p>
      <RecordList rows={tabs} empty={t('authorModeNoTabs')}>
        {(tab) => (
          <li key={tab.id}>
            <span>
              <strong>{tab.title}</strong> <span className="zy-muted">{tab.url}</span>
            </span>
            <button
              type="button"
              aria-label={`${t('authorModeStart')}：${tab.title}`}
              onClick={() => void start(tab)}
            >
              {t('authorModeStart')}
            </button>
          </li>
        )}
      </RecordList>
      <p>
        <button type="button" onClick={refresh}>
          {t('authorModeRefresh')}
        </button>{' '}
        <a href={browser.runtime.getURL('/editor.html')} target="_blank" rel="noreferrer">
          {t('authorModeEditor')}
        </a>
      </p>
      <p role={status?.ok === false ? 'alert' : 'status'} aria-live="polite">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
