/**
 * Picks the screen from the state: before a room, the desktop's own navigation (Home, Host setup,
 * Join); inside a room, the game's phase. Screens never decide where to go next themselves.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ClientView } from '../shared/client/client-view';
import type { AppState } from '../shared/api/quiz-api';
import { useApi, useAppState, desktopOf, type Desktop } from './api/api-context';
import type { LocalPage } from './local-page';
import { isProjectorView } from './projector-view';
import { useT } from './i18n';
import { ReconnectingBanner } from './components/reconnecting-banner';
import { TopBar } from './components/top-bar';
import { ClosedScreen, ConnectingScreen, LoadingScreen } from './screens/status-screens';
import { FinalScreen } from './screens/final-screen';
import { HomeScreen } from './screens/home-screen';
import { HostSetupScreen } from './screens/host-setup-screen';
import { JoinScreen } from './screens/join-screen';
import { LeaderboardScreen } from './screens/leaderboard-screen';
import { LobbyScreen } from './screens/lobby-screen';
import { QuestionScreen } from './screens/question-screen';
import { RevealScreen } from './screens/reveal-screen';
import { WaitingScreen } from './screens/waiting-screen';
import { useRoundChanges, type RoundView } from './standings/use-round-changes';
import { useVibrationCues } from './phone/vibration';

// Desktop-only screens load on first use: phones never download the editor or its validation.
const LibraryScreen = lazy(() =>
  import('./screens/library-screen').then((m) => ({ default: m.LibraryScreen })),
);
const ReportsScreen = lazy(() =>
  import('./screens/reports-screen').then((m) => ({ default: m.ReportsScreen })),
);
// The host's controls and sound: phones never download them.
const HostBar = lazy(() => import('./presenter/host-bar').then((m) => ({ default: m.HostBar })));
// A phone that holds the host's controls gets them at phone size instead of the stage.
const RemoteBar = lazy(() => import('./presenter/remote-bar').then((m) => ({ default: m.RemoteBar })));

/** Read once: a window is the projector's for its whole life. */
const PROJECTOR = isProjectorView();

export function App() {
  const state = useAppState();
  const desktop = desktopOf(useApi(), state);
  const [page, setPage] = useState<LocalPage>('home');
  const game = state.game;
  const isHost = game?.role === 'host';
  const isRemote = isHost && game.remoteId !== null;
  const roomName = game?.room?.name;
  const round = useRoundChanges(game);
  useVibrationCues(game?.role === 'player' ? game : null);
  // On stage: a game screen, which fits the window and never scrolls.
  const onStage = !!game?.ready && !game.closedReason && game.role !== 'guest';
  const phase = game?.ready ? game.phase : 'none';
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = roomName ? `${roomName} · Quizroom` : 'Quizroom';
  }, [roomName]);
  // Every phase opens at its top, whatever the last one scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
    main.current?.scrollTo(0, 0);
  }, [phase, page]);
  return (
    <div
      className={`app${isHost ? ' is-host' : ''}${onStage ? ' is-stage' : ''}${PROJECTOR ? ' is-projector' : ''} phase-${phase}`}
    >
      <ReconnectingBanner
        visible={game?.connection === 'reconnecting'}
        paused={game?.pausedAt != null}
        notice={isHost ? game.notice : null}
      />
      {game?.ready && !game.closedReason && (game.role !== 'guest' || desktop) ? (
        <TopBar state={state} game={game} />
      ) : null}
      <main className="app__main" id="main" ref={main}>
        {PROJECTOR && (!game || game.role !== 'host') ? (
          <ProjectorWaiting />
        ) : game ? (
          gameScreen(state, game, round)
        ) : (
          localScreen(state, desktop, page, setPage)
        )}
      </main>
      {onStage && isHost && !isRemote && !PROJECTOR && game ? (
        <Suspense fallback={null}>
          <HostBar state={state} game={game} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** The projector window before there is a room to show (or after it closed). */
function ProjectorWaiting() {
  const t = useT();
  return (
    <section className="screen screen--center">
      <p className="lead">{t('host.projectorWaiting')}</p>
    </section>
  );
}

// These return elements rather than being components, so that Join keeps what was typed while
// the desktop connects to the chosen room (same element type in the same place: not remounted).
function localScreen(
  state: AppState,
  desktop: Desktop | null,
  page: LocalPage,
  go: (page: LocalPage) => void,
) {
  // Without the desktop's services there is nothing to choose: the page waits for its host.
  if (!desktop) return <ConnectingScreen />;
  const home = () => go('home');
  switch (page) {
    case 'host-setup':
      return (
        <HostSetupScreen state={state} desktop={desktop} onBack={home} onEditQuizzes={() => go('library')} />
      );
    case 'library':
      return (
        <Suspense fallback={<LoadingScreen />}>
          <LibraryScreen desktop={desktop} onBack={home} />
        </Suspense>
      );
    case 'reports':
      return (
        <Suspense fallback={<LoadingScreen />}>
          <ReportsScreen desktop={desktop} onBack={home} />
        </Suspense>
      );
    case 'join':
      return <JoinScreen game={null} onBack={home} />;
    case 'home':
      return <HomeScreen desktop={desktop} go={go} />;
  }
}

function gameScreen(state: AppState, game: ClientView, round: RoundView | null) {
  if (game.closedReason) return <ClosedScreen reason={game.closedReason} />;
  if (!game.ready) return <ConnectingScreen />;
  if (game.role === 'host' && game.remoteId !== null)
    return (
      <Suspense fallback={<LoadingScreen />}>
        <RemoteBar game={game} />
      </Suspense>
    );
  if (game.role === 'guest') return <JoinScreen game={game} />;
  if (game.role === 'player' && game.waiting && !game.you)
    return <WaitingScreen game={game} name={game.waiting.name} />;
  // The view that answers: the player's own, or the host's player session when the host plays too.
  const me = game.role === 'player' ? game : state.player;
  switch (game.phase) {
    case 'lobby':
    case 'countdown':
      return <LobbyScreen state={state} game={game} me={me} />;
    case 'question':
      return <QuestionScreen key={`q${game.question?.index}`} state={state} game={game} me={me} />;
    case 'reveal':
      return <RevealScreen key={`r${game.reveal?.index}`} state={state} game={game} me={me} />;
    case 'leaderboard':
      return <LeaderboardScreen state={state} game={game} me={me} round={round} />;
    case 'finished':
      return <FinalScreen game={game} me={me} />;
  }
}
