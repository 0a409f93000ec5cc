import { useHashRoute } from '../../shared/hash-route';
import type { Session } from '../../shared/session';
import { FillPage } from './FillPage';
import { HistoryPage } from './HistoryPage';
import { ReviewPage } from './ReviewPage';
import '../../modules/report/sim-report';

/** 数据上报 (report.html): #/fill?type=&period=, #/review, #/history. */
export function ReportApp({ session }: { session: Session }) {
  const route = useHashRoute();
  switch (route.segments[0]) {
    case 'review':
      return <ReviewPage session={session} />;
    case 'history':
      return <HistoryPage session={session} />;
    default: {
      const type = route.query.get('type') ?? undefined;
      const period = route.query.get('period') ?? undefined;
      return (
        <FillPage
          key={`${type}-${period}`}
          session={session}
          initialType={type}
          initialPeriod={period}
        />
      );
    }
  }
}
