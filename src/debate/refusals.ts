/**
 * Every reason the engine can refuse a move, in words a player reads. Illegal moves are values,
 * not exceptions: the bot layer shows `message` privately and changes nothing.
 */
const REASONS = {
  unknownMotion: (id: string) => `There is no motion "${id}". Try /motion list.`,
  unknownFormat: (id: string) => `There is no format "${id}".`,
  sizeNotAllowed: (format: string, size: string, allowed: string) =>
    `The ${format} format is for ${allowed}, not ${size}.`,
  unknownSide: (side: string, sides: string) => `There is no side "${side}": choose ${sides} or auto.`,
  notInLobby: () => 'This debate has already begun.',
  finished: () => 'This debate is over.',
  sideFull: (side: string) => `The ${side} side is full.`,
  bothSidesFull: () => 'Both sides are full. You can still join as a judge.',
  alreadyOnSide: (side: string) => `You are already on the ${side} side.`,
  judgeCannotDebate: () =>
    'You are judging this debate; a judge cannot also debate. Leave first with /debate leave.',
  debaterCannotJudge: () => 'You are debating in this debate; a debater cannot also judge it.',
  alreadyJudge: () => 'You are already a judge in this debate.',
  notInDebate: () => 'You are not in this debate.',
  leaveAfterBegin: () => 'The debate has begun: to concede, use /debate forfeit.',
  hostOnly: (action: string) => `Only the host or a moderator (Manage Server) can ${action}.`,
  cancelNeedsModerator: () =>
    'This debate has begun: only a moderator (Manage Server) who is not debating in it can cancel it now. Nothing was changed.',
  cancelByDebater: () =>
    'You are debating in this debate, so you cannot cancel it: a moderator (Manage Server) who is not debating can. To concede, use /debate forfeit. Nothing was changed.',
  sidesNotFull: (missing: string) => `Both sides must be full to begin: ${missing}.`,
  notSpeaking: () => 'No speech is under way right now.',
  notYourTurn: (speakerId: string) => `It is <@${speakerId}>'s turn, not yours.`,
  liveModeNoText: () => 'This debate is in live mode: speak in voice, then press Done.',
  timeUp: () => 'Time is up for this speech; it is being recorded as missed.',
  speechEmpty: () => 'Your speech is empty.',
  speechTooLong: (length: number, max: number) =>
    `Your speech is ${length.toLocaleString('en')} characters; the limit is ${max.toLocaleString('en')}. Nothing was posted.`,
  notDebater: () => 'Only the debaters of this debate can do that.',
  noDrawsLeft: (allowed: number) =>
    allowed === 0
      ? 'This format allows no extra draws.'
      : allowed === 1
        ? 'You have used your one draw.'
        : `You have used all ${allowed} of your draws.`,
  pileEmpty: () => 'There are no cards left to draw for your side.',
  drawNotNow: () => 'Cards can be drawn during prep and the speeches.',
  forfeitNotNow: () => 'You can forfeit once the debate has begun and before judging.',
  notJudging: () => 'The judging window is not open.',
  notJudge: () => 'Only the judges of this debate can submit a ballot.',
  ballotIncomplete: (what: string) => `Your ballot is missing ${what}.`,
  ballotOutOfRange: (what: string) => `Scores are whole numbers from 1 to 5 (${what}).`,
  ballotLowPointWin: (winner: string) =>
    `Your scores give the ${winner} side fewer points than the other side: raise its scores, lower the other side's, or call it a draw.`,
  reasonTooLong: (length: number, max: number) =>
    `Your reason for decision is ${length.toLocaleString('en')} characters; the limit is ${max.toLocaleString('en')}.`,
  noteTooLong: (userId: string, length: number, max: number) =>
    `Your note for <@${userId}> is ${length.toLocaleString('en')} characters; the limit is ${max.toLocaleString('en')}.`,
  unknownWinner: (value: string) => `"${value}" is not a side or a draw.`,
  crowdNotNow: () => 'Crowd votes open once the speeches begin.',
  crowdNotForParticipants: () => 'Debaters and judges cannot vote for the crowd favourite.',
  doneNotNow: () => 'There is nothing to end right now.',
  turnOver: () => 'That turn is already over, so nothing was changed.',
  alreadyReady: () => 'You are already marked ready; the first speech starts when everyone is.',
  pauseNotNow: () => 'The clock can be paused during prep and the speeches.',
  alreadyPaused: () => 'The debate is already paused. Resume it with /debate resume.',
  notPaused: () => 'The debate is not paused.',
  paused: () => 'The debate is paused: the host resumes it with /debate resume.',
  extendNotNow: () => 'Extra time can be given during a speech.',
  extendSeconds: (max: number) => `Extra time is a whole number of seconds from 1 to ${max}.`,
  replaceNotNow: () => 'A seat can be reopened once the debate has begun and before judging.',
  notADebater: (userId: string) => `<@${userId}> is not a debater in this debate.`,
  seatAlreadyOpen: (userId: string) => `<@${userId}>'s seat is already open for someone to take.`,
  noPrepPool: () => 'This format has no prep pool.',
  noPrepLeft: () => 'Your side has no prep time left.',
  prepNotYourSide: () => 'Only the side about to speak can take prep now.',
  notPreparing: () => 'No side is taking prep right now.',
  preparing: () => 'A side is taking prep: the speech clock starts again when it ends prep.',
  noPoints: () => 'This speech takes no points of information.',
  poiOwnSide: () => 'Points of information are offered by the other side.',
  poiProtected: (seconds: number) =>
    `Protected time: no points of information in the first and last ${seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60 === 1 ? 'minute' : `${seconds / 60} minutes`}` : `${seconds} seconds`} of a speech.`,
  poiPending: () => 'A point of information is already waiting for the speaker’s answer.',
  noPoiWaiting: () => 'No point of information is waiting for your answer.',
  notVoting: () => 'Community voting is not open for this debate.',
  debaterCannotVote: () => 'You are debating in this debate, so you cannot vote on it.',
  voteReasonTooShort: (length: number, min: number) =>
    `A vote needs a reason for decision of at least ${min} characters (yours has ${length}): say what decided it for you. Your vote was not counted.`,
  voteRoleNeeded: (role: string) => `Voting in this server needs the ${role} role.`,
} as const;

export type RefusalCode = keyof typeof REASONS;
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
}

export const refusal = <C extends RefusalCode>(
  code: C,
  ...args: Parameters<(typeof REASONS)[C]>
): Refusal => ({
  code,
  message: (REASONS[code] as (...a: unknown[]) => string)(...args),
});
