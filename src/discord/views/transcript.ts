import type { Deck } from '../../content/deck.js';
import type { Debate } from '../../debate/types.js';
import { coachingLines } from './coaching.js';
import { communityVotesMarkdown } from './community.js';
import { controlTranscriptLines } from './controls.js';
import { feedbackMarkdown } from './feedback.js';
import { duration, kindLabel } from './format.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * The whole debate as a Markdown file: motion, sides, every turn with its speech, and the result.
 * `names` maps user ids to display names (falling back to the id).
 */
export const transcriptMarkdown = (deck: Deck, state: Debate, names: ReadonlyMap<string, string>): string => {
  const who = (userId: string) => names.get(userId) ?? `user ${userId}`;
  const side = (id: string) => deck.side(id)?.name ?? id;
  const motion = deck.motion(state.motionId);
  const out: string[] = [
    `# Steelman debate ${state.id}`,
    '',
    `**Motion ${state.motionId}:** ${motion?.text ?? ''}`,
    '',
    `Format: ${deck.format(state.formatId)?.name ?? state.formatId} · ${state.mode} mode · ${state.size} · opened ${iso(state.createdAt)}`,
    '',
    ...deck.sides.map(
      (s) =>
        `- **${s.name}**${motion?.affirms === s.id ? ' (for the motion)' : ''}: ${state.debaters
          .filter((d) => d.side === s.id)
          .map((d) => who(d.userId))
          .join(', ')}`,
    ),
    `- **Judges:** ${state.judges.length > 0 ? state.judges.map(who).join(', ') : 'none'}`,
    '',
    '## Speeches',
  ];
  state.slots.forEach((slot, turn) => {
    const record = state.turns.find((t) => t.turn === turn);
    out.push(
      '',
      `### ${turn + 1}. ${side(slot.side)} · ${kindLabel(slot.kind)} · ${who(slot.userId)} (${duration(slot.seconds)})`,
      '',
    );
    if (!record) out.push('_Not reached._');
    else if (record.outcome === 'missed') out.push('_Missed: time ran out._');
    else if (record.outcome === 'passed') out.push('_Passed._');
    else if (record.text === undefined)
      out.push(`_Spoken live${record.outcome === 'ended-early' ? ', ended early' : ''}._`);
    else {
      out.push(record.text);
      const cards = [...record.cited, ...record.answered]
        .map((id) => deck.card(id))
        .filter((c) => c !== undefined);
      if (cards.length > 0) {
        out.push('', '**Cards cited:**');
        for (const card of cards) {
          const source = deck.source(card.source);
          out.push(`- [${card.id}] ${card.title}: ${card.claim} _(${source?.title ?? card.source})_`);
        }
      }
    }
  });
  const controls = controlTranscriptLines(deck, state, who);
  if (controls.length > 0) out.push('', '## Host controls, prep and points of information', '', ...controls);
  out.push(...timeSummary(deck, state, who));
  const result = state.result;
  out.push('', '## Result', '');
  if (state.phase === 'cancelled') out.push('Cancelled: not rated.');
  else if (!result) out.push('Not finished yet.');
  else {
    out.push(
      result.winner === undefined
        ? 'No decision (not rated).'
        : result.winner === 'draw'
          ? 'A draw.'
          : `${side(result.winner)} win (${result.decidedBy}).`,
      '',
    );
    for (const score of result.scores) {
      out.push(`- **${who(score.userId)}** (${side(score.side)}): ${score.total.toFixed(1)} / 100`);
      for (const c of score.criteria)
        out.push(
          `  - ${deck.rubric.find((r) => r.id === c.criterionId)?.name ?? c.criterionId}: ${c.score} (${c.reason})`,
        );
      for (const c of score.coaching)
        out.push(
          `  - Automatic ${deck.rubric.find((r) => r.id === c.criterionId)?.name ?? c.criterionId} (coaching note): ${c.score} (${c.reason})`,
        );
    }
    const coached = result.scores.filter((s) => (s.speeches ?? []).length > 0);
    if (coached.length > 0) out.push('', '## Coaching');
    for (const score of coached) {
      out.push('', `### ${who(score.userId)} (${side(score.side)})`);
      for (const notes of score.speeches ?? []) {
        const [head, ...lines] = coachingLines(deck, state, notes);
        out.push('', head ?? '', ...lines.map((l) => `- ${l}`));
      }
    }
  }
  const feedback = feedbackMarkdown(deck, state, who);
  if (feedback.length > 0) out.push('', ...feedback);
  const votes = communityVotesMarkdown(deck, state, who);
  if (votes.length > 0) out.push('', ...votes);
  return `${out.join('\n')}\n`;
};

const OUTCOMES = {
  delivered: 'delivered',
  'ended-early': 'ended early',
  passed: 'passed',
  missed: 'missed',
} as const;

/** How long each speech took against its time, and each side's total: what clubs ask for after a round. */
const timeSummary = (deck: Deck, state: Debate, who: (userId: string) => string): string[] => {
  if (state.turns.length === 0) return [];
  const rows = state.turns.map((t) => {
    const slot = state.slots[t.turn];
    const used = Math.max(0, Math.round((t.endedAt - t.startedAt) / 1000));
    return `| ${t.turn + 1} | ${who(t.userId)} | ${deck.side(t.side)?.name ?? t.side} | ${
      slot ? kindLabel(slot.kind) : ''
    } | ${duration(used)} of ${duration(slot?.seconds ?? 0)} | ${OUTCOMES[t.outcome]} |`;
  });
  const totals = deck.sides.map((side) => {
    const used = state.turns
      .filter((t) => t.side === side.id)
      .reduce((sum, t) => sum + Math.max(0, Math.round((t.endedAt - t.startedAt) / 1000)), 0);
    return `${side.name} ${duration(used)}`;
  });
  return [
    '',
    '## Times',
    '',
    '| # | speaker | side | speech | used | outcome |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Time used by each side: ${totals.join(' · ')}.`,
  ];
};
