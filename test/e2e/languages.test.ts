/**
 * The phone in other languages, at the brief's small size (375×667). In Arabic every phone screen
 * (join, lobby, each answer pad, result, final) is right to left: `dir=rtl` on the page, Arabic
 * text, a leading element on the right, nothing to scroll, nothing cut off; a screenshot of each
 * is kept. In German and Spanish, whose texts run longest, the same screens fit. The host's
 * screen stays in English (its browser says so).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QuizSchema, type Quiz } from '../../src/shared/quiz/quiz-schema';
import { capture } from './support/audit';
import { PROJECTOR } from './support/browser';
import { escape, heading, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

const QUIZ: Quiz = QuizSchema.parse({
  title: 'Languages',
  questions: [
    {
      kind: 'choice',
      prompt: 'Which planet has rings?',
      options: ['Saturn', 'Mercury', 'Venus', 'Mars'],
      correct: 0,
    },
    {
      kind: 'multi_select',
      prompt: 'Which are mammals?',
      options: ['Whale', 'Shark', 'Bat', 'Trout'],
      correct: [0, 2],
    },
    { kind: 'typed', prompt: 'Which metal is liquid?', accepted: ['Mercury'] },
    {
      kind: 'number',
      prompt: 'How many legs has a spider?',
      min: 0,
      max: 20,
      step: 1,
      correct: 8,
      tolerance: 2,
    },
    { kind: 'ordering', prompt: 'Smallest to largest', items: ['Atom', 'Cell', 'Mouse', 'Elephant'] },
  ],
});

const PROMPTS = QUIZ.questions.map((q) => q.prompt);

function smallPhone(locale: string) {
  return {
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  };
}

/** The page's language and direction as the document states them. */
async function pageLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { lang: string; dir: string } } })
      .document.documentElement;
    return { lang: root.lang, dir: root.dir };
  });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return { left: b.x, right: b.x + b.width, top: b.y };
}

