/**
 * Serves the quiz's pictures and sounds as `/media/<name>`, where the name is the SHA-256 of the
 * file's bytes and its extension (see MediaStore). Only names the current quiz uses are served
 * (anything else is 404, whatever the store holds), GET and HEAD only, with the page's headers
 * (PAGE_HEADERS). A name always means the same bytes, so a phone may keep a file for a year without
 * asking again (`immutable`), and the hash is its ETag. A name is a hash: it says nothing of the
 * picture, and nothing of which option is right. A whole room asks for the same few files at
 * once, and a name always means the same bytes: files are kept in memory once read (up to
 * CACHE_BYTES in all), so the thousandth phone costs a write, not a disk read.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_CONTENT_TYPES, type MediaStore } from '../media/media-store';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { PAGE_HEADERS, readOnlyRequest } from './static-files';

export const MEDIA_PREFIX = '/media/';

/** A media name as it may appear in a path: exactly what MediaRefSchema takes, nothing decoded. */
const NAME = /^([0-9a-f]{64})\.(png|jpg|webp|gif|mp3|ogg|wav|m4a)$/;

/** Bytes of media kept in memory at most; the files read first stay. */
export const CACHE_BYTES = 64 * 1024 * 1024;
/** A file larger than this is streamed from disk each time, never kept. */
const CACHE_FILE_BYTES = 8 * 1024 * 1024;

/** The quiz's media: the room's store, the names the quiz (as it is now) uses, and what is kept in memory. */
export class RoomMedia {
  private readonly kept = new Map<string, Buffer>();
  private keptBytes = 0;

  constructor(
    readonly store: MediaStore,
    readonly quiz: () => Quiz,
  ) {}

  /** The file's bytes if they are kept (or small enough to keep now), else null: stream it. */
  async bytes(name: string, size: number): Promise<Buffer | null> {
    const kept = this.kept.get(name);
    if (kept) return kept;
    if (size > CACHE_FILE_BYTES || this.keptBytes + size > CACHE_BYTES) return null;
    const bytes = await readFile(this.store.pathOf(name));
    if (!this.kept.has(name)) {
      this.kept.set(name, bytes);
      this.keptBytes += bytes.length;
    }
    return bytes;
  }

  /** The size of a kept file, without asking the disk. */
  keptSize(name: string): number | undefined {
    return this.kept.get(name)?.length;
  }
}

const usedByQuiz = new WeakMap<Quiz, ReadonlySet<string>>();

/** Every media name `quiz` uses: its questions' pictures and sounds and its options' pictures. */
export function mediaOfQuiz(quiz: Quiz): ReadonlySet<string> {
  let names = usedByQuiz.get(quiz);
  if (!names) {
    const found = new Set<string>();
    for (const q of quiz.questions) {
      if (q.image) found.add(q.image);
      if (q.audio) found.add(q.audio);
      if ('optionImages' in q && q.optionImages) for (const r of q.optionImages) if (r) found.add(r);
    }
    names = found;
    usedByQuiz.set(quiz, names);
  }
  return names;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** Answers a request for `pathname` (which starts with MEDIA_PREFIX). */
export async function serveMedia(
  media: RoomMedia | null,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (!readOnlyRequest(req, res)) return;
  const name = pathname.slice(MEDIA_PREFIX.length);
  const match = NAME.exec(name);
  if (!media || !match || !mediaOfQuiz(media.quiz()).has(name)) return notFound(res);
  const [, hash, extension] = match;
  const file = media.store.pathOf(name);
  let size = media.keptSize(name);
  if (size === undefined) {
    try {
      const info = await stat(file);
      if (!info.isFile()) return notFound(res);
      size = info.size;
    } catch {
      return notFound(res);
    }
  }
  const etag = `"${hash}"`;
  const headers = {
    ...PAGE_HEADERS,
    'Content-Type': MEDIA_CONTENT_TYPES[extension!] ?? 'application/octet-stream',
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
  };
  const asked = req.headers['if-none-match'];
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const bytes = await media.bytes(name, size).catch(() => null);
  if (bytes) {
    res.end(bytes);
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
