/**
 * Preloaded (`node --require tsx/cjs --require this-file main.js`): every `require('electron')`
 * of the process gets the call-recording stand-in (electron-stand-in.ts) instead of the
 * package, whose own index only knows the path of a binary that cannot be had here.
 */
import Module from 'node:module';
import { join } from 'node:path';

// Loaded as CommonJS (the package has no "type"), so __dirname is this folder.
const standIn = join(__dirname, 'electron-stand-in.ts');
type Resolve = (this: unknown, request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standIn : resolveFilename.call(this, request, ...rest);
};
