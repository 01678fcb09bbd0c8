/**
 * A real headless host for the browser tests: a QuizServer on 127.0.0.1 (port 0) serving the built
 * web player, on real time. Settings are small so that games are quick; most tests drive the game
 * with the host's buttons (autoAdvance off) rather than waiting for timers.
 */
import type { GameSettings } from '../../../src/shared/protocol';
import { QuizSchema, type Quiz } from '../../../src/shared/quiz/quiz-schema';
import { QuizServer, type QuizServerOptions } from '../../../src/main/server/quiz-server';
import { ensureBuilt } from '../../support/built-app';

export const E2E_QUIZ: Quiz = QuizSchema.parse({
  title: 'Planet Earth',
  questions: [
    {
      kind: 'choice',
      prompt: 'Which is the largest ocean on Earth?',
      options: ['Pacific Ocean', 'Atlantic Ocean', 'Indian Ocean', 'Arctic Ocean'],
      correct: 0,
    },
    {
      kind: 'choice',
      prompt: 'What is the capital of Australia?',
      options: ['Sydney', 'Canberra', 'Melbourne'],
      correct: 1,
    },
    {
      kind: 'choice',
      prompt: 'Mount Everest is the tallest mountain above sea level.',
      options: ['True', 'False'],
      correct: 0,
      points: 2000,
    },
  ],
});

/** Quick rounds, moved on by the host's Next button. */
export const QUICK: Partial<GameSettings> = {
  minPlayers: 0,
  countdownSeconds: 1,
  questionSeconds: 30,
  revealSeconds: 1,
  leaderboardSeconds: 1,
  autoAdvance: false,
};

export interface E2EHost {
  server: QuizServer;
  /** The web player, as a phone opens it. */
  playerUrl: string;
  /** The host dashboard of this headless host. */
  hostUrl: string;
  /** The engine's scores by player name. */
  scores(): Map<string, number>;
  close(): Promise<void>;
}

export async function startHost(options: Partial<QuizServerOptions> = {}): Promise<E2EHost> {
  const staticDir = await ensureBuilt();
  const server = new QuizServer({
    quiz: E2E_QUIZ,
    roomName: 'Friday quiz',
    port: 0,
    bind: '127.0.0.1',
    staticDir,
    ...options,
    settings: { ...QUICK, ...options.settings },
  });
  const port = await server.listen();
  const playerUrl = `http://127.0.0.1:${port}/`;
  return {
    server,
    playerUrl,
    hostUrl: `${playerUrl}?host=${encodeURIComponent(server.hostToken)}`,
    scores: () => new Map([...server.game.players.values()].map((p) => [p.name, p.score])),
    close: () => server.close(),
  };
}
