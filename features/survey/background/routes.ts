import { MessageRefused, type RouteTable } from '../../../lib/messaging/router';
import type { SurveyMessages } from '../protocol';
import { SurveyRefused, type SurveyService } from './service';

/** The satisfaction survey's answer, from the overlay in a tab's top frame. */
export function createSurveyRoutes(surveys: SurveyService | undefined): RouteTable<SurveyMessages> {
  return {
    'content:surveyAnswer': {
      from: ['content'],
      async handle(data, sender) {
        if (sender.kind !== 'content' || sender.frameId !== 0)
          throw new MessageRefused('top frame only');
        if (!surveys) throw new MessageRefused('surveys are not available');
        try {
          await surveys.answer(data);
        } catch (error) {
          if (error instanceof SurveyRefused) throw new MessageRefused(error.message);
          throw error;
        }
        return { saved: true as const };
      },
    },
  };
}
