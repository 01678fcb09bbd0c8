/**
 * End game, in two steps: ending a game by accident cannot be undone, so the first press asks,
 * and the question goes away by itself after a few seconds.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';

const CONFIRM_MS = 4000;

export function EndGameButton() {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const timer = setTimeout(() => setAsking(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [asking]);
  return (
    <button
      type="button"
      className={`btn ${asking ? 'btn--danger' : 'btn--ghost'}`}
      onClick={() => (asking ? api.end() : setAsking(true))}
    >
      {asking ? 'Press again to end the game' : 'End game'}
    </button>
  );
}
