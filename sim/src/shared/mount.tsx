import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import './clock';
import type { MenuLink } from './menu';
import type { Session } from './session';
import { requireSession } from './session';
import { SimShell } from './SimShell';
import type { PermissionLevel } from './users';
import './sim.css';

dayjs.locale('zh-cn');

/** The sim's look: government blue, square-ish corners, Chinese system fonts first. */
export const SIM_THEME = {
  token: {
    colorPrimary: '#1558a8',
    colorInfo: '#1558a8',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
} as const;

export interface MountOptions {
  /** Users below this level see 无权限访问 instead of the page. */
  requiredPermission?: PermissionLevel;
  /** The submenu entries of a module, keyed by its menu key (see `SimShellProps.menuChildren`). */
  menuChildren?: Record<string, MenuLink[]>;
  /** Render without SimShell and without a session check (the login page). */
  bare?: boolean;
  /** Element to render into; defaults to `#root`. */
  container?: HTMLElement;
}

/** Wraps a node in the sim's ConfigProvider (zh_CN) and antd App (message/modal/notification). */
export function SimProviders({ children }: { children: ReactNode }) {
  return (
    // Two-character button labels stay "登录", not "登 录": people and tours search by the text.
    <ConfigProvider locale={zhCN} theme={SIM_THEME} button={{ autoInsertSpace: false }}>
      <App>{children}</App>
    </ConfigProvider>
  );
}

/**
 * Mounts a page. Unless `bare`, requires a session (redirecting to login otherwise) and wraps
 * the page in {@link SimShell}. `element` may be a function of the session.
 */
export function mountPage(
  element: ReactNode | ((session: Session) => ReactNode),
  options: MountOptions = {},
): void {
  const container = options.container ?? document.getElementById('root');
  if (!container) throw new Error('mountPage: no #root element');
  const root = createRoot(container);
  if (options.bare) {
    const node = typeof element === 'function' ? null : element;
    root.render(
      <StrictMode>
        <SimProviders>{node}</SimProviders>
      </StrictMode>,
    );
    return;
  }
  const session = requireSession();
  if (!session) return;
  const node = typeof element === 'function' ? element(session) : element;
  root.render(
    <StrictMode>
      <SimProviders>
        <SimShell
          session={session}
          requiredPermission={options.requiredPermission}
          menuChildren={options.menuChildren}
        >
          {node}
        </SimShell>
      </SimProviders>
    </StrictMode>,
  );
}
