/**
 * The editor's autosave as a hook: `change(value)` after every edit, `flush()` when a field loses
 * focus or the editor closes; the pending change is also sent when the page goes away or the
 * desktop window asks before closing (FLUSH_EVENT). `status` is what the latest save says (see
 * autosave.ts for why an older save never reports "All changes saved").
 */
import { useEffect, useState } from 'react';
import { FLUSH_EVENT } from '../../shared/ipc/channels';
import { Autosave, type SaveOutcome, type SaveStatus } from './autosave';

export function useAutosave<T>(save: (value: T) => Promise<SaveOutcome>, delayMs: number) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [autosave] = useState(() => new Autosave<T>({ save, onStatus: setStatus, delayMs }));
  useEffect(() => autosave.saveWith(save), [autosave, save]);

  useEffect(() => {
    const onHide = () => autosave.flush();
    window.addEventListener(FLUSH_EVENT, onHide);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener(FLUSH_EVENT, onHide);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      autosave.flush();
    };
  }, [autosave]);

  return {
    status,
    /** Shows a status of the editor's own (a restored draft), until the next change. */
    showStatus: setStatus,
    change: (value: T) => autosave.change(value),
    flush: () => autosave.flush(),
  };
}
