/**
 * oa.html: the legacy 档案管理 module in the style of layui/RuoYi admin shells (dark header, dark
 * left menu, a tab bar, each tab an <iframe> of legacy/*.html). Deliberately no React: this is the
 * "older system" a tour engine must reach through frames.
 */
import { getSession, logout, requireSession } from '../../shared/session';
import './oa.css';

interface LegacyMenuItem {
  id: string;
  title: string;
  src: string;
  group: string;
  closable: boolean;
}

const MENU: LegacyMenuItem[] = [
  { id: 'home', title: '系统首页', src: 'legacy/home.html', group: '', closable: false },
  {
    id: 'notices',
    title: '通知公告',
    src: 'legacy/notices.html',
    group: '信息发布',
    closable: true,
  },
  {
    id: 'borrow',
    title: '档案借阅登记',
    src: 'legacy/borrow.html',
    group: '档案利用',
    closable: true,
  },
];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(): void {
  const session = requireSession();
  if (!session) return;
  const app = document.getElementById('oa-app');
  if (!app) return;

  const header = el('div', { class: 'oa-header' });
  const logo = el('div', { class: 'oa-logo' }, '档案管理系统 V2.3');
  const oldTag = el('span', { class: 'oa-old-tag' }, '旧版');
  logo.append(oldTag);
  const right = el('div', { class: 'oa-header-right' });
  right.append(
    el('span', {}, `当前用户：${session.user.name}（${session.user.department}）`),
    el('span', { class: 'oa-sep' }, '|'),
    el('span', { class: 'oa-env' }, '模拟环境 · 测试数据'),
    el('span', { class: 'oa-sep' }, '|'),
  );
  const back = el('a', { href: 'index.html#/' }, '返回新版工作台');
  const exit = el('a', { href: '#' }, '退出');
  exit.addEventListener('click', (e) => {
    e.preventDefault();
    logout();
  });
  right.append(back, el('span', { class: 'oa-sep' }, '|'), exit);
  header.append(logo, right);

  const side = el('div', { class: 'oa-side' });
  const menu = el('ul', { class: 'oa-nav', role: 'menu' });
  let lastGroup = '';
  for (const item of MENU) {
    if (item.group && item.group !== lastGroup) {
      menu.append(el('li', { class: 'oa-nav-group' }, item.group));
      lastGroup = item.group;
    }
    const li = el('li', { class: 'oa-nav-item' });
    const a = el('a', { href: `#${item.id}`, 'data-tab': item.id, role: 'menuitem' }, item.title);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      openTab(item);
    });
    li.append(a);
    menu.append(li);
  }
  side.append(menu);

  const body = el('div', { class: 'oa-body' });
  const tabBar = el('div', { class: 'oa-tabs', role: 'tablist' });
  const frames = el('div', { class: 'oa-frames' });
  body.append(tabBar, frames);
  app.append(header, side, body);

  const open = new Map<string, { tab: HTMLElement; frame: HTMLIFrameElement }>();

  function activate(id: string): void {
    for (const [key, { tab, frame }] of open) {
      const active = key === id;
      tab.classList.toggle('oa-tab-this', active);
      tab.setAttribute('aria-selected', String(active));
      frame.style.display = active ? 'block' : 'none';
    }
    for (const link of menu.querySelectorAll<HTMLAnchorElement>('a[data-tab]')) {
      link.parentElement?.classList.toggle('oa-nav-this', link.dataset.tab === id);
    }
    history.replaceState(null, '', `#${id}`);
  }

  function closeTab(id: string): void {
    const entry = open.get(id);
    if (!entry) return;
    entry.tab.remove();
    entry.frame.remove();
    open.delete(id);
    activate('home');
  }

  function openTab(item: LegacyMenuItem): void {
    if (!open.has(item.id)) {
      const tab = el('div', { class: 'oa-tab', role: 'tab', 'data-tab': item.id });
      tab.append(el('span', {}, item.title));
      if (item.closable) {
        const close = el(
          'i',
          { class: 'oa-tab-close', title: '关闭', 'aria-label': `关闭${item.title}` },
          '×',
        );
        close.addEventListener('click', (e) => {
          e.stopPropagation();
          closeTab(item.id);
        });
        tab.append(close);
      }
      tab.addEventListener('click', () => activate(item.id));
      tabBar.append(tab);
      const frame = el('iframe', { src: item.src, title: item.title, name: `oa-frame-${item.id}` });
      frames.append(frame);
      open.set(item.id, { tab, frame });
    }
    activate(item.id);
  }

  const initial = MENU.find((m) => `#${m.id}` === window.location.hash);
  const home = MENU[0];
  if (home) openTab(home);
  if (initial) openTab(initial);

  // Logging out in another tab must not leave this legacy shell usable.
  window.addEventListener('storage', () => {
    if (!getSession()) requireSession();
  });
}

render();
