/**
 * A library or report error as an intent's failure, for the desktop's services: the error's own
 * code when it has one, `code` otherwise; the message is always the error's (it says what and where).
 */
import { failure, type Failure } from '../../shared/api/intent-results';
import { QuizError } from '../../shared/quiz/load-quiz';
import { LibraryError } from '../library/quiz-library';
import { ReportError } from '../reports/report-store';

export function failureOf(e: unknown, code: string): Failure {
  if (e instanceof LibraryError || e instanceof ReportError) return failure(e.code, e.message);
  if (e instanceof QuizError) return failure(code, e.message);
  return failure(code, e instanceof Error ? e.message : String(e));
}
