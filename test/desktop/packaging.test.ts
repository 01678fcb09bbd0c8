/**
 * `npm run package` as far as this machine can take it. electron-builder runs for the Linux
 * targets (deb, AppImage) with the real configuration and passes its configuration and metadata
 * checks (homepage, maintainer, icons, desktop entry); it is stopped where it would download its
 * own packaging tools (fpm, the AppImage kit), which cannot be had here. What the other targets
 * need is checked from the configuration: the icons for every platform (up to date with their one
 * drawing), the NSIS include script compiled by `makensis`, the macOS local-network keys, and the
 * deb's runtime libraries under both their old and their 64-bit-time (t64) names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_ENTRIES, ICO_SIZES, makeIcons, PNG_SIZES } from '../../scripts/make-icons';
import { SERVICE_TYPE } from '../../src/main/discovery/service-names';
import { ensureBuilt, ROOT } from '../support/built-app';
import { STUB_ELECTRON_VERSION, stubElectronDist } from './support/stub-electron-dist';

interface BuilderConfig {
  linux: { icon: string; maintainer?: string; target: string[] };
  appImage?: { executableArgs?: string[] };
  deb: { depends: string[] };
  win: { icon: string; target: string[] };
  nsis: { include: string };
  mac: { icon: string; extendInfo: Record<string, unknown> };
}

const config = parse(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string } | string;
};

/** The width and height a PNG says it has (its IHDR chunk). */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('the package metadata (every target)', () => {
  it('names a homepage and an author with an email (the deb maintainer)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    expect(typeof pkg.author).toBe('object');
    const author = pkg.author as { name?: string; email?: string };
    expect(author.name).toBeTruthy();
    expect(author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  });

  it('makes the deb depend on the libraries Electron loads, under both names where Debian renamed them (t64)', () => {
    const depends = config.deb.depends;
    for (const lib of [
      'libgtk-3-0',
      'libnss3',
      'libasound2',
      'libgbm1',
      'libatk-bridge2.0-0',
      'libxkbcommon0',
    ]) {
      expect(
        depends.some((d) => d.split('|').some((alt) => alt.trim() === lib)),
        lib,
      ).toBe(true);
    }
    for (const entry of depends) {
      const names = entry.split('|').map((n) => n.trim());
      for (const name of names.filter((n) => n.endsWith('t64')))
        expect(names, `${entry} also names ${name.slice(0, -3)}`).toContain(name.slice(0, -3));
    }
  });

  it('keeps the renderer sandbox: no --no-sandbox in the AppImage launcher', () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it('declares the macOS local-network keys for the service the app announces and browses', () => {
    expect(String(config.mac.extendInfo.NSLocalNetworkUsageDescription)).toMatch(/local network/);
    expect(config.mac.extendInfo.NSBonjourServices).toEqual([`_${SERVICE_TYPE}._tcp`]);
  });
});

describe('the icons, made from build/icon.svg', () => {
  const build = resolve(ROOT, 'build');
  let made: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    made = await makeIcons(readFileSync(join(build, 'icon.svg'), 'utf8'));
  }, 60_000);

  it('are the files scripts/make-icons.ts makes from the drawing (run `npm run icons` after changing it)', () => {
    expect(Object.keys(made).length).toBeGreaterThan(0);
    for (const [path, bytes] of Object.entries(made)) {
      const committed = join(build, path);
      expect(existsSync(committed), `build/${path}`).toBe(true);
      expect(Buffer.compare(readFileSync(committed), Buffer.from(bytes)), `build/${path} is up to date`).toBe(
        0,
      );
    }
  });

  it('give Linux every size, each PNG as large as its name says', () => {
    expect(config.linux.icon).toBe('build/icons');
    for (const size of PNG_SIZES) {
      expect(pngSize(readFileSync(join(ROOT, config.linux.icon, `${size}x${size}.png`)))).toEqual([
        size,
        size,
      ]);
    }
  });

  it('give Windows an .ico with every size up to 256', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    // In an ICO directory a width of 0 means 256.
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256).sort((a, b) => a - b);
    expect(sizes).toEqual([...ICO_SIZES].sort((a, b) => a - b));
  });

  it('give macOS an .icns with every size up to 1024', () => {
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString('latin1'));
    for (const [type] of ICNS_ENTRIES) expect(types).toContain(type);
  });
});

