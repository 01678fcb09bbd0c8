/** The banner shown while the connection to the host is down; the client reconnects by itself. */
import './reconnecting-banner.css';

export function ReconnectingBanner({ visible }: { visible: boolean }) {
  // The live region stays in the page so that its text appearing is announced.
  return (
    <div className="reconnecting" role="status" aria-live="polite">
      {visible ? (
        <div className="reconnecting__bar">
          <span className="spinner" aria-hidden="true" />
          <strong>Reconnecting…</strong>
          <span className="reconnecting__hint">The connection to the host dropped. Your place is kept.</span>
        </div>
      ) : null}
    </div>
  );
}
