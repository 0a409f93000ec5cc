import type { ReactNode } from 'react';
import { useMemo, useState, useSyncExternalStore } from 'react';
import {
  App,
  Badge,
  Button,
  Dropdown,
  Input,
  Layout,
  Menu,
  Result,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { MenuProps } from 'antd';
import {
  BellOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  QuestionCircleOutlined,
  ReloadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { formatDateTime } from './format';
import type { MenuLink } from './menu';
import { SIM_MENU, openMenuKey, selectMenuKey, withMenuChildren } from './menu';
import { unreadCount } from './messages';
import type { Session } from './session';
import { logout, switchUser } from './session';
import { resetDemoData } from './storage';
import { useSimData, useSimNow } from './use-sim-data';
import type { PermissionLevel, SimUser } from './users';
import { hasPermission, listUsers, permissionRank } from './users';
import { todosFor } from './worklist';

export const PLATFORM_NAME = 'XX市数字政府统一协同平台';

export interface SimShellProps {
  session: Session;
  children: ReactNode;
  /** Users below this level see a 403 result instead of the page. */
  requiredPermission?: PermissionLevel;
  /**
   * The submenu entries of a module, keyed by its menu key (e.g. `admin`); they replace that
   * key's children in `SIM_MENU`. List first the page the module shows on its own link (no
   * hash): it is the entry selected there. `permission` hides an entry from lower levels.
   */
  menuChildren?: Record<string, MenuLink[]>;
}

const DEFAULT_OPEN = ['workbench', 'docs'];

function currentFile(): string {
  return window.location.pathname.split('/').pop() || 'index.html';
}

/** The menu this user may see, with the page's own submenu entries in place. */
function visibleMenu(
  user: SimUser,
  menuChildren: Record<string, MenuLink[]> | undefined,
): MenuLink[] {
  const allowed = (link: MenuLink) => !link.permission || hasPermission(user, link.permission);
  return withMenuChildren(SIM_MENU, menuChildren)
    .filter(allowed)
    .map((link) => (link.children ? { ...link, children: link.children.filter(allowed) } : link));
}

function menuItems(menu: MenuLink[]): MenuProps['items'] {
  return menu.map((link) => {
    if (link.children?.length) {
      return {
        key: link.key,
        label: link.label,
        children: link.children.map((c) => ({
          key: c.key,
          label: <a href={c.href}>{c.label}</a>,
        })),
      };
    }
    return { key: link.key, label: <a href={link.href}>{link.label}</a> };
  });
}

/** 403-style result for pages beyond the user's permission level. */
export function NoPermission({ required }: { required: PermissionLevel }) {
  return (
    <Result
      status="403"
      title="无权限访问"
      subTitle={`当前账号权限不足：此页面需要“${required}”及以上权限。如需开通，请按“提交申请表-部门审核-系统配置”流程申请。`}
      extra={
        <Button type="primary" href="index.html#/">
          返回首页
        </Button>
      }
    />
  );
}

/** Renders children only for users with at least `level`; others get {@link NoPermission}. */
export function PermissionGate({
  user,
  level,
  children,
}: {
  user: SimUser;
  level: PermissionLevel;
  children: ReactNode;
}) {
  return hasPermission(user, level) ? children : <NoPermission required={level} />;
}

function DemoBar({ session }: { session: Session }) {
  const { modal, message } = App.useApp();
  const now = useSimNow();
  const users = useSimData(listUsers);
  const confirmReset = () => {
    modal.confirm({
      title: '重置演示数据',
      content:
        '将清除本浏览器中模拟环境的全部数据（公文、办件、报表、消息、锁定状态、模拟时钟等）并恢复初始测试数据。是否继续？',
      okText: '确认重置',
      cancelText: '取消',
      onOk: () => {
        resetDemoData({ keepSession: true });
        message.success('演示数据已重置');
        window.location.reload();
      },
    });
  };
  return (
    <div className="sim-demobar" data-testid="sim-demobar">
      <Space size={16} wrap>
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          模拟环境 · 测试数据
        </Tag>
        <Typography.Text type="secondary">数据仅保存在本浏览器，不影响真实业务</Typography.Text>
        <Typography.Text type="secondary">系统时间：{formatDateTime(now)}</Typography.Text>
      </Space>
      <Space size={12}>
        <label htmlFor="sim-role-switcher" className="sim-demobar-label">
          演示身份切换
        </label>
        <Select
          id="sim-role-switcher"
          aria-label="演示身份切换"
          size="small"
          style={{ width: 220 }}
          value={session.account}
          onChange={(account: string) => switchUser(account)}
          options={users
            .filter((u) => u.enabled)
            .map((u) => ({ value: u.account, label: `${u.name}（${u.title}）` }))}
        />
        <Button size="small" icon={<ReloadOutlined />} onClick={confirmReset}>
          重置演示数据
        </Button>
      </Space>
    </div>
  );
}

function HeaderBar({ session }: { session: Session }) {
  const { user } = session;
  const [query, setQuery] = useState('');
  const todoCount = useSimData(
    () => todosFor(user.account, user.permission, permissionRank).length,
  );
  const unread = useSimData(() => unreadCount(user.account));
  const userMenu: MenuProps = {
    items: [
      {
        key: 'password',
        icon: <KeyOutlined />,
        label: <a href="index.html#/settings/password">修改密码</a>,
      },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => logout() },
    ],
  };
  return (
    <Layout.Header className="sim-header">
      <a className="sim-brand" href="index.html#/">
        <span className="sim-emblem" aria-hidden="true">
          政
        </span>
        <span className="sim-brand-name">{PLATFORM_NAME}</span>
        <span className="sim-env-badge">模拟环境 · 测试数据</span>
      </a>
      <nav className="sim-topnav" aria-label="顶部导航">
        <a href="index.html#/">首页</a>
        <a href="index.html#/todo">
          我的待办
          <Badge count={todoCount} size="small" offset={[4, -2]} />
        </a>
        <a href="index.html#/messages">
          消息中心
          <Badge count={unread} size="small" offset={[4, -2]} />
        </a>
      </nav>
      <div className="sim-header-right">
        <Input.Search
          className="sim-search"
          aria-label="全局搜索"
          placeholder="搜索公文、办件、帮助"
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={(value) => {
            const q = value.trim();
            if (q) window.location.href = `index.html#/search?q=${encodeURIComponent(q)}`;
          }}
        />
        <Tooltip title="帮助中心">
          <a className="sim-header-link" href="index.html#/help">
            <QuestionCircleOutlined /> 帮助中心
          </a>
        </Tooltip>
        <a className="sim-header-link" href="index.html#/messages" aria-label="消息">
          <Badge dot={unread > 0}>
            <BellOutlined style={{ color: '#fff', fontSize: 16 }} />
          </Badge>
        </a>
        <Dropdown menu={userMenu} trigger={['click']}>
          <Button type="text" className="sim-user-button" aria-label="用户菜单">
            <UserOutlined /> {user.name}
            <span className="sim-user-title">{user.title}</span>
            <DownOutlined />
          </Button>
        </Dropdown>
      </div>
    </Layout.Header>
  );
}

/** The frame of every React page: header, demo bar, left menu, content, footer. */
export function SimShell({ session, children, requiredPermission, menuChildren }: SimShellProps) {
  const hash = useSimHash();
  const menu = useMemo(() => visibleMenu(session.user, menuChildren), [session.user, menuChildren]);
  const items = useMemo(() => menuItems(menu), [menu]);
  const file = currentFile();
  const selected = selectMenuKey(menu, file, hash);
  const current = openMenuKey(menu, file, hash);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    current && !DEFAULT_OPEN.includes(current) ? [...DEFAULT_OPEN, current] : DEFAULT_OPEN,
  );
  // Open the current module's submenu whenever the route moves (links, SPA hash changes), but
  // leave the user free to close it while they stay on the page.
  const routeKey = `${current ?? ''}|${selected ?? ''}`;
  const [openedFor, setOpenedFor] = useState(routeKey);
  if (openedFor !== routeKey) {
    setOpenedFor(routeKey);
    if (current && !openKeys.includes(current)) setOpenKeys([...openKeys, current]);
  }
  const allowed = !requiredPermission || hasPermission(session.user, requiredPermission);
  return (
    <Layout className="sim-layout">
      <HeaderBar session={session} />
      <DemoBar session={session} />
      <Layout>
        <Layout.Sider width={208} theme="light" className="sim-sider">
          <nav aria-label="功能菜单">
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              openKeys={openKeys}
              onOpenChange={(keys) => setOpenKeys(keys)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="sim-content">
          {allowed ? children : <NoPermission required={requiredPermission} />}
          <footer className="sim-footer">
            主办单位：XX市人民政府办公室 · 技术支持：XX市大数据中心 ·
            本系统为培训模拟环境，数据均为测试数据
          </footer>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function subscribeHash(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function useSimHash(): string {
  return useSyncExternalStore(subscribeHash, () => window.location.hash);
}
