/**
 * The web adapter: QuizApi over a QuizClient that runs in the page and talks to the host that
 * served it (phones, and the `?host=TOKEN` dashboard of a headless host). A player's resume token
 * is kept in localStorage so that a reload continues the same player. The host token is taken out
 * of the address as soon as the page loads and kept for this tab only (sessionStorage), so that
 * a projected dashboard, its history entry or a copied link never shows it. The dashboard holds
 * no quiz: it picks the next one by id from the list in its snapshot, and the host resolves it.
 * A phone that opens the host's "Control from your phone" link (`?remote=PASS`) takes the pass out
 * of the address the same way and says hello with it once; the remote token the host hands it is
 * kept for this tab only too, so that a reload or a dropped connection keeps the controls.
 * A browser has the game only: no `desktop` part, so the screens never offer hosting, browsing,
 * the library or reports here.
 */
import { preloadPictures } from '../media/picture-preload';
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState, IntentResult, QuizApi } from '../../shared/api/quiz-api';
import { failure, OK } from '../../shared/api/intent-results';
import { SOCKET_PATH } from '../../shared/protocol/endpoints';
import { resultsCsv, resultsFileName } from '../../shared/results-csv';
import { identityColumn } from '../../shared/roster/identity-column';
import { translate } from '../i18n/translate';

export const TOKEN_KEY = 'quizroom.player-token';
export const HOST_TOKEN_KEY = 'quizroom.host-token';
/** The address parameter that carries the host token in the dashboard link. */
export const HOST_PARAM = 'host';
/** The address parameter that carries a one-time remote-control pass. */
export const REMOTE_PARAM = 'remote';
export const REMOTE_TOKEN_KEY = 'quizroom.remote-token';

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

function sessionValue(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled: a reload needs the dashboard link again
  }
}

function setSessionValue(key: string, value: string | null): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    /* see sessionValue */
  }
}

/**
 * The host token of this tab: from the address (then removed from it, in place, without a new
 * history entry) or, after a reload, from sessionStorage; null on a player's page.
 */
export function takeHostToken(
  loc: Location = window.location,
  history: History = window.history,
): string | null {
  const fromAddress = takeParam(HOST_PARAM, loc, history);
  if (!fromAddress) return sessionValue(HOST_TOKEN_KEY);
  setSessionValue(HOST_TOKEN_KEY, fromAddress);
  return fromAddress;
}

/**
 * A phone taking the host's controls: the pass from the address (then removed from it, never
 * kept: it works once), or this tab's remote token; null on any other page.
 */
export function takeRemote(
  loc: Location = window.location,
  history: History = window.history,
): { pass?: string; token?: string } | null {
  const pass = takeParam(REMOTE_PARAM, loc, history);
  if (pass) {
    // A new code replaces the controls this tab held before.
    setSessionValue(REMOTE_TOKEN_KEY, null);
    return { pass };
  }
  const token = sessionValue(REMOTE_TOKEN_KEY);
  return token ? { token } : null;
}

/** The value of `param` in the address, which is then removed from it, in place (no new history entry). */
function takeParam(param: string, loc: Location, history: History): string | null {
  const url = new URL(loc.href);
  const value = url.searchParams.get(param);
  if (value === null) return null;
  url.searchParams.delete(param);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return value;
}

/** The host's WebSocket endpoint, on the same origin that served this page. */
export function socketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${SOCKET_PATH}`;
}

export function createWebAdapter(
  loc: Location = window.location,
  history: History = window.history,
): QuizApi {
  const hostToken = takeHostToken(loc, history);
  let remote = hostToken ? null : takeRemote(loc, history);
  const listeners = new Set<(state: AppState) => void>();
  let client: QuizClient;
  let state: AppState = { game: null, player: null, clockOffset: 0, quizzes: [] };

  function set(patch: Partial<AppState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  }

  function open(token: string | null): void {
    client = new QuizClient({
      url: socketUrl(loc),
      WebSocket: WebSocket as unknown as WebSocketFactory,
      token,
      ...(remote
        ? { remote, onRemoteToken: (t: string | null) => setSessionValue(REMOTE_TOKEN_KEY, t) }
        : {}),
      // A host token the host no longer knows (the room restarted) is forgotten, not retried on reload.
      onToken: hostToken ? (token) => token === null && setSessionValue(HOST_TOKEN_KEY, null) : writeToken,
      preloadMedia: preloadPictures,
    });
    const own = client;
    own.subscribe((view: ClientView) => {
      if (own !== client) return;
      // Pongs re-send the same view; only a changed view or a moved clock is news.
      if (view === state.game && Math.abs(own.clockOffset - state.clockOffset) < 2) return;
      set({ game: view, clockOffset: own.clockOffset, quizzes: view.quizzes });
    });
    own.connect();
  }

  // A phone holding the host's controls is not a player: it offers no player token.
  open(hostToken ?? (remote ? null : readToken()));

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    join: (name, pin, identity) => client.join(name, pin, identity),
    giveIdentity: (identity) => void client.giveIdentity(identity),
    answer: (option) => client.answer(option),
    start: () => client.start(),
    cancelStart: () => client.cancelStart(),
    pause: (paused) => client.pause(paused),
    next: () => client.next(),
    skip: () => client.skip(),
    end: () => client.end(),
    kick: (playerId, block) => client.kick(playerId, block),
    extraTime: (playerId, factor) => client.extraTime(playerId, factor),
    pickTeam: (team) => void client.pickTeam(team),
    setTeam: (playerId, team) => client.setTeam(playerId, team),
    balanceTeams: () => client.balanceTeams(),
    releaseIdentity: (playerId) => client.releaseIdentity(playerId),
    removeDisconnected: () => client.removeDisconnected(),
    updateSettings: (settings) => client.updateSettings(settings),
    issueRemotePass: () => client.issueRemotePass(),
    revokeRemote: (id) => client.revokeRemote(id),
    newGame: (quizId) => client.newGame(quizId ? { quizId } : undefined),
    async exportCsv(): Promise<IntentResult> {
      const game = state.game;
      const rows = game && game.standings.length > 0 ? game.standings : (game?.top ?? []);
      if (rows.length === 0) return failure('no_results', translate('failure.noResults'));
      try {
        download(
          resultsCsv(rows, game?.session, identityColumn(game?.settings)),
          resultsFileName(game?.quiz?.title ?? 'quiz', new Date()),
        );
        return OK;
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        return failure('export_failed', translate('failure.exportFailed', { reason }));
      }
    },
    leave() {
      if (hostToken) return;
      if (remote) {
        // Controls taken back (or never given): this page becomes an ordinary player's page.
        const old = client;
        remote = null;
        setSessionValue(REMOTE_TOKEN_KEY, null);
        open(readToken());
        old.close();
        return;
      }
      // The host frees the seat and keeps this connection, as a guest (the view then shows Join).
      if (client.leaveGame()) return;
      const old = client;
      writeToken(null);
      open(null);
      old.close();
    },
  };
}

/** Hands `text` to the browser as a file download. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
