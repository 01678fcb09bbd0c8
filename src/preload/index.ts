/**
 * The bridge between the sandboxed window and the main process: `window.quiz`, an object of named
 * methods (the QuizApi), never a generic invoke. Subscriptions wrap the callback so the page never
 * sees an IPC event, and return an unsubscribe function. Before the window closes, the page is
 * told to save through a DOM event (the DOM is shared with the page's world; nothing else is).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { FLUSH_EVENT } from '../shared/ipc/channels';
import { buildBridge } from './bridge';

const page = globalThis as unknown as EventTarget;
contextBridge.exposeInMainWorld(
  'quiz',
  buildBridge(ipcRenderer, () => page.dispatchEvent(new Event(FLUSH_EVENT))),
);
