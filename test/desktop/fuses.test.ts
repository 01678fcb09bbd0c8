/**
 * The Electron fuses the installers flip (electron-builder.yml). The packaging test turns fuses
 * off (its stub Electron has none), so this is where a misspelt fuse or a weakened one shows:
 * every name must be one electron-builder knows, and every fuse that lets the app be run as
 * something else is off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/built-app';

/** The `electronFuses:` block of electron-builder.yml, as name → value. */
function fuses(): Map<string, string> {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n|[ \t]*#.*\n)+)/m.exec(yml)?.[1] ?? '';
  return new Map(
    [...block.matchAll(/^[ \t]+([A-Za-z]+):[ \t]*(\S+)/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  );
}

describe('the fuses of the packaged app', () => {
  it('are all fuses electron-builder knows', () => {
    const scheme = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(fuses().size).toBeGreaterThan(0);
    for (const name of fuses().keys()) expect(known, name).toContain(name);
  });

  it('turn off running as Node, Node options and inspector flags, loose app folders and file:// privileges', () => {
    expect(Object.fromEntries(fuses())).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
