/**
 * Every message of the interface, by area. An area is one file in `messages/`; its keys become
 * `<area>.<key>` here. Add an area by importing its file and adding it to AREAS.
 */
import type { Locale } from './locales';
import { common } from './messages/common';
import { home } from './messages/home';
import { host } from './messages/host';
import { join } from './messages/join';
import { editor } from './messages/editor';
import { extraTime } from './messages/extra-time';
import { failure } from './messages/failure';
import { library } from './messages/library';
import { lobby } from './messages/lobby';
import { media } from './messages/media';
import { mediaPlay } from './messages/media-play';
import { network } from './messages/network';
import { play } from './messages/play';
import { remote } from './messages/remote';
import { reports } from './messages/reports';
import { results } from './messages/results';
import { room } from './messages/room';
import { roster } from './messages/roster';
import { settings } from './messages/settings';
import { setup } from './messages/setup';
import { teams } from './messages/teams';

const AREAS = {
  common,
  editor,
  extraTime,
  failure,
  home,
  host,
  join,
  library,
  lobby,
  media,
  mediaPlay,
  network,
  play,
  remote,
  reports,
  results,
  room,
  roster,
  settings,
  setup,
  teams,
} as const;

type Areas = typeof AREAS;
export type MessageId = {
  [A in keyof Areas]: `${A & string}.${keyof Areas[A]['en'] & string}`;
}[keyof Areas];

const cache = new Map<Locale, Record<string, string>>();

/** The flat table `<area>.<key>` → text for one language. */
export function messagesFor(locale: Locale): Record<string, string> {
  let table = cache.get(locale);
  if (!table) {
    table = {};
    for (const [area, messages] of Object.entries(AREAS))
      for (const [key, text] of Object.entries(messages[locale] as Record<string, string>))
        table[`${area}.${key}`] = text;
    cache.set(locale, table);
  }
  return table;
}
