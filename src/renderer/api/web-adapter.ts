/**
 * The web adapter: QuizApi over a QuizClient that runs in the page and talks to the host that
 * served it (phones, and the `?host=TOKEN` dashboard of a headless host). A player's resume token
 * is kept in localStorage so that a reload continues the same player.
 */
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState, IntentResult, QuizApi, QuizChoice } from '../../shared/api/quiz-api';
import { resultsCsv, resultsFileName } from '../../shared/results-csv';

export const TOKEN_KEY = 'quizroom.player-token';

const desktopOnly = {
  ok: false,
  code: 'unsupported',
  message:
    'Only the Quizroom desktop app can do this: the quiz library and game reports live on the host computer.',
} as const satisfies IntentResult;

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled (private mode): the player cannot resume after a reload
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* see readToken */
  }
}

/** The host's WebSocket endpoint, on the same origin that served this page. */
export function socketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export function createWebAdapter(loc: Location = window.location): QuizApi {
  const hostToken = new URLSearchParams(loc.search).get('host');
  const listeners = new Set<(state: AppState) => void>();
  let client: QuizClient;
  let quizzesRequested = false;
  let state: AppState = {
    game: null,
    player: null,
    clockOffset: 0,
    canHost: false,
    canBrowse: false,
    rooms: [],
    quizzes: [],
    library: [],
    reports: [],
    hosting: null,
    interrupted: null,
  };

  function set(patch: Partial<AppState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function open(token: string | null): void {
    client = new QuizClient({
      url: socketUrl(loc),
      WebSocket: WebSocket as unknown as WebSocketFactory,
      token,
      // The host token belongs in the link, not in storage.
      onToken: hostToken ? undefined : writeToken,
    });
    const own = client;
    own.subscribe((view: ClientView) => {
      if (own !== client) return;
      // Pongs re-send the same view; only a changed view or a moved clock is news.
      if (view === state.game && Math.abs(own.clockOffset - state.clockOffset) < 2) return;
      set({ game: view, clockOffset: own.clockOffset });
      if (view.role === 'host' && !quizzesRequested) void loadQuizzes();
    });
    own.connect();
  }

  /** The built-in pack, loaded only on the host dashboard so that phones never download it. */
  async function loadQuizzes(): Promise<void> {
    quizzesRequested = true;
    const { builtinPack } = await import('../../shared/quiz/builtin-pack');
    const quizzes: QuizChoice[] = builtinPack().map((p) => ({
      id: `builtin:${p.id}`,
      title: p.quiz.title,
      questionCount: p.quiz.questions.length,
      ...(p.quiz.description ? { description: p.quiz.description } : {}),
    }));
    set({ quizzes });
  }

  open(hostToken ?? readToken());

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    join: (name, pin) => client.join(name, pin),
    answer: (option) => client.answer(option),
    start: () => client.start(),
    cancelStart: () => client.cancelStart(),
    next: () => client.next(),
    skip: () => client.skip(),
    end: () => client.end(),
    kick: (playerId) => client.kick(playerId),
    removeDisconnected: () => client.removeDisconnected(),
    updateSettings: (settings) => client.updateSettings(settings),
    newGame(quizId) {
      if (!quizId) return client.newGame();
      void import('../../shared/quiz/builtin-pack').then(({ builtinPack }) => {
        const found = builtinPack().find((p) => `builtin:${p.id}` === quizId);
        client.newGame(found?.quiz);
      });
    },
    async exportCsv() {
      const game = state.game;
      const rows = game && game.standings.length > 0 ? game.standings : (game?.top ?? []);
      if (rows.length === 0)
        return { ok: false, code: 'no_results', message: 'There are no results to export yet.' };
      const url = URL.createObjectURL(new Blob([resultsCsv(rows)], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = resultsFileName(game?.quiz?.title ?? 'quiz', new Date());
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { ok: true };
    },
    hostRoom: async () => desktopOnly,
    stopHosting: async () => undefined,
    importQuiz: async () => desktopOnly,
    resumeHosting: async () => desktopOnly,
    connect: async () => desktopOnly,
    leave() {
      if (hostToken) return;
      // The host frees the seat and keeps this connection, as a guest (the view then shows Join).
      if (client.leaveGame()) return;
      const old = client;
      writeToken(null);
      open(null);
      old.close();
    },
    refreshRooms: () => undefined,
    openQuiz: async () => desktopOnly,
    saveQuiz: async () => desktopOnly,
    createQuiz: async () => desktopOnly,
    duplicateQuiz: async () => desktopOnly,
    deleteQuiz: async () => desktopOnly,
    openReport: async () => desktopOnly,
    exportReport: async () => desktopOnly,
    deleteReport: async () => desktopOnly,
  };
}
