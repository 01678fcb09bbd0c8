/**
 * The connection banner: while the host is unreachable, that the game is paused (countdowns stand
 * still, see use-host-clock.ts) and that the client reconnects by itself with the player's place
 * kept; on the host's dashboard, a notice from the server (a burst of wrong PINs).
 */
import type { HostNotice } from '../../shared/protocol';
import { useT } from '../i18n';
import './reconnecting-banner.css';

export function ReconnectingBanner({
  visible,
  paused = false,
  notice = null,
}: {
  visible: boolean;
  /** A countdown was running when the host became unreachable. */
  paused?: boolean;
  notice?: HostNotice | null;
}) {
  const t = useT();
  // The live region stays in the page so that its text appearing is announced.
  return (
    <div className="reconnecting" role="status" aria-live="polite">
      {visible ? (
        <div className="reconnecting__bar">
          <span className="spinner" aria-hidden="true" />
          <strong>{paused ? t('room.pausedTitle') : t('room.reconnecting')}</strong>
          <span className="reconnecting__hint">{paused ? t('room.pausedHint') : t('room.droppedHint')}</span>
        </div>
      ) : notice ? (
        <div className="reconnecting__bar reconnecting__bar--notice">
          <strong>{t('room.wrongPins', { count: notice.count })}</strong>
          <span className="reconnecting__hint">
            {t('room.wrongPinsHint', {
              seconds: Math.round(notice.windowMs / 1000),
              devices: notice.addresses,
            })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
