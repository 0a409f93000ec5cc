import { isTransportError } from '../messaging/transport-error';
import type { Language } from '../settings/preferences';
import { translate } from './messages';

/**
 * What a page shows for a failed call: the browser's own transport errors (the background not
 * answering yet: English, technical) become one sentence in the learner's language; a route's
 * refusal is already written for people and is shown as it is.
 */
export function describeError(language: Language, cause: unknown): string {
  if (isTransportError(cause)) return translate(language, 'backgroundUnavailable');
  return cause instanceof Error ? cause.message : String(cause);
}
