/**
 * Close room, in two steps like End game: closing sends every player away and cannot be undone
 * (a closed room is not offered for resuming).
 */
import { useCallback } from 'react';
import type { DesktopApi } from '../../shared/api/quiz-api';
import { useT } from '../i18n';
import { useConfirmStep } from './use-confirm-step';

export function CloseRoomButton({ api }: { api: DesktopApi }) {
  const t = useT();
  const { asking, press } = useConfirmStep(useCallback(() => void api.stopHosting(), [api]));
  return (
    <button
      type="button"
      className={`btn btn--small ${asking ? 'btn--danger' : 'btn--ghost'}`}
      onClick={press}
    >
      {asking ? t('host.closeConfirm') : t('host.closeRoom')}
    </button>
  );
}