const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' });
const noMakensis = makensis.error ? 'makensis is not installed (Debian package nsis)' : undefined;
if (noMakensis) console.log(`NSIS include check skipped: ${noMakensis}.`);

describe.skipIf(noMakensis !== undefined)('the Windows installer include (NSIS)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quizroom-nsis-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Compiles an installer that inserts the include's macros where electron-builder's does. */
  function compile(include: string) {
    const script = join(dir, 'check.nsi');
    writeFileSync(
      script,
      [
        'Unicode true',
        '!define APP_EXECUTABLE_FILENAME "Quizroom.exe"',
        `!include "${include}"`,
        'Name "Quizroom include check"',
        `OutFile "${join(dir, 'check.exe')}"`,
        'RequestExecutionLevel user',
        'Section "Install"',
        '  SetOutPath "$TEMP"',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$TEMP\\uninstall.exe"',
        'SectionEnd',
        'Section "Uninstall"',
        '  !insertmacro customUnInstall',
        'SectionEnd',
      ].join('\n'),
    );
    return spawnSync('makensis', ['-V2', '-WX', script], { encoding: 'utf8', timeout: 60_000 });
  }

  it('compiles with makensis, warnings treated as errors', () => {
    const result = compile(resolve(ROOT, config.nsis.include));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('is a check that fails on a broken script', () => {
    const broken = join(dir, 'broken.nsh');
    writeFileSync(
      broken,
      readFileSync(resolve(ROOT, config.nsis.include), 'utf8').replace(/!macroend\s*$/, ''),
    );
    expect(compile(broken).status).not.toBe(0);
  });
});

describe('electron-builder for the Linux targets', () => {
  let dir = '';
  const computed: { deb?: string[]; appImage?: { desktop: string; desktopFileName: string } } = {};

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'quizroom-package-'));
    const { build, Platform, Arch } = await import('electron-builder');
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget(['deb', 'AppImage'], Arch.x64),
      config: {
        extends: resolve(ROOT, 'electron-builder.yml'),
        electronDist: stubElectronDist(dir),
        electronVersion: STUB_ELECTRON_VERSION,
        electronFuses: null,
        npmRebuild: false,
        directories: { output: join(dir, 'release') },
      },
      // Called by each target once its checks have passed, right before it would download and
      // run its tool; true stops it there.
      effectiveOptionComputed: async (options: unknown) => {
        if (Array.isArray(options)) computed.deb = options[0] as string[];
        else if (options && typeof options === 'object' && 'desktop' in options)
          computed.appImage = options as { desktop: string; desktopFileName: string };
        return true;
      },
    });
    console.log(
      'electron-builder passed its checks for deb and AppImage; stopped before fpm and the AppImage kit, ' +
        'which it would download (no internet here).',
    );
  }, 360_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const arg = (name: string) => computed.deb?.[computed.deb.indexOf(name) + 1];

  it('gets the deb past its metadata checks: name, maintainer, homepage', () => {
    expect(computed.deb).toBeDefined();
    expect(arg('--name')).toBe('quizroom');
    expect(arg('--maintainer')).toBe(config.linux.maintainer);
    expect(arg('--url')).toBe(pkg.homepage);
  });

  it('installs the icons in every size in the deb', () => {
    const icons = (computed.deb ?? []).filter((a) => a.includes('/usr/share/icons/hicolor/'));
    for (const size of PNG_SIZES.filter((s) => s <= 512))
      expect(
        icons.some((a) => a.endsWith(`/hicolor/${size}x${size}/apps/quizroom.png`)),
        `${size}`,
      ).toBe(true);
  });

  it('gives the AppImage a desktop entry that keeps the sandbox on', () => {
    expect(computed.appImage?.desktop).toMatch(/^Exec=AppRun %U$/m);
    expect(computed.appImage?.desktop).not.toContain('--no-sandbox');
    expect(computed.appImage?.desktop).toMatch(/^Icon=quizroom$/m);
  });
});
