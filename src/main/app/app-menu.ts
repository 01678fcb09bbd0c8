/**
 * The application menu. Electron's default one ships Reload and Toggle Developer Tools, which
 * a packaged app must not offer to a room full of players; this one holds what a person needs
 * (quit, the edit keys that macOS takes from the menu, zoom and full screen for a projector),
 * and the developer items only in a dev run.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform, developer: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(developer
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return platform === 'darwin'
    ? [{ role: 'appMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }]
    : [{ label: 'File', submenu: [{ role: 'quit' }] }, { role: 'editMenu' }, view];
}

/** Every role a template uses, submenus included: what the tests look for. */
export function menuRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}
