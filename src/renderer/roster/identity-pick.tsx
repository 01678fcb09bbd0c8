/**
 * Who a player is, asked on the join form: in a room with a class list, a search box over the
 * list's names (names picked on another device greyed out), tapped or chosen with the keyboard;
 * in a room that asks for an identifier, one text field named by the host.
 */
import { useId, useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { Field } from '../components/field';
import { matchingNames } from '../components/search-key';
import type { ErrorCode } from '../../shared/protocol';
import { Message, bold, useT, type MessageId, type Translate } from '../i18n';
import { identityLabel } from './identity-label';
import './identity-pick.css';

/**
 * Names shown at once, so that the join form fits a small phone; typing narrows the rest down (a
 * class list has up to 1,000). A longer list shows no name before the first letters are typed.
 */
const SHOWN = 5;

export function RosterPick({
  names,
  taken,
  value,
  error,
  onChange,
}: {
  /** The class list's names, as the host sends them (no ids). */
  names: readonly string[];
  /** Names already picked on other devices. */
  taken: readonly string[];
  value: string;
  error: string | null;
  onChange: (name: string) => void;
}) {
  const t = useT();
  const listId = useId();
  const [query, setQuery] = useState('');
  const takenSet = new Set(taken);
  const found = matchingNames(names, query, (n) => n);
  const waitForLetters = !query.trim() && names.length > SHOWN;
  const shown = waitForLetters ? [] : found.slice(0, SHOWN);
  return (
    <div className={`roster-pick${error ? ' has-error' : ''}`}>
      <Field id="join-identity" label={t('roster.pickLabel')} hint={t('roster.pickHint')} error={error}>
        {(props) => (
          <input
            {...props}
            type="search"
            autoComplete="off"
            autoCapitalize="words"
            enterKeyHint="search"
            maxLength={60}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </Field>
      {value ? (
        <p className="roster-pick__chosen" role="status">
          <Message id="roster.chosen" values={{ name: <bdi>{value}</bdi>, b: bold }} />
        </p>
      ) : null}
      {found.length === 0 ? (
        <p className="roster-pick__none" role="status">
          {t('roster.noMatch', { text: query.trim() })}
        </p>
      ) : (
        <fieldset className="roster-pick__list" aria-describedby={`${listId}-more`}>
          <legend className="visually-hidden">{t('roster.pickList')}</legend>
          {shown.map((name) => {
            const isTaken = takenSet.has(name) && name !== value;
            return (
              <label key={name} className={`roster-pick__name${name === value ? ' is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="identity"
                  value={name}
                  checked={name === value}
                  disabled={isTaken}
                  onChange={() => onChange(name)}
                />
                <bdi>{name}</bdi>
                {isTaken ? <span className="tag tag--muted">{t('roster.taken')}</span> : null}
              </label>
            );
          })}
          <p id={`${listId}-more`} className="roster-pick__more">
            {waitForLetters
              ? t('roster.typeToFind', { count: names.length })
              : found.length > shown.length
                ? t('roster.more', { count: found.length - shown.length })
                : null}
          </p>
        </fieldset>
      )}
    </div>
  );
}

export function IdentityField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
}) {
  return (
    <Field id="join-identity" label={label} error={error}>
      {(props) => (
        <input
          {...props}
          type="text"
          autoComplete="off"
          maxLength={40}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The room's way of asking who a player is (none when it does not ask). */
export function IdentityInput({
  game,
  value,
  error,
  onChange,
}: {
  game: ClientView;
  value: string;
  error: string | null;
  onChange: (identity: string) => void;
}) {
  const t = useT();
  if (game.settings.identity === 'roster')
    return (
      <RosterPick
        names={game.rosterNames}
        taken={game.claimedNames}
        value={value}
        error={error}
        onChange={onChange}
      />
    );
  if (game.settings.identity === 'field')
    return (
      <IdentityField
        label={identityLabel(game.settings, t)}
        value={value}
        error={error}
        onChange={onChange}
      />
    );
  return null;
}

/**
 * Why an identity cannot be sent yet (nothing picked, nothing typed), as a text to show by the
 * field; null when it can.
 */
export function missingIdentity(game: ClientView, value: string, t: Translate): string | null {
  if (game.settings.identity === 'roster' && !value) return t('roster.identityNeeded');
  if (game.settings.identity === 'field' && !value.trim())
    return t('roster.fieldNeeded', { label: identityLabel(game.settings, t) });
  return null;
}

const REFUSALS = {
  identity_taken: 'roster.identityTaken',
  identity_unknown: 'roster.identityUnknown',
  identity_invalid: 'roster.identityInvalid',
} as const satisfies Partial<Record<ErrorCode, MessageId>>;

/**
 * The host's refusal of an identity (`code`), in the player's language: what was wrong with what
 * was given, or what to give when nothing was (a desktop joins before it sees the room's list).
 * Null for any other code.
 */
export function identityRefusal(
  code: ErrorCode,
  game: ClientView,
  value: string,
  t: Translate,
): string | null {
  if (!(code in REFUSALS)) return null;
  return (
    missingIdentity(game, value, t) ??
    t(REFUSALS[code as keyof typeof REFUSALS], { name: value.trim(), label: identityLabel(game.settings, t) })
  );
}
