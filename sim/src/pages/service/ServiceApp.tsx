import type { Session } from '../../shared/session';
import { useHashRoute } from '../../shared/hash-route';
import { ApplyPage } from './ApplyPage';
import { ImportPage } from './ImportPage';
import { ListPage } from './ListPage';
import { ProgressPage } from './ProgressPage';
import { ReviewPage } from './ReviewPage';
import { SmsPage } from './SmsPage';
import '../../modules/service/sim-service';

/** 便民服务 (service.html): hash routes #/list, #/apply, #/import, #/review, #/progress, #/sms. */
export function ServiceApp({ session }: { session: Session }) {
  const route = useHashRoute();
  switch (route.segments[0]) {
    case 'apply':
      return <ApplyPage session={session} />;
    case 'import':
      return <ImportPage session={session} />;
    case 'review':
      return <ReviewPage session={session} />;
    case 'progress':
      // Keyed by the query so a link to another 受理编号 (same page, new hash) starts a new search.
      return (
        <ProgressPage key={route.query.get('q') ?? ''} initialQuery={route.query.get('q') ?? ''} />
      );
    case 'sms':
      return <SmsPage />;
    default:
      return <ListPage />;
  }
}
