/**
 * What every feature's background part may use from the browser, made once per worker: the
 * database, the manifest's hosts, tab helpers with deadlines, storage adapters, and the queue
 * that runs follow-ups (learning-record events) after records are saved.
 */
import { browser } from 'wxt/browser';
import { createHostPolicy } from '../../lib/hosts/host-policy';
import { DEADLINES, orDefault } from '../../lib/platform/deadline';
import { RecordEvents } from '../../lib/platform/record-events';
import { database, type ZhiyinDatabase } from '../database';
import { sendMessage } from '../protocol';
import type { TourInstruction } from '../../features/tour/protocol';
import type { LearningRecordEvents } from './record-events';

/** A key-value store (storage.local) as the services take it. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface BackgroundPlatform {
  db: ZhiyinDatabase;
  manifest: ReturnType<typeof browser.runtime.getManifest>;
  /** The content scripts' match patterns (the hosts an administrator configured). */
  contentMatches: string[];
  /** True when a URL is on a host the content scripts run on. */
  isAllowedHost(url: string): boolean;
  extensionOrigin: string;
  local: KeyValueStore;
  /** The URL of a tab's page, or null (no tab, closed, or the browser did not answer in time). */
  tabUrl(tabId: number | null): Promise<string | null>;
  /** The top frame's content script answers: its page, or null. */
  pingTab(tabId: number): Promise<{ url: string; title: string } | null>;
  /** Hands a tour instruction to a tab's top frame; false when no content script answers. */
  sendTourInstruction(tabId: number, instruction: TourInstruction): Promise<boolean>;
  /** Learning records stored, as events (xAPI subscribes). */
  records: RecordEvents<LearningRecordEvents>;
}

export function createPlatform(): BackgroundPlatform {
  const manifest = browser.runtime.getManifest();
  const contentMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  return {
    db: database(),
    manifest,
    contentMatches,
    isAllowedHost: createHostPolicy(contentMatches),
    extensionOrigin: browser.runtime.getURL('/'),
    local: {
      get: async (key) => (await browser.storage.local.get(key))[key],
      set: async (key, value) => void (await browser.storage.local.set({ [key]: value })),
    },
    tabUrl: async (tabId) =>
      tabId === null
        ? null
        : ((
            await orDefault(() => browser.tabs.get(tabId), DEADLINES.tab, null, 'tabs.get').catch(
              () => null,
            )
          )?.url ?? null),
    pingTab: (tabId) => sendMessage('bg:ping', undefined, { tabId, frameId: 0 }).catch(() => null),
    sendTourInstruction: (tabId, instruction) =>
      sendMessage('bg:tourInstruction', instruction, { tabId, frameId: 0 })
        .then(() => true)
        .catch(() => false),
    records: new RecordEvents<LearningRecordEvents>(),
  };
}
