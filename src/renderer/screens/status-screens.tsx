/**
 * Screens for the moments outside a game: connecting to the host, a session that has ended, and a
 * desktop window whose bridge to the app did not load.
 */
import { useApi } from '../api/api-context';
import { Brand } from '../components/brand';
import { ScreenHeading } from '../components/screen-heading';

export function ConnectingScreen() {
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading className="connecting-title">Connecting to the room…</ScreenHeading>
      <span className="spinner spinner--large" aria-hidden="true" />
      <p className="lead">Make sure you are on the same network as the host.</p>
    </section>
  );
}

export function ClosedScreen({ reason }: { reason: string }) {
  const api = useApi();
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading>You are no longer in the game</ScreenHeading>
      <p className="lead" role="alert">
        {reason}
      </p>
      <button type="button" className="btn btn--primary btn--large" onClick={() => api.leave()}>
        Join again
      </button>
    </section>
  );
}

/** While a screen's code loads (desktop-only screens load on first use). */
export function LoadingScreen() {
  return (
    <section className="screen screen--center" aria-busy="true">
      <span className="spinner spinner--large" role="status" aria-label="Loading" />
    </section>
  );
}

/** Shown without the API: there is none to reach. */
export function BridgeMissingScreen() {
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading>Quizroom could not start</ScreenHeading>
      <p className="lead" role="alert">
        The desktop bridge did not load, so this window cannot reach the rest of the app. Quit Quizroom and
        start it again; if this keeps happening, reinstall it.
      </p>
    </section>
  );
}
