import type { TourChannel } from '../../../app/overlay/api';
import { sendMessage } from '../../../app/protocol';
import { DEADLINES, withDeadline } from '../../../lib/platform/deadline';

/**
 * How the tour in this frame talks to the background: events, resume answers and problem
 * reports go as messages; field guards are shown by the rules in this page (`showGuard`).
 */
export function createTourChannel(
  topFrame: boolean,
  showGuard: TourChannel['showGuard'],
): TourChannel {
  return {
    // A worker that never answers must not hold every later answer behind this one (the
    // controller applies answers in order): give up, and the next event or hello resyncs.
    send: (event) =>
      withDeadline(sendMessage('content:tourEvent', event), DEADLINES.message, 'tour event'),
    tourText: (run, language) =>
      withDeadline(
        sendMessage('content:tourText', { run, language }),
        DEADLINES.message,
        'tour texts',
      ),
    resume: (tourId, mode) =>
      sendMessage('content:resumeTour', { tourId, mode, url: location.href }),
    report: (description) =>
      sendMessage('content:submitReport', {
        category: 'other',
        description,
        url: location.href,
        title: document.title,
        topFrame,
      }),
    showGuard,
  };
}
