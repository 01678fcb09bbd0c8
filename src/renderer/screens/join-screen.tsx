/**
 * Join: a nickname (and a PIN when the room has one), then in. On a phone the room is the host
 * that served the page; on the desktop the rooms found on the LAN are listed, updating live, and
 * any address can be typed in. Every refusal gets a message that says what to do.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { RoomListing } from '../../shared/api/quiz-api';
import { friendlyName, isFriendlyName } from '../../shared/friendly-names';
import { checkNickname } from '../../shared/nickname';
import { useApi, useDesktop } from '../api/api-context';
import { Brand } from '../components/brand';
import { Field } from '../components/field';
import { ScreenHeading } from '../components/screen-heading';
import { ScreenHeader } from '../components/screen-header';
import { LanguageSwitch } from '../components/language-switch';
import { Message, useLocale, useT, type MessageId } from '../i18n';
import { joinMessage, joinText, parseAddress, type JoinMessage } from './join-messages';
import { pinFromLink } from './join-link';
import { IdentityInput, identityRefusal, missingIdentity } from '../roster/identity-pick';
import './join-screen.css';

const RETRY_AFTER_MS = 5000;

const STATUS_TEXT = {
  NOT_STARTED: 'join.statusWaiting',
  STARTED: 'join.statusStarted',
  FINISHED: 'join.statusFinished',
} as const satisfies Record<RoomListing['status'], MessageId>;

/** The address format shown in examples (an address, not a text to translate). */
const ADDRESS_EXAMPLE = '192.168.1.20:7420';

interface JoinScreenProps {
  /** The room this app is connected to as a guest, or null while browsing (desktop). */
  game: ClientView | null;
  onBack?: () => void;
}

