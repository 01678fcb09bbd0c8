/**
 * The bridge between the sandboxed window and the main process: `window.quiz`, an object of named
 * methods (the QuizApi), never a generic invoke. Subscriptions wrap the callback so the page never
 * sees an IPC event, and return an unsubscribe function.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld('quiz', buildBridge(ipcRenderer));
