import { describeError } from '../lib/i18n/describe-error';
import type { Language } from '../lib/settings/preferences';

/**
 * What an action on an extension page came to, under its form: the error as an alert (in the
 * user's words, see describeError) and the status line, which stays in the page (empty when there
 * is nothing to say) so that screen readers announce each new status politely.
 */
export function ActionOutcome({
  language,
  error,
  status,
  errorTestId,
  statusTestId,
}: {
  language: Language;
  error: string | null;
  status: string;
  errorTestId?: string;
  statusTestId?: string;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="zy-error" data-testid={errorTestId}>
          {describeError(language, error)}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="zy-muted" data-testid={statusTestId}>
        {status}
      </p>
    </>
  );
}
