/**
 * How components reach the QuizApi: a React context, a hook that renders from its state, and one
 * for the desktop's own services, null where there are none (a phone, a browser dashboard).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState, DesktopApi, DesktopState, QuizApi } from '../../shared/api/quiz-api';

export const ApiContext = createContext<QuizApi | null>(null);

export function useApi(): QuizApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider> around the app.');
  return api;
}

export function useAppState(): AppState {
  const api = useApi();
  return useSyncExternalStore(api.subscribe, api.getState);
}

/** The desktop app's services and their state. */
export interface Desktop {
  api: DesktopApi;
  state: DesktopState;
}

/** The desktop's services and state, or null where this app has none. */
export function desktopOf(api: QuizApi, state: AppState): Desktop | null {
  return api.desktop && state.desktop ? { api: api.desktop, state: state.desktop } : null;
}

export function useDesktop(): Desktop | null {
  return desktopOf(useApi(), useAppState());
}
