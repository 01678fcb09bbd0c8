/**
 * The pictures and sounds of a room this app joined on another computer: the window asks for
 * `/media/<name>` on its own app:// origin (its CSP lets it load nothing from the network), and
 * the main process fetches the name from the joined host's `GET /media/<name>`. The host is a
 * stranger on the network: only media names are asked for, the answer must be a 200 no larger than
 * a media file may be, within a time limit, and its bytes must hash to the name asked for, or
 * nothing is shown. Kept in memory for the room (names never change their bytes), within a budget.
 */
import http from 'node:http';
import { MediaRefSchema } from '../../shared/quiz/quiz-schema';
import { mediaRefOf } from '../media/media-store';
import { MAX_AUDIO_BYTES, MAX_IMAGE_INPUT_BYTES } from '../media/media-limits';

/** The largest file a host may answer with: the larger of a picture's and a sound's limit. */
export const MAX_REMOTE_MEDIA_BYTES = Math.max(MAX_IMAGE_INPUT_BYTES, MAX_AUDIO_BYTES);
/** How long one file may take to arrive. */
export const REMOTE_MEDIA_TIMEOUT_MS = 15_000;
/** The most bytes kept for the joined room; the oldest go first. */
export const REMOTE_MEDIA_CACHE_BYTES = 64 * 1024 * 1024;

export interface RemoteHost {
  address: string;
  port: number;
}

/** GETs `/media/<ref>` from `host`; resolves with its bytes, or undefined for anything but a good answer. */
export function fetchRemoteMedia(host: RemoteHost, ref: string): Promise<Buffer | undefined> {
  if (!MediaRefSchema.safeParse(ref).success) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const req = http.get(
      {
        host: host.address,
        port: host.port,
        path: `/media/${ref}`,
        agent: false,
        signal: AbortSignal.timeout(REMOTE_MEDIA_TIMEOUT_MS),
      },
      (res) => {
        const declared = Number(res.headers['content-length'] ?? 0);
        if (res.statusCode !== 200 || declared > MAX_REMOTE_MEDIA_BYTES) {
          res.resume();
          req.destroy();
          return resolve(undefined);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REMOTE_MEDIA_BYTES) {
            req.destroy();
            resolve(undefined);
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const extension = ref.slice(ref.lastIndexOf('.') + 1);
          // The name is the hash of the bytes: anything else is not the file asked for.
          resolve(mediaRefOf(bytes, extension) === ref ? bytes : undefined);
        });
        res.on('error', () => resolve(undefined));
      },
    );
    req.on('error', () => resolve(undefined));
  });
}

/** The joined room's media, fetched once each and kept within REMOTE_MEDIA_CACHE_BYTES. */
export class RemoteMedia {
  private host: RemoteHost | null = null;
  /** By name, oldest first; `size` is 0 until the bytes are here. */
  private readonly kept = new Map<string, { bytes: Promise<Buffer | undefined>; size: number }>();
  private keptBytes = 0;

  constructor(private readonly fetch: typeof fetchRemoteMedia = fetchRemoteMedia) {}

  /** The room joined (null: none); another room starts from nothing. */
  setHost(host: RemoteHost | null): void {
    if (host?.address === this.host?.address && host?.port === this.host?.port) return;
    this.host = host;
    this.kept.clear();
    this.keptBytes = 0;
  }

  /** The file named `ref` from the joined room, or undefined (no room, or no good answer). */
  get(ref: string): Promise<Buffer | undefined> {
    const host = this.host;
    if (!host) return Promise.resolve(undefined);
    const known = this.kept.get(ref);
    if (known) return known.bytes;
    const entry = { bytes: Promise.resolve<Buffer | undefined>(undefined), size: 0 };
    entry.bytes = this.fetch(host, ref).then((bytes) => {
      // Another room was joined meanwhile: these bytes are not kept.
      if (this.kept.get(ref) !== entry) return bytes;
      // A failed fetch is not kept: the next showing asks again.
      if (!bytes) {
        this.kept.delete(ref);
        return undefined;
      }
      entry.size = bytes.length;
      this.keptBytes += bytes.length;
      this.trim();
      return bytes;
    });
    this.kept.set(ref, entry);
    return entry.bytes;
  }

  /** How many bytes are kept (for tests and the budget). */
  get size(): number {
    return this.keptBytes;
  }

  /** Drops the oldest files that are here until the kept ones fit the budget. */
  private trim(): void {
    for (const [ref, entry] of this.kept) {
      if (this.keptBytes <= REMOTE_MEDIA_CACHE_BYTES) return;
      if (entry.size === 0) continue;
      this.kept.delete(ref);
      this.keptBytes -= entry.size;
    }
  }
}
