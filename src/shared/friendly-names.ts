/**
 * Friendly generated nicknames, "Adjective Animal" ("Brave Otter"): what the phone's join screen
 * offers, and, when a room takes only generated names, what the host accepts. The lists are kept
 * here rather than taken from a name-generator package because those lists are written for
 * project code names, not classrooms (they hold words such as "naked" or "drunk"): every word
 * here was chosen to be kind, plain English, and short enough that any pair fits a nickname.
 * No zod and no tables: phones import this file.
 */
export const FRIENDLY_ADJECTIVES = [
  'Agile',
  'Amber',
  'Bold',
  'Brave',
  'Breezy',
  'Bright',
  'Brisk',
  'Bubbly',
  'Calm',
  'Cheerful',
  'Clever',
  'Cosmic',
  'Cozy',
  'Curious',
  'Daring',
  'Dazzling',
  'Eager',
  'Fancy',
  'Fearless',
  'Friendly',
  'Fuzzy',
  'Gentle',
  'Giddy',
  'Glad',
  'Golden',
  'Happy',
  'Helpful',
  'Honest',
  'Jolly',
  'Kind',
  'Lively',
  'Lucky',
  'Merry',
  'Mighty',
  'Nimble',
  'Noble',
  'Peppy',
  'Plucky',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Radiant',
  'Rapid',
  'Shiny',
  'Silly',
  'Sleepy',
  'Smart',
  'Snappy',
  'Sparkly',
  'Speedy',
  'Spry',
  'Steady',
  'Sunny',
  'Swift',
  'Tidy',
  'Trusty',
  'Upbeat',
  'Valiant',
  'Witty',
  'Wise',
  'Zany',
  'Zesty',
  'Zippy',
] as const;

export const FRIENDLY_ANIMALS = [
  'Alpaca',
  'Badger',
  'Beaver',
  'Bison',
  'Bunny',
  'Camel',
  'Cheetah',
  'Chipmunk',
  'Crane',
  'Dolphin',
  'Duck',
  'Eagle',
  'Falcon',
  'Ferret',
  'Finch',
  'Flamingo',
  'Fox',
  'Gazelle',
  'Gecko',
  'Giraffe',
  'Goose',
  'Hamster',
  'Hedgehog',
  'Heron',
  'Hippo',
  'Ibis',
  'Iguana',
  'Jaguar',
  'Koala',
  'Lemur',
  'Leopard',
  'Lion',
  'Llama',
  'Lobster',
  'Lynx',
  'Meerkat',
  'Mole',
  'Moose',
  'Narwhal',
  'Newt',
  'Ocelot',
  'Octopus',
  'Orca',
  'Otter',
  'Owl',
  'Panda',
  'Parrot',
  'Pelican',
  'Penguin',
  'Puffin',
  'Quokka',
  'Rabbit',
  'Raccoon',
  'Robin',
  'Salmon',
  'Seal',
  'Sloth',
  'Squirrel',
  'Swan',
  'Tiger',
  'Toucan',
  'Turtle',
  'Walrus',
  'Wombat',
  'Yak',
  'Zebra',
] as const;

const ADJECTIVES: ReadonlySet<string> = new Set(FRIENDLY_ADJECTIVES);
const ANIMALS: ReadonlySet<string> = new Set(FRIENDLY_ANIMALS);

/** How many different names the generator can give. */
export const FRIENDLY_NAME_COUNT = FRIENDLY_ADJECTIVES.length * FRIENDLY_ANIMALS.length;

/** A generated name; `random` returns numbers in [0, 1), as Math.random does. */
export function friendlyName(random: () => number = Math.random): string {
  const pick = <T>(list: readonly T[]): T =>
    list[Math.min(list.length - 1, Math.floor(random() * list.length))]!;
  return `${pick(FRIENDLY_ADJECTIVES)} ${pick(FRIENDLY_ANIMALS)}`;
}

/** Whether `name` is one the generator gives (exactly: one adjective, one space, one animal). */
export function isFriendlyName(name: string): boolean {
  const parts = name.split(' ');
  return parts.length === 2 && ADJECTIVES.has(parts[0]!) && ANIMALS.has(parts[1]!);
}
