/**
 * The connection banner: while the host is unreachable, that the game is paused (countdowns stand
 * still, see use-host-clock.ts) and that the client reconnects by itself with the player's place
 * kept; on the host's dashboard, a notice from the server (a burst of wrong PINs).
 */
import type { HostNotice } from '../../shared/protocol';
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
  // The live region stays in the page so that its text appearing is announced.
  return (
    <div className="reconnecting" role="status" aria-live="polite">
      {visible ? (
        <div className="reconnecting__bar">
          <span className="spinner" aria-hidden="true" />
          <strong>{paused ? 'Game paused: the host is unreachable.' : 'Reconnecting…'}</strong>
          <span className="reconnecting__hint">
            {paused
              ? 'The timer is stopped. Reconnecting… your place is kept.'
              : 'The connection to the host dropped. Your place is kept.'}
          </span>
        </div>
      ) : notice ? (
        <div className="reconnecting__bar reconnecting__bar--notice">
          <strong>{notice.count} wrong PINs</strong>
          <span className="reconnecting__hint">
            in the last {Math.round(notice.windowMs / 1000)} s from {notice.addresses}{' '}
            {notice.addresses === 1 ? 'device' : 'devices'}: someone may be guessing the PIN. Each device
            waits longer after every wrong try.
          </span>
        </div>
      ) : null}
    </div>
  );
}
