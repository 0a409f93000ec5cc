import type { ZhiyinDatabase } from '../../../app/database';
import type { RouteTable } from '../../../lib/messaging/router';
import { topVisitedPages } from '../data';
import type { DashboardMessages } from '../protocol';

export type DashboardDatabase = Pick<
  ZhiyinDatabase,
  | 'profile'
  | 'tourProgress'
  | 'tourEvents'
  | 'assessments'
  | 'quizResults'
  | 'surveyAnswers'
  | 'activity'
  | 'tipAcknowledgements'
>;

/** The dashboard's reads of the learner's own records (extension pages only). */
export function createDashboardRoutes(db: DashboardDatabase): RouteTable<DashboardMessages> {
  return {
    'page:dashboardData': {
      from: ['extension-page'],
      handle: async () => {
        // One getAll per table (no cursors): IndexedDB answers each in one round trip.
        const [profile, progress, finished, abandoned, assessments, quizzes, surveys] =
          await Promise.all([
            db.profile.get('me'),
            db.tourProgress.toArray(),
            // Only a run's end carries its duration: no need to read every step event.
            db.tourEvents.where('kind').equals('finished').toArray(),
            db.tourEvents.where('kind').equals('abandoned').toArray(),
            db.assessments.toArray(),
            db.quizResults.toArray(),
            db.surveyAnswers.toArray(),
          ]);
        return {
          profile: profile ?? null,
          progress,
          runEvents: [...finished, ...abandoned].map(({ tourId, kind, ms }) => ({
            tourId,
            kind,
            ms,
          })),
          assessments,
          quizzes,
          surveys,
        };
      },
    },
    'page:dashboardActivity': {
      from: ['extension-page'],
      handle: async ({ limit }) => {
        const rows = Math.max(0, Math.min(Math.floor(limit), 1000));
        const [activity, acknowledgements, visits] = await Promise.all([
          db.activity.orderBy('at').reverse().limit(rows).toArray(),
          db.tipAcknowledgements.orderBy('at').reverse().limit(rows).toArray(),
          db.activity.where('type').equals('page-visited').toArray(),
        ]);
        return { activity, acknowledgements, topPages: topVisitedPages(visits, 10) };
      },
    },
  };
}
