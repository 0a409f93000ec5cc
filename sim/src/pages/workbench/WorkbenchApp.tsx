import type { Session } from '../../shared/session';
import { useHashRoute } from '../../shared/hash-route';
import { DocsRoutes } from '../../modules/docs/routes';
import { HelpCenter } from './HelpCenter';
import { HomePage } from './HomePage';
import { MessagesPage } from './MessagesPage';
import { PasswordPage } from './PasswordPage';
import { SearchPage } from './SearchPage';
import { TodoPage } from './TodoPage';
import './workbench.css';

/**
 * index.html: the workbench SPA. Hash routes: `#/` 首页, `#/todo`, `#/messages`, `#/help`,
 * `#/search?q=`, `#/settings/password`, `#/docs…` (公文管理).
 */
export function WorkbenchApp({ session }: { session: Session }) {
  const route = useHashRoute();
  switch (route.segments[0]) {
    case 'todo':
      return <TodoPage session={session} />;
    case 'messages':
      return <MessagesPage session={session} />;
    case 'help':
      return <HelpCenter />;
    case 'search':
      return <SearchPage />;
    case 'settings':
      return <PasswordPage session={session} />;
    case 'docs':
      return <DocsRoutes session={session} route={route} />;
    default:
      return <HomePage session={session} />;
  }
}
