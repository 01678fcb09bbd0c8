/**
 * Makes every app icon from the one drawing, build/icon.svg: the PNG sizes Linux takes
 * (build/icons/NxN.png), the 1024 px build/icon.png, the Windows build/icon.ico and the macOS
 * build/icon.icns. The results are committed; run `npm run icons` after changing the drawing
 * (test/desktop/packaging-config.test.ts checks that the committed files are what this makes).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entries in the order iconutil writes them: type, pixel size. */
export const ICNS_ENTRIES = [
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic04', 16],
  ['ic14', 512],
  ['ic09', 512],
  ['ic05', 32],
  ['ic10', 1024],
  ['ic11', 32],
] as const;

export interface IconFiles {
  /** Relative path inside build/ -> bytes. */
  [path: string]: Uint8Array;
}

export async function makeIcons(svg: string): Promise<IconFiles> {
  const png = new Map<number, Uint8Array>();
  for (const size of PNG_SIZES) {
    png.set(size, new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  }
  const files: IconFiles = {};
  for (const size of PNG_SIZES) files[`icons/${size}x${size}.png`] = png.get(size)!;
  files['icon.png'] = png.get(1024)!;
  const ico = new IconIco();
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(png.get(size)!, true, true);
  files['icon.ico'] = ico.encode();
  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_ENTRIES) await icns.addFromPng(png.get(size)!, [type], true);
  files['icon.icns'] = icns.encode();
  return files;
}

export const BUILD_DIR = resolve(__dirname, '../build');

async function main(): Promise<void> {
  const files = await makeIcons(await readFile(join(BUILD_DIR, 'icon.svg'), 'utf8'));
  await mkdir(join(BUILD_DIR, 'icons'), { recursive: true });
  for (const [path, bytes] of Object.entries(files)) {
    await writeFile(join(BUILD_DIR, path), bytes);
    console.log(`build/${path}: ${bytes.length} bytes`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error('Could not make the icons:', e);
    process.exit(1);
  });
}
