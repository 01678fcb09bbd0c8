/**
 * The projector view (`?view=projector`): the desktop's projector window shows the hosted room's
 * screens as the audience sees them, without the host's controls. Its IPC refuses every command
 * anyway (main/app/ipc-handlers.ts); this only decides what the page draws.
 */
export function isProjectorView(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).get('view') === 'projector';
}
