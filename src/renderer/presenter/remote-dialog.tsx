/**
 * The host's "Control from your phone" dialog: asks the host for a one-time pass when it opens,
 * shows it as a QR code (the lobby's QrCode) with its address and the seconds it has left, offers
 * a new code, and lists the phones that hold the controls, each with "Take back". Only the host's
 * own screen opens it (a phone that holds the controls cannot hand them on).
 */
import { useEffect } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { useRemainingMs } from '../api/use-host-clock';
import { QrCode } from '../components/qr-code';
import { useModalDialog } from '../components/use-modal-dialog';
import { useT } from '../i18n';

export function RemoteDialog({
  open,
  onClose,
  game,
  clockOffset,
}: {
  open: boolean;
  onClose: () => void;
  game: ClientView;
  clockOffset: number;
}) {
  const api = useApi();
  const t = useT();
  const ref = useModalDialog(open);
  const pass = game.remotePass;
  const left = useRemainingMs(pass?.expiresAt ?? null, clockOffset, 1000);
  // Every opening asks for a fresh code: an old one may have been seen by someone else.
  useEffect(() => {
    if (open) api.issueRemotePass();
  }, [open, api]);
  const url = pass?.urls[0] ?? null;
  return (
    <dialog ref={ref} className="remote-dialog" aria-labelledby="remote-dialog-title" onClose={onClose}>
      <h2 id="remote-dialog-title">{t('remote.title')}</h2>
      <p>{t('remote.lead')}</p>
      {url && left > 0 ? (
        <>
          <QrCode className="remote-dialog__qr" text={url} label={t('remote.qrLabel', { url })} />
          <p className="remote-dialog__url">
            <code>{url}</code>
          </p>
          <p className="remote-dialog__expiry" role="timer">
            {t('remote.expiresIn', { seconds: Math.round(left / 1000) })}
          </p>
        </>
      ) : url ? (
        <p className="remote-dialog__expiry">{t('remote.expired')}</p>
      ) : null}
      <button type="button" className="btn btn--secondary" onClick={() => api.issueRemotePass()}>
        {t('remote.newCode')}
      </button>
      <h3>{t('remote.phones')}</h3>
      {game.remotes.length === 0 ? (
        <p>{t('remote.noPhones')}</p>
      ) : (
        <ul className="remote-dialog__phones">
          {game.remotes.map((r) => (
            <li key={r.id}>
              <span>
                {t('remote.phoneSince', { device: r.device, address: r.address })}
                {r.connected ? null : ` ${t('remote.phoneAway')}`}
              </span>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => api.revokeRemote(r.id)}
              >
                {t('remote.takeBack')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--primary" onClick={onClose}>
        {t('remote.close')}
      </button>
    </dialog>
  );
}
