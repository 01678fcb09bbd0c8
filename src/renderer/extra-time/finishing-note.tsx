/**
 * "Finishing…": the open question waits for players with extra time only. On the projector a tag
 * with how many it waits for; on a phone that is done (answered, or out of its own time) the
 * line that says why the answer has not come yet. Nothing about the answers is shown.
 */
import type { ClientView } from '../../shared/client/client-view';
import { useT } from '../i18n';
import './extra-time.css';

export function FinishingTag({ game }: { game: ClientView }) {
  const t = useT();
  if (!game.finishing) return null;
  return (
    <span className="tag tag--finishing" role="status">
      {t('extraTime.finishing')}{' '}
      <span className="tag--finishing__count">
        {t('extraTime.finishingWaiting', { count: game.finishing.waiting })}
      </span>
    </span>
  );
}

/**
 * On a phone that is done while the question finishes for others: what to say instead of
 * "Waiting for the others…" (answered) or "Time is up!" (out of time); null when not finishing.
 */
export function useFinishingWait(me: ClientView | null): { answered: string; timeUp: string } | null {
  const t = useT();
  if (!me?.finishing) return null;
  return { answered: t('extraTime.phoneWaiting'), timeUp: t('extraTime.phoneTimeUp') };
}
