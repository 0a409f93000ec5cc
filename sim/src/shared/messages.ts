/**
 * 消息中心: messages that flows send to users (document returned, approved, archived; application
 * results, report reminders...). Any module posts with {@link postMessage}.
 */
import { simNow } from './clock';
import { createStore, newId } from './storage';

export interface SimMessage {
  id: string;
  /** Recipient account. */
  to: string;
  /** Module that sent it, shown as the category: 公文管理, 便民服务, 数据上报, 系统通知... */
  category: string;
  title: string;
  body: string;
  /** Link relative to the sim root, e.g. `index.html#/docs/abc`. */
  href?: string;
  createdAt: number;
  read: boolean;
}

const messageStore = createStore<SimMessage[]>('messages:list', () => []);

/** Sends a message; `createdAt` defaults to now (seeds pass a past time). */
export function postMessage(
  message: Omit<SimMessage, 'id' | 'createdAt' | 'read'> & { createdAt?: number; read?: boolean },
): SimMessage {
  const full: SimMessage = {
    ...message,
    id: newId('msg'),
    createdAt: message.createdAt ?? simNow(),
    read: message.read ?? false,
  };
  messageStore.update((all) => [full, ...all]);
  return full;
}

export function listMessages(account: string): SimMessage[] {
  return messageStore
    .get()
    .filter((m) => m.to === account)
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function unreadCount(account: string): number {
  return listMessages(account).filter((m) => !m.read).length;
}

export function markRead(id: string): void {
  messageStore.update((all) => all.map((m) => (m.id === id ? { ...m, read: true } : m)));
}

export function markAllRead(account: string): void {
  messageStore.update((all) => all.map((m) => (m.to === account ? { ...m, read: true } : m)));
}
