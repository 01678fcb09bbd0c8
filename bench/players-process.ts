/**
 * Child process: N simulated players (see crowd.ts) against a host or the floor server, driven by
 * the orchestrator: "enter" (join storm or plain connects), then in a game they play by themselves
 * and report "game-done"; against the floor they report each question that reached everyone and
 * answer all at once on "burst". "summary" returns the tallies, "leave" closes every socket.
 */
import { configArg, onCommand, tellParent } from './child-link';
import { Crowd, type CrowdConfig } from './crowd';
import { ownCpuUs } from './machine-load';

function main(): void {
  const config = configArg<CrowdConfig>();
  const crowd = new Crowd(config);
  crowd.onQuestionEverywhere((index) => tellParent({ type: 'received', index }));

  onCommand(async (command) => {
    switch (command.cmd) {
      case 'enter':
        await crowd.enter(Number(command.timeoutMs));
        tellParent({ type: 'entered' });
        if (config.mode === 'game') {
          void crowd.allDone().then(() => tellParent({ type: 'game-done' }));
        }
        return;
      case 'burst':
        await crowd.answerAll(Number(command.index));
        tellParent({ type: 'burst-done' });
        return;
      case 'summary':
        tellParent({ type: 'summary', summary: crowd.summary(), cpuUs: ownCpuUs() });
        return;
      case 'leave':
        crowd.leave();
        tellParent({ type: 'left' });
        setTimeout(() => process.exit(0), 50);
        return;
      default:
        throw new Error(`Unknown command "${command.cmd}".`);
    }
  });
  tellParent({ type: 'ready' });
}

main();
