/**
 * Child process: the real Quizroom host server (QuizServer on 127.0.0.1, no web player, with or
 * without a game journal in a temporary folder) measured by the bench's probe, on a worker
 * thread with the V8 limits the app gives its server thread (src/main/server/server-thread.ts).
 * It answers the orchestrator's commands: memory samples, the probe's report, and closing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QuizServer } from '../src/main/server/quiz-server';
import { benchQuiz, benchSettings } from './bench-quiz';
import { SERVER_RESOURCE_LIMITS } from '../src/main/server/server-thread';
import { configArg, onCommand, onThread, runOnThread, tellParent } from './child-link';
import { ownCpuUs } from './machine-load';
import { settledMemory } from './process-memory';
import { ServerProbe } from './server-probe';

export interface HostConfig {
  players: number;
  questions: number;
  /** Keep a game journal, as the headless host does by default (`npm run host`). */
  journal: boolean;
  /** Replace the server's send-slice budget (ms; Infinity: every fan-out in one go), for comparisons. */
  sliceMs?: number | null;
}

async function main(): Promise<void> {
  const config = configArg<HostConfig>();
  const journalDir = config.journal ? mkdtempSync(join(tmpdir(), 'quizroom-bench-journal-')) : null;
  const server = new QuizServer({
    quiz: benchQuiz(config.questions),
    roomName: 'Load benchmark',
    port: 0,
    bind: '127.0.0.1',
    staticDir: null,
    // Every simulated player comes from 127.0.0.1.
    maxConnectionsPerAddress: config.players + 16,
    maxSockets: config.players + 64,
    settings: benchSettings(config.players),
    journalDir,
    ...(config.sliceMs != null ? { sendSliceMs: config.sliceMs } : {}),
  });
  const probe = new ServerProbe(server);
  const port = await server.listen();

  onCommand(async (command) => {
    switch (command.cmd) {
      case 'baseline': {
        const memory = await settledMemory();
        probe.startLoopMonitor();
        tellParent({ type: 'baseline', memory });
        return;
      }
      case 'memory': {
        probe.pauseLoopMonitor();
        const memory = await settledMemory();
        probe.resumeLoopMonitor();
        tellParent({ type: 'memory', memory, players: server.game.players.size });
        return;
      }
      case 'report':
        tellParent({
          type: 'report',
          probe: probe.report(),
          rssBytes: process.memoryUsage().rss,
          cpuUs: ownCpuUs(),
        });
        return;
      case 'close':
        await server.close();
        probe.dispose();
        if (journalDir) rmSync(journalDir, { recursive: true, force: true });
        tellParent({ type: 'closed' });
        setTimeout(() => process.exit(0), 50);
        return;
      default:
        throw new Error(`Unknown command "${command.cmd}".`);
    }
  });
  tellParent({ type: 'ready', port, hostToken: server.hostToken });
}

if (!onThread) {
  runOnThread(new URL(import.meta.url), SERVER_RESOURCE_LIMITS);
} else {
  main().catch((e: unknown) => {
    tellParent({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 50);
  });
}
