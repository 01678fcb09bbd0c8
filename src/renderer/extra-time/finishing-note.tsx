/**
 * "Finishing…": the open question waits for players with extra time only. On the projector a tag
 * with how many it waits for; on a phone that is done (answered, or out of its own time) a line
 * saying why the answer has not come yet. Nothing about the answers is shown.
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

export function FinishingWait({ me }: { me: ClientView }) {
  const t = useT();
  if (!me.finishing) return null;
  return <p className="finishing-wait">{t('extraTime.phoneWaiting')}</p>;
}
