/** The presenter keys, listed in a dialog over the host's screen (the ? key or the Keys button). */
import { useModalDialog } from '../components/use-modal-dialog';
import { PRESENTER_KEYS } from './presenter-keys';

export function KeysHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} className="keys-help" aria-labelledby="keys-help-title" onClose={onClose}>
      <h2 id="keys-help-title">Keys for the host</h2>
      <table className="keys-help__table">
        <caption className="visually-hidden">Keys and what they do</caption>
        <tbody>
          {PRESENTER_KEYS.map((k) => (
            <tr key={k.action}>
              <th scope="row">
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? <span className="keys-help__or"> or </span> : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="keys-help__note">A presenter’s clicker works too: it sends Page Down or →.</p>
      <button type="button" className="btn btn--primary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
