/** The presenter keys, listed in a dialog over the host's screen (the ? key or the Keys button). */
import { useModalDialog } from '../components/use-modal-dialog';
import { useT } from '../i18n';
import { PRESENTER_KEYS, type PresenterAction } from './presenter-keys';

export function KeysHelp({
  open,
  onClose,
  without = [],
}: {
  open: boolean;
  onClose: () => void;
  /** Keys this screen has no use for (the projector window outside the desktop app). */
  without?: readonly PresenterAction[];
}) {
  const ref = useModalDialog(open);
  const t = useT();
  return (
    <dialog ref={ref} className="keys-help" aria-labelledby="keys-help-title" onClose={onClose}>
      <h2 id="keys-help-title">{t('host.keysTitle')}</h2>
      <table className="keys-help__table">
        <caption className="visually-hidden">{t('host.keysCaption')}</caption>
        <tbody>
          {PRESENTER_KEYS.filter((k) => !without.includes(k.action)).map((k) => (
            <tr key={k.action}>
              <th scope="row">
                {k.keys.map((key, i) => {
                  const cap = typeof key === 'string' ? key : t(key.name);
                  return (
                    <span key={cap}>
                      {i > 0 ? <span className="keys-help__or"> {t('host.keyOr')} </span> : null}
                      <kbd>{cap}</kbd>
                    </span>
                  );
                })}
              </th>
              <td>{t(k.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="keys-help__note">{t('host.clicker')}</p>
      <button type="button" className="btn btn--primary" onClick={onClose}>
        {t('host.close')}
      </button>
    </dialog>
  );
}
