/** The host's keyboard, as a presenter and a presenter's clicker use it. */
import { describe, expect, it } from 'vitest';
import { initialView, type ClientView } from '../../src/shared/client/client-view';
import { presenterAction, type KeyPress } from '../../src/renderer/presenter/presenter-keys';
import { canEnd, nextStep } from '../../src/renderer/presenter/next-step';

function press(key: string, patch: Partial<KeyPress> = {}): KeyPress {
  return { key, altKey: false, ctrlKey: false, metaKey: false, target: { tagName: 'H1' }, ...patch };
}

describe('presenter keys', () => {
  it('takes Space, → and Page Down (what a clicker sends) for next', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown']) expect(presenterAction(press(key))).toBe('next');
  });

  it('takes S to skip, P to pause, E to end, F for full screen, M to mute and ? for the keys', () => {
    expect(presenterAction(press('s'))).toBe('skip');
    expect(presenterAction(press('p'))).toBe('pause');
    expect(presenterAction(press('P'))).toBe('pause');
    expect(presenterAction(press('E'))).toBe('end');
    expect(presenterAction(press('f'))).toBe('fullscreen');
    expect(presenterAction(press('M'))).toBe('mute');
    expect(presenterAction(press('?'))).toBe('help');
    expect(presenterAction(press('x'))).toBeNull();
    expect(presenterAction(press('ArrowLeft'))).toBeNull();
  });

  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      for (const key of [' ', 's', 'e', 'm', 'ArrowRight'])
        expect(presenterAction(press(key, { target: { tagName } }))).toBeNull();
    expect(presenterAction(press('m', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
  });

  it('leaves Space on a focused button to the button (one press, one step)', () => {
    expect(presenterAction(press(' ', { target: { tagName: 'BUTTON' } }))).toBeNull();
    expect(presenterAction(press('PageDown', { target: { tagName: 'BUTTON' } }))).toBe('next');
  });

  it('ignores keys held with Ctrl, Alt or Meta (the browser’s own shortcuts)', () => {
    expect(presenterAction(press('f', { ctrlKey: true }))).toBeNull();
    expect(presenterAction(press('m', { metaKey: true }))).toBeNull();
    expect(presenterAction(press(' ', { altKey: true }))).toBeNull();
  });
});

describe('what next means in each phase', () => {
  const view = (patch: Partial<ClientView>): ClientView => ({
    ...initialView(),
    role: 'host',
    ready: true,
    ...patch,
  });
  const q = (index: number, count: number) => ({
    index,
    count,
    kind: 'choice' as const,
    prompt: 'P',
    options: ['a', 'b'],
    points: 1000,
    timeLimitMs: 10_000,
    openedAt: 0,
    deadline: 10_000,
  });

  it('starts the game from a lobby with players, and does nothing in an empty one', () => {
    expect(nextStep(view({ phase: 'lobby' }))).toBeNull();
    const players = [{ id: 'p1', name: 'Ada', connected: true, score: 0 }];
    expect(nextStep(view({ phase: 'lobby', players }))).toEqual({
      label: 'host.startGame',
      command: 'start',
    });
  });

  it('shows the answer now during a question: the protocol’s next, which scores the answers so far', () => {
    expect(nextStep(view({ phase: 'question', question: q(0, 3) }))).toEqual({
      label: 'host.showAnswer',
      command: 'next',
    });
  });

  it('goes to the leaderboard, the next question, and the final results after the last question', () => {
    expect(nextStep(view({ phase: 'countdown' }))?.label).toBe('host.startNow');
    expect(nextStep(view({ phase: 'reveal', question: q(0, 3) }))?.label).toBe('host.showLeaderboard');
    expect(nextStep(view({ phase: 'leaderboard', question: q(0, 3) }))?.label).toBe('host.nextQuestion');
    expect(nextStep(view({ phase: 'reveal', question: q(2, 3) }))?.label).toBe('host.showFinal');
    expect(nextStep(view({ phase: 'finished' }))).toBeNull();
  });

  it('lets the host end a running game only', () => {
    expect(canEnd(view({ phase: 'lobby' }))).toBe(false);
    expect(canEnd(view({ phase: 'question' }))).toBe(true);
    expect(canEnd(view({ phase: 'finished' }))).toBe(false);
  });
});
