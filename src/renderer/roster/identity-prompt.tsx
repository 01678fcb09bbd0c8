/**
 * A player in the lobby whose room asks who they are, but who has not said: the host released the
 * class-list name they picked (someone else's), or turned the question on after they joined. Their
 * seat and score stay; they pick again here.
 */
import { useState, type FormEvent } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { useT } from '../i18n';
import { IdentityInput, identityRefusal, missingIdentity } from './identity-pick';

export function IdentityPrompt({ me }: { me: ClientView }) {
  const api = useApi();
  const t = useT();
  const [value, setValue] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  // The host's error at the moment of sending: older errors are not shown again.
  const [seenError, setSeenError] = useState<ClientView['error']>(me.error);
  // Whether this player had given it before (then the host released it) or is asked for the first time.
  const [hadIdentity, setHadIdentity] = useState(!!me.you?.identity);
  if (me.you?.identity && !hadIdentity) setHadIdentity(true);
  if (!me.you || me.settings.identity === 'none' || me.you.identity) return null;

  const hostError = me.error && me.error !== seenError ? me.error : null;
  const error = local ?? (hostError ? identityRefusal(hostError.code, me, value, t) : null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const missing = missingIdentity(me, value, t);
    if (missing) {
      setLocal(missing);
      document.getElementById('join-identity')?.focus();
      return;
    }
    setLocal(null);
    setSeenError(me.error);
    api.giveIdentity(value.trim());
  }

  return (
    <form className="card identity-prompt" onSubmit={submit} noValidate>
      <p className="identity-prompt__why">{t(hadIdentity ? 'roster.released' : 'roster.askNow')}</p>
      <IdentityInput
        game={me}
        value={value}
        error={error}
        onChange={(next) => {
          setValue(next);
          setLocal(null);
        }}
      />
      {error ? (
        <p className="visually-hidden" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn btn--primary btn--block" disabled={me.connection !== 'open'}>
        {t('roster.confirm')}
      </button>
    </form>
  );
}
