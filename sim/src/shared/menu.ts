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
  { key: 'admin', label: '账号与权限', href: 'admin.html', permission: '部门管理员' },
  { key: 'system', label: '系统管理', href: 'admin.html#/system', permission: '超级管理员' },
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

/**
 * The menu key matching a location (file name + hash), by the longest matching link; e.g.
 * `index.html#/docs/abc` selects 公文列表, `index.html#/docs/library` selects 公文库.
 */
export function selectMenuKey(menu: MenuLink[], file: string, hash: string): string | undefined {
  const currentPath = (hash.replace(/^#/, '').split('?')[0] || '/').replace(/^([^/])/, '/$1');
  let best: { key: string; score: number } | undefined;
  const visit = (links: MenuLink[]) => {
    for (const link of links) {
      if (link.children?.length) {
        visit(link.children);
        continue;
      }
      const target = splitHref(link.href);
      if (target.file !== (file || 'index.html')) continue;
      let score = -1;
      if (target.hashPath === null) score = currentPath === '/' ? 2 : 1;
      else if (target.hashPath === '/') score = currentPath === '/' ? 2 : 0;
      else if (currentPath === target.hashPath || currentPath.startsWith(`${target.hashPath}/`)) {
        score = target.hashPath.length + 2;
      }
      if (score > 0 && (!best || score > best.score)) best = { key: link.key, score };
    }
  };
  visit(menu);
  return best?.key;
}

/** The parent key of a selected leaf (to open its submenu). */
export function parentMenuKey(menu: MenuLink[], key: string): string | undefined {
  return menu.find((m) => m.children?.some((c) => c.key === key))?.key;
}
