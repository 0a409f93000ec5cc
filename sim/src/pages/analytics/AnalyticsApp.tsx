import { useHashRoute } from '../../shared/hash-route';
import type { Session } from '../../shared/session';
import { DashboardPage } from './DashboardPage';
import { DesignerPage } from './DesignerPage';
import { ReportsPage } from './ReportsPage';
import '../../modules/analytics/sim-analytics';

/** 报表与分析 (analytics.html): #/dashboard (default), #/designer?id=, #/reports. */
export function AnalyticsApp({ session }: { session: Session }) {
  const route = useHashRoute();
  switch (route.segments[0]) {
    case 'designer':
      return (
        <DesignerPage
          key={route.query.get('id') ?? ''}
          session={session}
          reportId={route.query.get('id') ?? undefined}
        />
      );
    case 'reports':
      return <ReportsPage />;
    default:
      return <DashboardPage session={session} region={route.query.get('region') ?? undefined} />;
  }
}
