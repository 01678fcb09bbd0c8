/**
 * The server thread's script (see server-thread.ts): opens the room described in `workerData`,
 * reports it ready (or why it could not open), passes the server's events on, batched by turn of
 * the event loop so that 5,000 answers make a handful of messages, and closes when told to,
 * ending the thread by itself.
 * Only plain data crosses: a finished game comes over as its report, built here from the engine's
 * record, never as the engine's state.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MediaStore } from '../media/media-store';
import type { ServerEvent } from './server-events';
import { QuizServer } from './quiz-server';
import {
  describeThreadError,
  type FromServerThread,
  type ServerStart,
  type ServerStatus,
  type ToServerThread,
} from './server-thread';

function post(message: FromServerThread): void {
  parentPort!.postMessage(message);
}

function currentStatus(server: QuizServer): ServerStatus {
  return { health: server.health() };
}

async function main(): Promise<void> {
  const spec = workerData as ServerStart;
  let server: QuizServer;
  try {
    const media = spec.options.mediaDir ? { media: new MediaStore(spec.options.mediaDir) } : {};
    if (spec.kind === 'resume') {
      const { mediaDir: _dir, ...options } = spec.options;
      server = QuizServer.resume(
        spec.path,
        { ...options, ...media },
        { acceptDamageAt: spec.acceptDamageAt ?? null },
      );
    } else {
      const { mediaDir: _dir, ...options } = spec.options;
      server = new QuizServer({ ...options, ...media });
    }
    await server.listen();
  } catch (e) {
    post({ type: 'failed', error: describeThreadError(e) });
    return;
  }

  let batch: ServerEvent[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    post({ type: 'events', events, status: currentStatus(server) });
  };
  server.events.on('event', (event) => {
    // Nothing on the host side follows single answers: 5,000 of them would cross for nothing.
    if (event.kind === 'answered') return;
    if (batch.length === 0) setImmediate(flush);
    batch.push(event);
    // A finished game's report goes at once: the host side saves it.
    if (event.kind === 'game_over') flush();
  });
  // Once closed, nothing keeps this thread's event loop alive (the port is unref'd when its last
  // 'message' listener goes), so the thread ends by itself.
  const onMessage = (m: ToServerThread) => {
    if (m.type !== 'close') return;
    parentPort!.off('message', onMessage);
    void server.close().then(() => post({ type: 'closed' }));
  };
  parentPort!.on('message', onMessage);
  post({
    type: 'ready',
    facts: {
      port: server.port,
      hostToken: server.hostToken,
      pin: server.pin,
      room: server.room,
      quiz: server.game.quiz,
      journalPath: server.journalPath,
    },
    ...currentStatus(server),
  });
}

void main();
