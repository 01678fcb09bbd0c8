/**
 * A look inside the page's Web Audio graph, installed before the page loads: every oscillator the
 * page starts (its wave, the first frequency it is given, when it starts, on the context's clock),
 * the nodes connected straight to the speakers (the master gain), and the contexts made. Nothing
 * is heard or judged by ear: tests read what was scheduled and what the master gain is.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface ProbedOscillator {
  type: string;
  freq: number | null;
  start: number | null;
  /** The last stop time asked for; a stop before the start means it never sounds. */
  stop: number | null;
}

export interface AudioReport {
  contexts: { state: string; currentTime: number }[];
  oscillators: ProbedOscillator[];
  /** The gain of the last node connected to a context's destination (the master), if any. */
  masterGain: number | null;
}

/**
 * `heldBack`: every context starts suspended, as a browser holds audio back until a person clicks
 * or presses a key (the test's own scripts count as such a gesture in Chromium, so the browser's
 * rule cannot be relied on to hold it back in a test).
 */
const probe = (heldBack: boolean) => `(() => {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  const probe = { contexts: [], oscillators: [], masters: [] };
  globalThis.__audioProbe = probe;
  const byParam = new WeakMap();
  globalThis.AudioContext = class extends Context {
    constructor(...args) { super(...args); probe.contexts.push(this); if (${heldBack}) this.suspend(); }
  };
  const createOscillator = Context.prototype.createOscillator;
  Context.prototype.createOscillator = function () {
    const osc = createOscillator.call(this);
    const record = { type: osc.type, freq: null, start: null, stop: null };
    probe.oscillators.push(record);
    byParam.set(osc.frequency, record);
    const start = osc.start;
    osc.start = function (when) { record.type = osc.type; record.start = when ?? this.context.currentTime; return start.apply(this, arguments); };
    const stop = osc.stop;
    osc.stop = function (when) { record.stop = when ?? this.context.currentTime; return stop.apply(this, arguments); };
    return osc;
  };
  const setValueAtTime = AudioParam.prototype.setValueAtTime;
  AudioParam.prototype.setValueAtTime = function (value, time) {
    const record = byParam.get(this);
    if (record && record.freq === null) record.freq = value;
    return setValueAtTime.call(this, value, time);
  };
  const connect = AudioNode.prototype.connect;
  AudioNode.prototype.connect = function (destination) {
    if (destination instanceof AudioDestinationNode) probe.masters.push(this);
    return connect.apply(this, arguments);
  };
})();`;

export async function installAudioProbe(context: BrowserContext, { heldBack = false } = {}): Promise<void> {
  await context.addInitScript({ content: probe(heldBack) });
}

export async function audioReport(page: Page): Promise<AudioReport> {
  return page.evaluate(() => {
    /* eslint-disable @typescript-eslint/no-explicit-any -- the page's own objects, set up by PROBE */
    const probe = (globalThis as any).__audioProbe;
    if (!probe) return { contexts: [], oscillators: [], masterGain: null };
    const master = probe.masters.at(-1);
    return {
      contexts: probe.contexts.map((c: any) => ({ state: c.state, currentTime: c.currentTime })),
      oscillators: probe.oscillators.map((o: any) => ({ ...o })),
      masterGain: master && master.gain ? master.gain.value : null,
    };
  });
}

/** Oscillators of `hz` that will sound (started, not stopped before their start). */
export function sounding(report: AudioReport, hz: number): ProbedOscillator[] {
  return report.oscillators.filter(
    (o) => o.freq === hz && o.start !== null && (o.stop === null || o.stop > o.start),
  );
}
