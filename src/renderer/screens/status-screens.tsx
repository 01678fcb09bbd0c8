/**
 * Screens for the moments outside a game: connecting to the host, a session that has ended, and a
 * desktop window whose bridge to the app did not load.
 */
import { useApi } from '../api/api-context';
import { Brand } from '../components/brand';
import { ScreenHeading } from '../components/screen-heading';
import { useT, type MessageId } from '../i18n';

/**
 * The client's reasons for a session that ended (shared/client/quiz-client.ts), by their English
 * words; a reason not listed (the host's own words) is shown as it came.
 */
const CLOSED_REASONS: Record<string, MessageId> = {
  'This app and the host speak different protocol versions.': 'room.closedProtocol',
  'The host removed you from the game.': 'room.closedKicked',
  'This game continued in another window or tab.': 'room.closedReplaced',
  'The host disconnected this app for sending too many messages.': 'room.closedFlood',
  'The host closed the room.': 'room.closedByHost',
  'The host took back the controls.': 'remote.revoked',
  'The host does not know these controls any more; ask for a new code.': 'remote.unknownRemote',
};

export function ConnectingScreen() {
  const t = useT();
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading className="connecting-title">{t('room.connectingTitle')}</ScreenHeading>
      <span className="spinner spinner--large" aria-hidden="true" />
      <p className="lead">{t('room.connectingLead')}</p>
    </section>
  );
}

export function ClosedScreen({ reason }: { reason: string }) {
  const api = useApi();
  const t = useT();
  const known = CLOSED_REASONS[reason];
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading>{t('room.closedTitle')}</ScreenHeading>
      <p className="lead" role="alert">
        {known ? t(known) : reason}
      </p>
      <button type="button" className="btn btn--primary btn--large" onClick={() => api.leave()}>
        {t('room.joinAgain')}
      </button>
    </section>
  );
}

/** While a screen's code loads (desktop-only screens load on first use). */
export function LoadingScreen() {
  const t = useT();
  return (
    <section className="screen screen--center" aria-busy="true">
      <span className="spinner spinner--large" role="status" aria-label={t('room.loading')} />
    </section>
  );
}

/** Shown without the API: there is none to reach. */
export function BridgeMissingScreen() {
  const t = useT();
  return (
    <section className="screen screen--center">
      <Brand large />
      <ScreenHeading>{t('room.bridgeTitle')}</ScreenHeading>
      <p className="lead" role="alert">
        {t('room.bridgeLead')}
      </p>
    </section>
  );
}