/** Where an element's text itself is (not its box, which may be as wide as its parent). */
async function textBox(locator: Locator) {
  return locator.evaluate((el) => {
    const doc = (
      el as unknown as {
        ownerDocument: {
          createRange(): {
            selectNodeContents(n: unknown): void;
            getBoundingClientRect(): { left: number; right: number };
          };
        };
      }
    ).ownerDocument;
    const range = doc.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
}

async function fits(page: Page, name: string): Promise<void> {
  expect(await misfits(page), name).toEqual([]);
  await capture(page, name);
}

/**
 * Words on a phone that are not the interface's: the quiz's own (English) texts, the host's room
 * name, the brand, and each language's own name in the language switch.
 */
const NOT_INTERFACE = [
  ...PROMPTS,
  ...['Saturn', 'Mercury', 'Venus', 'Mars', 'Whale', 'Shark', 'Bat', 'Trout'],
  ...['Atom', 'Cell', 'Mouse', 'Elephant', 'Languages'],
  ...['Quizroom', 'English', 'Español', 'Deutsch'],
  // The test host's room name (test/e2e/support/e2e-host.ts).
  'Friday quiz',
];

/** The visible text of the screen, less the words that are not the interface's. */
async function interfaceText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  // Case aside: a kicker may set a title in capitals.
  return NOT_INTERFACE.reduce((rest, word) => rest.replace(new RegExp(escape(word), 'gi'), ' '), text);
}

const ARABIC = /[\u0600-\u06FF]/;

async function expectArabic(page: Page, what: string): Promise<void> {
  expect(await pageLanguage(page), what).toEqual({ lang: 'ar', dir: 'rtl' });
  const text = await interfaceText(page);
  expect(text, what).toMatch(ARABIC);
  // No English sentence left over: at most a stray Latin letter (a unit, a key name).
  expect(text.match(/[A-Za-z]{4,}/g) ?? [], what).toEqual([]);
}

describe('the phone in Arabic', () => {
  const { host, open } = useBrowserAndHost({ quiz: QUIZ, settings: { countdownSeconds: 0 } });

  it('shows every phone screen right to left, whole and unscrolled', { timeout: 240_000 }, async () => {
    const h = host();
    const projector = await open(PROJECTOR);
    await projector.goto(h.hostUrl);
    const phone = await open(smallPhone('ar-EG'));

    // Join: the browser's language is taken; the label sits on the right, where Arabic starts.
    await phone.goto(h.playerUrl);
    const nickname = phone.getByLabel('الاسم المستعار');
    await visible(nickname);
    await expectArabic(phone, 'join');
    const label = await textBox(phone.locator('label[for="join-nickname"]'));
    const input = await box(nickname);
    expect(label.right).toBeGreaterThan(input.right - 4);
    expect(label.left).toBeGreaterThan(input.left + 40);
    // In the language switch the label leads, so it stands to the right of its select.
    const switchLabel = await textBox(phone.locator('label[for="join-language"]'));
    const select = await box(phone.locator('#join-language'));
    expect(switchLabel.left).toBeGreaterThanOrEqual(select.right);
    await fits(phone, 'ar-phone-join');
    await nickname.fill('ليلى');
    await phone.getByRole('button', { name: 'انضم', exact: true }).tap();

    // Lobby.
    await visible(heading(phone, /ليلى/));
    await expectArabic(phone, 'lobby');
    await fits(phone, 'ar-phone-lobby');

    await projector.getByRole('button', { name: 'Start game' }).click();
    let asked = 0;
    const next = async (last = false) => {
      asked += 1;
      await visible(phone.locator('.reveal'));
      await expectArabic(phone, 'result');
      await fits(phone, `ar-phone-result-${asked}`);
      if (last) return;
      await projector.getByRole('button', { name: 'Show leaderboard' }).click();
      await projector.getByRole('button', { name: 'Next question' }).click();
    };

    // Choice: the first tile is on the right of the second (the grid follows the reading direction).
    await visible(heading(phone, PROMPTS[0]!));
    await expectArabic(phone, 'choice');
    const first = await box(phone.locator('.option').nth(0));
    const second = await box(phone.locator('.option').nth(1));
    expect(first.left).toBeGreaterThan(second.left);
    await fits(phone, 'ar-phone-choice');
    await phone.locator('.option').nth(0).tap();
    await next();

    // Several answers: toggle two, then send.
    await visible(heading(phone, PROMPTS[1]!));
    await expectArabic(phone, 'multi-select');
    await fits(phone, 'ar-phone-multi-select');
    await phone.getByRole('button', { name: 'Whale', exact: true }).tap();
    await phone.getByRole('button', { name: 'Bat', exact: true }).tap();
    await phone.getByRole('button', { name: 'أرسل اختيارين' }).tap();
    await next();

    // Typed.
    await visible(heading(phone, PROMPTS[2]!));
    await expectArabic(phone, 'typed');
    await fits(phone, 'ar-phone-typed');
    await phone.getByLabel('إجابتك').fill('Mercury');
    await phone.getByRole('button', { name: 'أرسل الإجابة' }).tap();
    await next();

    // Number: the slider and its range.
    await visible(heading(phone, PROMPTS[3]!));
    await expectArabic(phone, 'number');
    await fits(phone, 'ar-phone-number');
    await phone.getByRole('button', { name: 'أرسل الإجابة' }).tap();
    await next();

    // Ordering.
    await visible(heading(phone, PROMPTS[4]!));
    await expectArabic(phone, 'ordering');
    await fits(phone, 'ar-phone-ordering');
    await phone.getByRole('button', { name: 'أرسل الإجابة' }).tap();
    await next(true);

    // Final.
    await projector.getByRole('button', { name: 'Show final results' }).click();
    await visible(phone.getByText('شكرًا على اللعب', { exact: false }));
    await expectArabic(phone, 'final');
    await fits(phone, 'ar-phone-final');

    // The host's screen kept its own language.
    expect(await pageLanguage(projector)).toEqual({ lang: 'en', dir: 'ltr' });
  });
});

describe('the phone in German and Spanish', () => {
  const { host, open } = useBrowserAndHost({ quiz: QUIZ, settings: { countdownSeconds: 0 } });

  it('fits the longest texts on a small phone', { timeout: 240_000 }, async () => {
    const h = host();
    const projector = await open(PROJECTOR);
    await projector.goto(h.hostUrl);
    const de = await open(smallPhone('de-DE'));
    const es = await open(smallPhone('es-ES'));
    const both = [
      [de, 'de', 'Spitzname', 'Beitreten', 'Antwort senden'],
      [es, 'es', 'Apodo', 'Unirse', 'Enviar respuesta'],
    ] as const;

    for (const [page, lang, nick, joinLabel] of both) {
      await page.goto(h.playerUrl);
      await visible(page.getByLabel(nick));
      expect(await pageLanguage(page)).toEqual({ lang, dir: 'ltr' });
      await fits(page, `${lang}-phone-join`);
      await page.getByLabel(nick).fill(lang === 'de' ? 'Maximiliane' : 'Guadalupe');
      await page.getByRole('button', { name: joinLabel, exact: true }).tap();
    }
    await visible(heading(de, /Maximiliane/));
    await visible(heading(es, /Guadalupe/));
    for (const [page, lang] of both) await fits(page, `${lang}-phone-lobby`);

    await projector.getByRole('button', { name: 'Start game' }).click();
    for (let i = 0; i < PROMPTS.length; i++) {
      for (const [page, lang] of both) {
        await visible(heading(page, PROMPTS[i]!));
        await fits(page, `${lang}-phone-question-${i + 1}`);
      }
      for (const [page, , , , send] of both) {
        const kind = QUIZ.questions[i]!.kind;
        if (kind === 'choice') await page.locator('.option').nth(0).tap();
        else if (kind === 'multi_select') {
          await page.getByRole('button', { name: 'Whale', exact: true }).tap();
          await page.locator('.pad__send').tap();
        } else {
          if (kind === 'typed') await page.locator('#typed-answer').fill('Mercury');
          await page.getByRole('button', { name: send }).tap();
        }
      }
      for (const [page, lang] of both) {
        await visible(page.locator('.reveal'));
        await fits(page, `${lang}-phone-result-${i + 1}`);
      }
      if (i < PROMPTS.length - 1) {
        await projector.getByRole('button', { name: 'Show leaderboard' }).click();
        for (const [page, lang] of both) {
          await visible(page.locator('.leaderboard'));
          await fits(page, `${lang}-phone-leaderboard-${i + 1}`);
        }
        await projector.getByRole('button', { name: 'Next question' }).click();
      }
    }
    await projector.getByRole('button', { name: 'Show final results' }).click();
    for (const [page, lang] of both) {
      await visible(page.locator('.final__wait'));
      await fits(page, `${lang}-phone-final`);
    }
  });
});
