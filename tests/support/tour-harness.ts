import { ZhiyinDatabase } from '../../app/database';
import { TourRecorder } from '../../features/tour/background/recorder';
import {
  TourSessions,
  createSessionStore,
  type TourSessionsOptions,
} from '../../features/tour/background/sessions';
import { TourController, type TourControllerDeps } from '../../features/tour/content/controller';
import type { TourView } from '../../features/tour/content/view';
import type { Tour } from '../../features/tour/schema';

/**
 * A page's tour controller against the real background (`TourSessions` on a fresh database) for
 * one tab: what the card drew (`renders`) and how runs ended (`ended`).
 */
export function tourWithBackground(
  tours: Tour[],
  tab: number,
  options: {
    sessions?: Partial<TourSessionsOptions>;
    /** Extra controller dependencies (given the background, e.g. to ask it for texts). */
    controller?: (sessions: TourSessions) => Partial<TourControllerDeps>;
  } = {},
) {
  const db = new ZhiyinDatabase(`tour-harness-${Math.random()}`);
  const sessions = new TourSessions({
    tours,
    db,
    store: createSessionStore(null),
    recorder: new TourRecorder(db),
    now: () => Date.now(),
    language: async () => 'zh_CN',
    role: async () => null,
    ...options.sessions,
  });
  const renders: (TourView | null)[] = [];
  const ended: string[] = [];
  const controller = new TourController({
    document,
    lookup: { layout: false },
    send: (event) => sessions.event(tab, event),
    render: (view) => renders.push(view),
    report: async () => ({ scrubSummary: null }),
    finished: ({ status }) => ended.push(status),
    ...options.controller?.(sessions),
  });
  return { db, sessions, controller, renders, ended };
}
