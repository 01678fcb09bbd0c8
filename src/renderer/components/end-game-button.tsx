/** End game, in two steps (see components/use-confirm-step.ts): the button shows which step it is at. */
import { useT } from '../i18n';

export function EndGameButton({ asking, onPress }: { asking: boolean; onPress: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className={`btn ${asking ? 'btn--danger' : 'btn--ghost'}`}
      aria-keyshortcuts="E"
      onClick={onPress}
    >
      {asking ? t('host.endConfirm') : t('host.endGame')}
    </button>
  );
}
