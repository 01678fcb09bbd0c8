/**
 * Measures LAN discovery on a namespace LAN (see test-lan.ts): time from publish to listed (and to
 * joinable, after /health), and from stop (goodbye) to gone, over N runs with one browser running
 * throughout. Needs root. Run: node --import tsx test/lan/measure-discovery.ts [runs]
 */
import { lanUnsupportedReason, TestLan, type Message, type Program } from './test-lan';

interface Room {
  name: string;
  joinable: boolean;
}

const runs = Number(process.argv[2] ?? 20);
const WAIT_MS = 10_000;

function untilRooms(browser: Program, match: (rooms: Room[]) => boolean, what: string): Promise<Message> {
  const latest = browser.messages.findLastIndex((m) => m.event === 'rooms');
  return browser.waitFor(
    (m) => m.event === 'rooms' && match(m.rooms as Room[]),
    WAIT_MS,
    what,
    Math.max(latest, 0),
  );
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return `${label.padEnd(24)} median ${median.toFixed(1).padStart(7)} ms   worst ${sorted.at(-1)!.toFixed(1).padStart(7)} ms`;
}

async function main(): Promise<void> {
  const unsupported = lanUnsupportedReason();
  if (unsupported) throw new Error(`cannot measure: ${unsupported}`);
  const lan = new TestLan();
  try {
    const hostNs = lan.addNamespace('host');
    const browserNs = lan.addNamespace('browser');
    lan.connect(hostNs, '198.18.0.1/24', browserNs, '198.18.0.2/24');
    const browser = lan.run(browserNs, 'browser.ts');
    const host = lan.run(hostNs, 'host.ts', [JSON.stringify({ manual: true })]);
    await Promise.all([
      browser.waitFor((m) => m.event === 'started', WAIT_MS, 'browser started'),
      host.waitFor((m) => m.event === 'listening', WAIT_MS, 'host listening'),
    ]);

    const listed: number[] = [];
    const joinable: number[] = [];
    const gone: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const name = `Run ${run}`;
      const from = host.messages.length;
      host.send({ cmd: 'update', change: { roomName: name } });
      host.send({ cmd: 'announce' });
      const published = await host.waitFor((m) => m.event === 'announcing', WAIT_MS, 'announcing', from);
      const seen = await untilRooms(browser, (rooms) => rooms.some((r) => r.name === name), `${name} listed`);
      const ready = await untilRooms(
        browser,
        (rooms) => rooms.some((r) => r.name === name && r.joinable),
        `${name} joinable`,
      );
      host.send({ cmd: 'stop' });
      const stopping = await host.waitFor((m) => m.event === 'stopping', WAIT_MS, 'stopping', from);
      const left = await untilRooms(browser, (rooms) => !rooms.some((r) => r.name === name), `${name} gone`);
      listed.push(seen.at - published.at);
      joinable.push(ready.at - published.at);
      gone.push(left.at - stopping.at);
      process.stdout.write('.');
    }
    console.log(`\n${runs} runs, host and browser in two network namespaces joined by a veth pair`);
    console.log(summary('publish -> listed', listed));
    console.log(summary('publish -> joinable', joinable));
    console.log(summary('goodbye -> gone', gone));
  } finally {
    await lan.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
