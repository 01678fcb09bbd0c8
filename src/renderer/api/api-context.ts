/** How components reach the QuizApi: a React context, and a hook that renders from its state. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState, QuizApi } from '../../shared/api/quiz-api';

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
