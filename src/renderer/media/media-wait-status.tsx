/**
 * On the host's screen while the next question waits for phones to load its pictures: how many
 * phones, whose, and when the question opens anyway (the host may also press Next to open it now).
 */
import type { MediaWait } from '../../shared/protocol';
import { useRemainingMs } from '../api/use-host-clock';
import { useT } from '../i18n';

/** Names shown at most; the rest are counted in the number. */
const NAMES_SHOWN = 6;

export function MediaWaitStatus({ wait, clockOffset }: { wait: MediaWait; clockOffset: number }) {
  const t = useT();
  const left = useRemainingMs(wait.until, clockOffset);
  const names = wait.loading.slice(0, NAMES_SHOWN).map((p) => p.name);
  const more = wait.loading.length - names.length;
  return (
    <p className="media-wait" role="status">
      <span className="media-wait__who">
        {t('mediaPlay.waitingFor', {
          count: wait.loading.length,
          names: more > 0 ? `${names.join(', ')} +${more}` : names.join(', '),
        })}
      </span>{' '}
      <span className="media-wait__when">
        {t('mediaPlay.opensAnyway', { seconds: Math.ceil(left / 1000) })}
      </span>
    </p>
  );
}
