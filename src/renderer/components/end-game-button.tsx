/** End game, in two steps (see components/use-confirm-step.ts): the button shows which step it is at. */
export function EndGameButton({ asking, onPress }: { asking: boolean; onPress: () => void }) {
  return (
    <button
      type="button"
      className={`btn ${asking ? 'btn--danger' : 'btn--ghost'}`}
      aria-keyshortcuts="E"
      onClick={onPress}
    >
      {asking ? 'Press again to end the game' : 'End game'}
    </button>
  );
}
