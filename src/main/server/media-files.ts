/**
 * Serves the quiz's pictures and sounds as `/media/<name>`, where the name is the SHA-256 of the
 * file's bytes and its extension (see MediaStore). Only names the current quiz uses are served
 * (anything else is 404, whatever the store holds), GET and HEAD only, with the page's headers
 * (PAGE_HEADERS). A name always means the same bytes, so a phone may keep a file for a year without
 * asking again (`immutable`), and the hash is its ETag. A name is a hash: it says nothing of the
 * picture, and nothing of which option is right.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaStore } from '../media/media-store';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { PAGE_HEADERS } from './static-files';

export const MEDIA_PREFIX = '/media/';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
};

/** A media name as it may appear in a path: exactly what MediaRefSchema takes, nothing decoded. */
const NAME = /^([0-9a-f]{64})\.(png|jpg|webp|gif|mp3|ogg|wav|m4a)$/;

/** The quiz's media: the room's store, and the names the quiz (as it is now) uses. */
export interface RoomMedia {
  store: MediaStore;
  quiz(): Quiz;
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
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...PAGE_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const name = pathname.slice(MEDIA_PREFIX.length);
  const match = NAME.exec(name);
  if (!media || !match || !mediaOfQuiz(media.quiz()).has(name)) return notFound(res);
  const [, hash, extension] = match;
  const file = media.store.pathOf(name);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound(res);
    size = info.size;
  } catch {
    return notFound(res);
  }
  const etag = `"${hash}"`;
  const headers = {
    ...PAGE_HEADERS,
    'Content-Type': TYPES[extension!] ?? 'application/octet-stream',
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
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
