/**
 * The window loads the app from app://quizroom/ (not file://): files come only from the built
 * renderer folder, with a strict Content-Security-Policy (app-files.ts). The window needs no
 * network at all, because its sockets live in the main process.
 */
import { protocol } from 'electron';
import { APP_SCHEME, serveAppFile } from './app-files';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url));
}