export function JoinScreen({ game, onBack }: JoinScreenProps) {
  const api = useApi();
  const t = useT();
  const { locale } = useLocale();
  // Browsing and joining by address are the desktop's; a phone has its room already.
  const desktop = useDesktop();
  const [nickname, setNickname] = useState('');
  // A phone that scanned the lobby's QR code has the PIN in its address.
  const [pin, setPin] = useState(() => (game ? (pinFromLink(window.location.href) ?? '') : ''));
  const [address, setAddress] = useState('');
  // Who the player is, where the room asks: a class-list name or the identifier asked for.
  const [identity, setIdentity] = useState('');
  const [local, setLocal] = useState<JoinMessage | null>(null);
  // The host's error at the moment of the last attempt: older errors are not shown again.
  const [seenError, setSeenError] = useState<ClientView['error']>(null);
  const [busy, setBusy] = useState(false);

  const hostError =
    game?.error &&
    game.error !== seenError &&
    (game.error.ref === 'join' || game.error.code === 'unknown_token' || game.error.code.startsWith('pass_'))
      ? game.error
      : null;
  const message =
    local ?? (hostError ? identityMessage(joinMessage(hostError.code, hostError.message, locale)) : null);
  const messageText = message ? joinText(message, t) : null;
  const pinNeeded = game ? !!game.room?.pinRequired : true;
  const waiting = busy && !message && game?.role === 'guest';
  const offline = !!game && game.connection !== 'open';
  // A room that takes only generated names: the field holds one, and the person may draw another.
  const generatedOnly = !!game?.settings.generatedNamesOnly;
  const [generated, setGenerated] = useState(() => friendlyName());
  const name = generatedOnly && !isFriendlyName(nickname) ? generated : nickname;

  // A join sent just as the connection dropped gets no answer: let the person try again.
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setBusy(false), RETRY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [waiting]);

  /** An identity refusal in the player's language, naming what was given (or asking for it). */
  function identityMessage(refusal: JoinMessage): JoinMessage {
    const text = game && hostError ? identityRefusal(hostError.code, game, identity, t) : null;
    return text ? { field: 'identity', text } : refusal;
  }

  function checkName(): string | null {
    const checked = checkNickname(name);
    if (!checked.ok) {
      setLocal({ field: 'nickname', text: checked.reason });
      document.getElementById('join-nickname')?.focus();
      return null;
    }
    return checked.name;
  }

  function sendJoin(name: string) {
    setSeenError(game?.error ?? null);
    setLocal(null);
    setBusy(true);
    const asked = game && game.settings.identity !== 'none' ? identity.trim() : undefined;
    api.join(name, pinNeeded && pin.trim() ? pin.trim() : undefined, asked);
  }

  function submitConnected(e: FormEvent) {
    e.preventDefault();
    const name = checkName();
    if (!name) return;
    const missing = game ? missingIdentity(game, identity, t) : null;
    if (missing) {
      setLocal({ field: 'identity', text: missing });
      document.getElementById('join-identity')?.focus();
      return;
    }
    sendJoin(name);
  }

  async function joinAt(addresses: string[], port: number, needsPin: boolean) {
    if (!desktop) return;
    const name = checkName();
    if (!name) return;
    if (needsPin && !pin.trim()) {
      setLocal(joinMessage('pin_required', '', locale));
      document.getElementById('join-pin')?.focus();
      return;
    }
    setLocal(null);
    setBusy(true);
    let result = await desktop.api.connect(addresses[0] ?? '', port);
    for (const other of addresses.slice(1)) {
      if (result.ok) break;
      result = await desktop.api.connect(other, port);
    }
    if (!result.ok) {
      setBusy(false);
      setLocal(joinMessage(result.code, result.message, locale));
      return;
    }
    setSeenError(null);
    api.join(name, pin.trim() ? pin.trim() : undefined);
  }

  function submitAddress(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAddress(address);
    if (!parsed) {
      setLocal({ field: 'form', id: 'join.addressBad', values: { example: ADDRESS_EXAMPLE }, text: '' });
      document.getElementById('join-address')?.focus();
      return;
    }
    void joinAt([parsed.address], parsed.port, false);
  }

  // When the host offered a free name like the one taken, that offer replaces "Suggest a name".
  const offered = !local && hostError?.code === 'name_taken' && !!hostError.suggestion;
  const nicknameField = (
    <>
      <Field
        id="join-nickname"
        label={game?.settings.teamMode === 'shared' ? t('teams.teamName') : t('join.nickname')}
        {...(generatedOnly ? { hint: t('join.generatedHint') } : {})}
        error={message?.field === 'nickname' ? messageText : null}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            autoComplete="nickname"
            autoCapitalize="words"
            enterKeyHint="go"
            maxLength={24}
            readOnly={generatedOnly}
            value={name}
            onChange={(e) => setNickname(e.target.value)}
          />
        )}
      </Field>
      {offered && !generatedOnly ? null : (
        <button
          type="button"
          className="btn btn--ghost btn--small join__suggest"
          onClick={() => {
            setLocal(null);
            const next = friendlyName();
            setGenerated(next);
            setNickname(next);
          }}
        >
          {generatedOnly ? t('join.anotherName') : t('join.suggestName')}
        </button>
      )}
    </>
  );
  const pinField = (
    <Field
      id="join-pin"
      label={t('join.pin')}
      hint={game ? t('join.pinHintPhone') : t('join.pinHintDesktop')}
      error={message?.field === 'pin' ? messageText : null}
    >
      {(props) => (
        <input
          {...props}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      )}
    </Field>
  );
  // The host's free name like the one refused: one tap joins with it (the host checks it again).
  const suggestion = !local && hostError?.code === 'name_taken' ? hostError.suggestion : undefined;
  const suggestionButton = suggestion ? (
    <button
      type="button"
      className="btn btn--secondary btn--small btn--block join__suggestion"
      disabled={waiting || offline}
      onClick={() => {
        setNickname(suggestion);
        sendJoin(suggestion);
      }}
    >
      {/* One span: the button lays out its children with a gap, which would space the quotes off. */}
      <span>
        <Message id="join.joinAs" values={{ name: <bdi>{suggestion}</bdi> }} />
      </span>
    </button>
  ) : null;
  const formError =
    message?.field === 'form' ? (
      <p className="form-error" role="alert">
        {messageText}
      </p>
    ) : null;
  // Field errors are also announced: the alert region speaks, the field keeps the text for later.
  const fieldAlert =
    message && message.field !== 'form' ? (
      <p className="visually-hidden" role="alert">
        {messageText}
      </p>
    ) : null;

  if (game) {
    const started = game.status !== 'NOT_STARTED' && !game.settings.lateJoin;
    return (
      <section className="screen join join--connected">
        <div className="join__intro">
          <Brand large />
          <p className="join__kicker">{t('join.invited')}</p>
          <ScreenHeading className="join__room">{game.room?.name ?? t('join.defaultRoom')}</ScreenHeading>
          <p className="join__meta">
            {game.quiz ? <span>{game.quiz.title}</span> : null}
            <span>
              {game.playerCount === 0 ? t('join.firstToJoin') : t('join.inRoom', { count: game.playerCount })}
            </span>
          </p>
        </div>
        <form className="card join__form" onSubmit={submitConnected} noValidate>
          {started && !message ? <p className="form-note">{t('join.inProgress')}</p> : null}
          {nicknameField}
          {suggestionButton}
          <IdentityInput
            game={game}
            value={identity}
            error={message?.field === 'identity' ? messageText : null}
            onChange={(next) => {
              setIdentity(next);
              if (message?.field === 'identity') setLocal(null);
            }}
          />
          {pinNeeded ? pinField : null}
          {formError}
          {fieldAlert}
          <button
            type="submit"
            className="btn btn--primary btn--large btn--block"
            disabled={waiting || offline}
          >
            {offline ? t('join.connecting') : waiting ? t('join.joining') : t('join.join')}
          </button>
          {desktop ? (
            <button type="button" className="btn btn--ghost btn--block" onClick={() => api.leave()}>
              {t('join.chooseAnother')}
            </button>
          ) : null}
        </form>
        <LanguageSwitch id="join-language" className="join__language" />
      </section>
    );
  }

  const rooms = desktop?.state.rooms ?? [];
  return (
    <section className="screen join join--browse">
      <ScreenHeader
        title={t('join.title')}
        {...(onBack ? { back: { label: t('join.back'), onClick: onBack } } : {})}
      />
      <div className="join__columns">
        <div className="card join__you">
          <h2>{t('join.you')}</h2>
          {nicknameField}
          {pinField}
          {formError}
          {fieldAlert}
        </div>
        <div className="card join__rooms">
          <div className="join__rooms-head">
            <h2>{t('join.roomsNearby')}</h2>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => desktop?.api.refreshRooms()}
            >
              {t('join.refresh')}
            </button>
          </div>
          <p className="visually-hidden" role="status">
            {t('join.roomsFound', { count: rooms.length })}
          </p>
          {rooms.length === 0 ? (
            <p className="join__empty">
              <span className="spinner" aria-hidden="true" /> {t('join.looking')}
            </p>
          ) : (
            <ul className="room-list">
              {rooms.map((room) => (
                <RoomItem
                  key={room.id}
                  room={room}
                  busy={busy}
                  onJoin={() => void joinAt(room.addresses, room.port, room.pinRequired)}
                />
              ))}
            </ul>
          )}
          <form className="join__address" onSubmit={submitAddress} noValidate>
            <Field id="join-address" label={t('join.byAddress')}>
              {(props) => (
                <input
                  {...props}
                  aria-describedby="join-address-hint"
                  type="text"
                  inputMode="url"
                  value={address}
                  onChange={(e) => setAddress(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="btn btn--secondary" disabled={busy}>
              {t('join.joinByAddress')}
            </button>
            <p id="join-address-hint" className="field__hint join__address-hint">
              {t('join.addressHint', { example: ADDRESS_EXAMPLE })}
            </p>
          </form>
        </div>
      </div>
    </section>
  );
}

function RoomItem({ room, busy, onJoin }: { room: RoomListing; busy: boolean; onJoin: () => void }) {
  const t = useT();
  const closed = room.status !== 'NOT_STARTED';
  return (
    <li className={`room${room.joinable ? '' : ' is-unverified'}`}>
      <div className="room__main">
        <span className="room__name">{room.name}</span>
        <span className="room__meta">{t('join.roomMeta', { host: room.host, count: room.players })}</span>
      </div>
      <div className="room__tags">
        <span className={`tag ${closed ? 'tag--muted' : 'tag--ok'}`}>{t(STATUS_TEXT[room.status])}</span>
        {room.pinRequired ? <span className="tag tag--pin">{t('join.pin')}</span> : null}
        {!room.joinable ? <span className="tag tag--muted">{t('join.checking')}</span> : null}
      </div>
      <button
        type="button"
        className="btn btn--primary"
        disabled={busy}
        onClick={onJoin}
        aria-label={t('join.joinRoom', { room: room.name })}
      >
        {t('join.join')}
      </button>
    </li>
  );
}
