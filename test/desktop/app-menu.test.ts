/** The application menu (src/main/app/app-menu.ts): no developer items outside a dev run. */
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, menuRoles } from '../../src/main/app/app-menu';

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)(
    'on %s holds no developer items in a packaged build',
    (platform) => {
      const roles = menuRoles(appMenuTemplate(platform, false));
      for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
      expect(roles).toContain('editMenu');
      expect(roles).toContain('togglefullscreen');
    },
  );

  it('offers the developer items in a dev run', () => {
    const roles = menuRoles(appMenuTemplate('linux', true));
    for (const role of DEVELOPER_ROLES) expect(roles).toContain(role);
  });

  it('gives macOS its app menu (with Quit) and Windows/Linux a File menu with Quit', () => {
    expect(menuRoles(appMenuTemplate('darwin', false))).toEqual(
      expect.arrayContaining(['appMenu', 'windowMenu']),
    );
    expect(menuRoles(appMenuTemplate('win32', false))).toContain('quit');
  });
});
