/**
 * Cross-module 待办 and search entries. The workbench (index.html) shows 我的待办 and the global
 * search results, but the service/report/admin modules live on other pages and are not loaded
 * there; so each module *publishes* its current todos and searchable items to storage
 * (`zhiyin-sim:worklist:<module>`, `zhiyin-sim:search:<module>`) whenever its data changes, and
 * the workbench reads every published list.
 */
import { listSimKeys, readJson, writeJson, STORAGE_PREFIX } from './storage';
import type { PermissionLevel } from './users';

export interface TodoItem {
  id: string;
  /** Module name shown as the category: 公文管理, 便民服务, 数据上报... */
  module: string;
  /** e.g. 待审核, 待受理, 待上报, 已退回待修改 */
  kind: string;
  title: string;
  /** Link relative to the sim root. */
  href: string;
  /** Accounts this todo is for. Empty = everyone matching `permission`. */
  assignees: string[];
  /** When set (and no assignees), users with at least this permission see it. */
  permission?: PermissionLevel;
  createdAt: number;
  /** Optional deadline (simulated ms). */
  deadline?: number;
}

export interface SearchEntry {
  id: string;
  /** 公文, 办件, 报表, 帮助... */
  kind: string;
  title: string;
  summary: string;
  href: string;
  /** Extra words that should match (numbers, names). */
  keywords?: string[];
}

/** Replaces the todos published by `module`. */
export function publishTodos(module: string, todos: TodoItem[]): void {
  writeJson(`worklist:${module}`, todos);
}

/** Replaces the search entries published by `module`. */
export function publishSearchEntries(module: string, entries: SearchEntry[]): void {
  writeJson(`search:${module}`, entries);
}

function readAll<T>(prefix: string): T[] {
  const full = `${STORAGE_PREFIX}${prefix}`;
  return listSimKeys()
    .filter((key) => key.startsWith(full))
    .flatMap((key) => readJson<T[]>(key, []));
}

export function allPublishedTodos(): TodoItem[] {
  return readAll<TodoItem>('worklist:');
}

export function allSearchEntries(): SearchEntry[] {
  return readAll<SearchEntry>('search:');
}

/** Published todos visible to a user. */
export function todosFor(
  account: string,
  permission: PermissionLevel,
  rank: (p: PermissionLevel) => number,
): TodoItem[] {
  return allPublishedTodos()
    .filter((t) =>
      t.assignees.length > 0
        ? t.assignees.includes(account)
        : t.permission !== undefined && rank(permission) >= rank(t.permission),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}
