/**
 * Entry point of the renderer, the same bundle in the desktop app and in a phone's browser. The
 * only difference is the adapter: the preload's `window.quiz` when present, else the web adapter.
 */
// First, so that each screen's own styles (imported by the screens) come after the base ones.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api/api-context';
import { createElectronAdapter } from './api/electron-adapter';
import { createWebAdapter } from './api/web-adapter';
import { App } from './app';
import { I18nProvider } from './i18n';
import { BridgeMissingScreen } from './screens/status-screens';

/**
 * The desktop window (app:// or, in a dev run, Electron loading the dev server) without its
 * bridge: the preload failed. The web adapter would try to reach a host at this address and show
 * "Reconnecting…" forever; say what is wrong instead.
 */
const bridgeMissing =
  !window.quiz && (location.protocol === 'app:' || /\bElectron\//.test(navigator.userAgent));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {bridgeMissing ? (
        <BridgeMissingScreen />
      ) : (
        <ApiContext.Provider value={window.quiz ? createElectronAdapter(window.quiz) : createWebAdapter()}>
          <App />
        </ApiContext.Provider>
      )}
    </I18nProvider>
  </StrictMode>,
);
