/**
 * One person's past games, followed across the saved reports by their identity (settings
 * `identity`: a class-list name or a typed identifier), matched as the class list matches names:
 * ignoring case, accents and spacing (roster-key.ts). Newest first.
 */
import type { PersonGame, PersonHistoryResult } from '../../shared/api/quiz-api';
import { rosterKey } from '../../shared/roster/roster-key';
import type { ReportStore } from './report-store';

export async function personHistory(store: ReportStore, identity: string): Promise<PersonHistoryResult> {
  const key = rosterKey(identity);
  const games: PersonGame[] = [];
  let spelled: string | null = null;
  let skipped = 0;
  for (const listed of await store.list()) {
    if (listed.status !== 'ok') {
      skipped++;
      continue;
    }
    let report;
    try {
      report = await store.read(listed.id);
    } catch {
      skipped++;
      continue;
    }
    const player = report.players.find((p) => p.identity !== undefined && rosterKey(p.identity) === key);
    if (!player) continue;
    // The list is newest first: the first spelling found is the latest.
    spelled ??= player.identity ?? identity;
    games.push({
      reportId: listed.id,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      quizTitle: report.quiz.title,
      roomName: report.roomName,
      name: player.name,
      score: player.score,
      rank: player.rank,
      correctCount: player.correctCount,
      questionCount: report.questions.length,
      playerCount: report.players.length,
    });
  }
  return { ok: true, identity: spelled ?? identity.trim(), games, skipped };
}
