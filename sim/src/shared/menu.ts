/** The left menu of every React page. Items are real links: modules are separate pages. */
import type { PermissionLevel } from './users';

export interface MenuLink {
  key: string;
  label: string;
  /** Relative to the sim root, e.g. `index.html#/docs/new`, `service.html`. */
  href: string;
  /** Hidden from users below this level. */
  permission?: PermissionLevel;
  children?: MenuLink[];
}

export const SIM_MENU: MenuLink[] = [
  {
    key: 'workbench',
    label: '工作台',
    href: 'index.html#/',
    children: [
      { key: 'home', label: '首页', href: 'index.html#/' },
      { key: 'todo', label: '我的待办', href: 'index.html#/todo' },
      { key: 'messages', label: '消息中心', href: 'index.html#/messages' },
      { key: 'help', label: '帮助中心', href: 'index.html#/help' },
    ],
  },
  {
    key: 'docs',
    label: '公文管理',
    href: 'index.html#/docs',
    children: [
      { key: 'docs-new', label: '新建公文', href: 'index.html#/docs/new' },
      { key: 'docs-list', label: '公文列表', href: 'index.html#/docs' },
      { key: 'docs-library', label: '公文库', href: 'index.html#/docs/library' },
    ],
  },
  { key: 'service', label: '便民服务', href: 'service.html' },
  { key: 'report', label: '数据上报', href: 'report.html' },
  // 基层用户的高频业务（社保查询、疫情登记）, usable offline.
  { key: 'grassroots', label: '基层服务', href: 'grassroots.html' },
  // Everyone applies for permissions here (提交申请表 → 部门审核 → 系统配置 starts with a 普通用户).
  { key: 'admin', label: '账号与权限', href: 'admin.html' },
  // 部门管理员 may look at 系统管理 read-only; only the 超级管理员 changes anything there.
  { key: 'system', label: '系统管理', href: 'admin.html#/system', permission: '部门管理员' },
  { key: 'analytics', label: '报表与分析', href: 'analytics.html' },
  { key: 'oa', label: '档案管理(旧版)', href: 'oa.html' },
];

interface SplitHref {
  file: string;
  hashPath: string | null;
}

function splitHref(href: string): SplitHref {
  const [file = '', hash] = href.split('#', 2);
  return {
    file: file || 'index.html',
    hashPath: hash === undefined ? null : hash.split('?')[0] || '/',
  };
}

function hashPathOf(hash: string): string {
  return (hash.replace(/^#/, '').split('?')[0] || '/').replace(/^([^/])/, '/$1');
}

/**
 * How well a link points at the current location: < 0 no match, higher is more specific. A link
 * without a hash matches every route of its page (weakly), so longer hash paths win.
 */
function matchScore(href: string, file: string, currentPath: string): number {
  const target = splitHref(href);
  if (target.file !== (file || 'index.html')) return -1;
  if (target.hashPath === null) return currentPath === '/' ? 2 : 1;
  if (target.hashPath === '/') return currentPath === '/' ? 2 : 0;
  if (currentPath === target.hashPath || currentPath.startsWith(`${target.hashPath}/`)) {
    return target.hashPath.length + 2;
  }
  return -1;
}

/**
 * The menu key matching a location (file name + hash), by the longest matching link; e.g.
 * `index.html#/docs/abc` selects 公文列表, `index.html#/docs/library` selects 公文库.
 *
 * When no entry matches and the location is a submenu's own link (`service.html`,
 * `admin.html#/system`), the submenu's first entry is selected: a module lists the page it
 * shows on its own link first.
 */
export function selectMenuKey(menu: MenuLink[], file: string, hash: string): string | undefined {
  const currentPath = hashPathOf(hash);
  let best: { key: string; score: number } | undefined;
  const visit = (links: MenuLink[]) => {
    for (const link of links) {
      if (link.children?.length) {
        visit(link.children);
        continue;
      }
      const score = matchScore(link.href, file, currentPath);
      if (score > 0 && (!best || score > best.score)) best = { key: link.key, score };
    }
  };
  visit(menu);
  if (best) return best.key;
  const landing = menu.find((m) => {
    if (!m.children?.length) return false;
    const target = splitHref(m.href);
    return target.file === (file || 'index.html') && (target.hashPath ?? '/') === currentPath;
  });
  return landing?.children?.[0]?.key;
}

/** The parent key of a selected leaf (to open its submenu). */
export function parentMenuKey(menu: MenuLink[], key: string): string | undefined {
  return menu.find((m) => m.children?.some((c) => c.key === key))?.key;
}

/**
 * The submenu to open for a location: the parent of the selected entry or, on a route no entry
 * names (e.g. `admin.html#/system/other`), the submenu whose own link matches best.
 */
export function openMenuKey(menu: MenuLink[], file: string, hash: string): string | undefined {
  const selected = selectMenuKey(menu, file, hash);
  const parent = selected ? parentMenuKey(menu, selected) : undefined;
  if (parent || selected) return parent;
  const currentPath = hashPathOf(hash);
  let best: { key: string; score: number } | undefined;
  for (const link of menu) {
    if (!link.children?.length) continue;
    const score = matchScore(link.href, file, currentPath);
    if (score > 0 && (!best || score > best.score)) best = { key: link.key, score };
  }
  return best?.key;
}

/** The menu with a page's own submenu entries (`menuChildren`, by top-level key) in place. */
export function withMenuChildren(
  menu: MenuLink[],
  menuChildren: Record<string, MenuLink[]> | undefined,
): MenuLink[] {
  if (!menuChildren) return menu;
  return menu.map((link) => {
    const children = menuChildren[link.key];
    return children ? { ...link, children } : link;
  });
}
