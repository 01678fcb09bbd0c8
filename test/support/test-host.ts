/**
 * A real QuizServer on 127.0.0.1 with a fake game clock, and QuizClients (with the `ws` package)
 * that talk to it: the in-process multiplayer setup of the integration tests.
 */
import WebSocket from 'ws';
import { QuizClient, type QuizClientOptions } from '../../src/shared/client/quiz-client';
import type { ClientView } from '../../src/shared/client/client-view';
import type { ServerMessage, ServerMessageType } from '../../src/shared/protocol';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { QuizSchema } from '../../src/shared/quiz/quiz-schema';
import { QuizServer, type QuizServerOptions } from '../../src/main/server/quiz-server';
import { FakeClock } from './fake-clock';
import { waitFor } from './wait';

export const TEST_QUIZ: Quiz = QuizSchema.parse({
  title: 'Test quiz',
  questions: [
    { kind: 'choice', prompt: 'One?', options: ['a', 'b', 'c', 'd'], correct: 0 },
    { kind: 'choice', prompt: 'Two?', options: ['a', 'b', 'c', 'd'], correct: 1 },
    { kind: 'choice', prompt: 'Three?', options: ['True', 'False'], correct: 1, points: 2000 },
  ],
});

export interface TestClient {
  client: QuizClient;
  messages: ServerMessage[];
  view(): ClientView;
  waitFor<T extends ServerMessageType>(
    type: T,
    match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  waitView(check: (v: ClientView) => boolean, what: string): Promise<ClientView>;
}

export class TestHost {
  readonly clock = new FakeClock();
  readonly server: QuizServer;
  private readonly clients: QuizClient[] = [];

  constructor(options: Partial<QuizServerOptions> = {}) {
    this.server = new QuizServer({
      quiz: TEST_QUIZ,
      roomName: 'Test room',
      port: 0,
      bind: '127.0.0.1',
      staticDir: null,
      clock: this.clock,
      ...options,
      // Every client here comes from 127.0.0.1: tests of the per-address cap set it themselves
      // (or bind their sockets to 127.0.0.x).
      settings: { maxPlayersPerAddress: 10_000, ...options.settings },
    });
  }

  async start(): Promise<this> {
    await this.server.listen();
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.server.port}/ws`;
  }

  /** A QuizClient, with a resume or host token; `options` may give it its own clock (`now`). */
  client(token?: string, options: Partial<QuizClientOptions> = {}): TestClient {
    const client = new QuizClient({
      url: this.url,
      WebSocket: WebSocket as never,
      token: token ?? null,
      backoffMs: [50, 100, 200],
      ...options,
    });
    this.clients.push(client);
    const messages: ServerMessage[] = [];
    client.onMessage((m) => messages.push(m));
    client.connect();
    const tc: TestClient = {
      client,
      messages,
      view: () => client.view,
      waitFor: (type, match) =>
        waitFor(
          () => messages.find((m) => m.type === type && (!match || match(m as never))) as never,
          `a "${type}" message`,
        ),
      waitView: (check, what) => waitFor(() => (check(client.view) ? client.view : undefined), what),
    };
    return tc;
  }

  /** A client that has joined under `name`. */
  async player(name: string): Promise<TestClient> {
    const c = this.client();
    await c.waitView((v) => v.ready, `${name} to get a snapshot`);
    c.client.join(name);
    await c.waitView((v) => v.you?.name === name, `${name} to join`);
    return c;
  }

  async hostClient(): Promise<TestClient> {
    const c = this.client(this.server.hostToken);
    await c.waitView((v) => v.ready && v.role === 'host', 'the host to connect');
    return c;
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.close();
    await this.server.close();
  }
}
