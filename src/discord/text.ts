/** `20 s`, `2 min`, `1 min 30 s`. */
const graceSpan = (seconds: number) => {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
};

/** User-facing text that is not a view of its own, under typed keys. */
export const TEXT = {
  expired: 'This button has expired. Use /debate status to see where things stand.',
  botCannotPost:
    'I cannot post in this channel (I need View Channel, Send Messages and Embed Links here), so a debate would run unseen. Ask a moderator, or start it in another channel.',
  restarting: 'Steelman is restarting, so nothing was changed. Try again in a few seconds.',
  slowForm:
    'Steelman is slow to answer right now, so the form could not open in time. Nothing was changed: try again in a moment.',
  storeDown: 'Storage is unavailable right now, so nothing was changed. Please try again in a moment.',
  unexpected: 'Something went wrong on our side and nothing was changed. The error has been logged.',
  unknownCommand: 'That command is not part of Steelman (any more). Try /help.',
  guildOnly: 'Steelman works inside a server, not in direct messages.',
  noDebateHere:
    'There is no debate in this channel. Start one with /debate start (a debate that has begun runs in its own thread: use the commands there).',
  /** A debate's thread (Discord allows 1–100 characters). */
  threadName: (motion: string) =>
    motion.length > 92 ? `Debate: ${motion.slice(0, 91)}…` : `Debate: ${motion}`,
  channelNotAllowed: (channels: string) => `Debates in this server run in ${channels}.`,
  managerOnly: 'You need the Manage Server permission for this.',
  unknownSide: (side: string, sides: string) => `There is no side "${side}": choose ${sides}.`,
  unknownCard: (id: string) => `There is no card "${id}". Try /evidence search.`,
  unknownMotion: (id: string) => `There is no motion "${id}". Try /motion list.`,
  unknownFormat: (id: string, formats: string) => `There is no format "${id}". Formats: ${formats}.`,
  leaderboardOff: 'The leaderboard is turned off in this server.',
  unknownSeason: (season: number, current: number) =>
    `There is no season ${season}: this server is in season ${current}.`,
  notYourDebate: 'You are not a debater in this debate.',
  noHandYet: 'Hands are dealt when the debate begins.',
  joined: (side: string) => `You are on the ${side} side.`,
  judging: 'You are a judge in this debate. When the speeches end you will get a ballot button.',
  left: 'You have left the debate.',
  crowdRecorded: (side: string) =>
    `Your crowd vote for ${side} is in. It is shown with the result and does not decide it.`,
  ballotRecorded: 'Your ballot is in. You can resubmit it until the judging window closes.',
  ready: 'Marked ready. The first speech starts when every debater is ready, or when prep ends.',
  speechPosted: 'Your speech is posted.',
  speechSaved:
    'Your speech is saved and counts. Discord is slow to show it right now; it will appear in the channel as soon as Discord accepts it.',
  lobbyOpened: 'Your lobby is open: the card with the join buttons is in the channel.',
  lobbyOpening:
    'Your lobby is open. Discord is slow to show its card right now; it will appear in the channel in a moment.',
  swapped: 'Sides swapped.',
  begun: 'The debate has begun.',
  judgeRoleNeeded: (roleId: string) => `Judging here needs the <@&${roleId}> role.`,
  handedBack: (reason: string) => `${reason} Your text is attached so nothing is lost.`,
  ballotHandedBack: (reason: string, typed: string) => `${reason}\nYour ballot was:\n${typed}`,
  transcriptOf: (debateId: string) => `Transcript of debate ${debateId}.`,
  turnDone: 'Turn ended.',
  /** The grace of grace.ts in words, for the turn card and the speech form. */
  graceRule: (seconds: number) =>
    `A form opened before the deadline is accepted for ${graceSpan(seconds)} after it.`,
  graceHeld: (speaker: string, until: string) =>
    `⏳ Time is up, but ${speaker} opened their speech form in time: it is accepted until ${until}, then the next turn starts.`,
  drawn: (card: string) => `You drew ${card}.`,
  citationsNote: (notInHand: readonly string[], unknown: readonly string[]) =>
    [
      notInHand.length > 0 ? `Not in your hand, so they do not count: ${notInHand.join(', ')}.` : '',
      unknown.length > 0 ? `Not cards at all: ${unknown.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  forfeited: 'You have forfeited. The other side wins.',
  cancelled: 'The debate is cancelled. Nothing is rated.',
  optOut: (out: boolean) =>
    out ? 'You are now hidden from the leaderboard.' : 'You are listed on the leaderboard again.',
  paused: 'Paused. The clock stands still until /debate resume.',
  resumed: 'Resumed: the deadline moved by the pause.',
  extended: (seconds: number) => `Gave the speaker ${seconds} more seconds.`,
  seatOpened:
    'The seat is open: the first member to join takes it, with its hand and the speeches still to come.',
  prepTaken: 'Your side is taking prep: the speech clock waits. Press End prep when you are ready.',
  prepEnded: 'Prep ended: the speech clock runs again.',
  poiOffered: 'Your point of information is offered; the speaker accepts or declines it.',
  poiAnswered: (accepted: boolean) =>
    accepted ? 'You accepted the point: give them the floor briefly.' : 'You declined the point.',
  practiceOff: 'Practice against Steelman is switched off in this server (/config set practice).',
  practiceBusy: (channelId: string) =>
    `You already have a practice debate under way in <#${channelId}>. Finish it, or end it with /practice stop.`,
  practiceStarting: 'Your practice debate is being started in another channel; it will be there in a moment.',
  noPractice: 'You have no practice debate under way. Start one with /practice start.',
  unknownLevel: (level: string) => `There is no level "${level}": choose novice, club or champion.`,
  practiceStarted: (side: string, level: string, posted: boolean) =>
    `Practice begun at ${level} level: you argue ${side}, Steelman the other side. Your hand: /evidence hand.${posted ? '' : ' Discord is slow to show the posts; they will appear in a moment.'}`,
  practiceStopped: 'Your practice debate is ended. Nothing is rated.',
  confirmForfeit: 'Forfeit this debate? The other side wins, and it counts as a loss. This cannot be undone.',
  confirmPass: 'Pass this turn without a speech? It cannot be undone.',
  confirmCancel: 'Cancel this debate under way? Nothing is rated, and it cannot be undone.',
  confirmSeason: (current: number) =>
    `Start a new season? Season ${current} ends and everyone starts fresh (it stays readable). This cannot be undone.`,
  confirmExpired:
    'This confirmation has expired; nothing changed. Run the command again if you still mean it.',
  kept: 'Kept: nothing changed.',
  seasonStarted: (number: number) =>
    `Season ${number} has begun. Everyone starts fresh; /leaderboard season:${number - 1} still shows the last one.`,
  seasonAlreadyNew: (number: number) => `Season ${number} has already begun; nothing changed.`,
  rematchOpened:
    'Rematch: a new lobby with the same motion, format and people, sides swapped, is in the channel.',
  rematchNotYours: 'Only the debaters and the host of this debate can start its rematch.',
  rematchNotOver: 'A rematch can start once this debate has its result.',
  configValueNeeded: (key: string) =>
    key === 'judge-role'
      ? 'Pick the role with the `role` option (or value "none" to let anyone judge).'
      : key === 'debate-channels'
        ? 'Pick the channel with the `channel` option, use /config channels to add or remove several, or value "any".'
        : `Give a value for ${key}.`,
  configChannelsNeeded: 'Pick a channel to `add` or to `remove`.',
  unknownDebateId: (id: string) =>
    `There is no debate \`${id.slice(0, 30)}\` in this server: pick one from the list, or see /debate history.`,
  remindSet: (where: 'dm' | 'channel' | 'off') =>
    where === 'dm'
      ? 'Turn reminders in correspondence debates will come to you by direct message (in the channel if your DMs are closed).'
      : where === 'channel'
        ? 'Turn reminders in correspondence debates will mention you in the debate’s channel.'
        : 'Turn reminders are off: the bells still show in the channel, without pinging you.',
  voteRecorded: (choice: string) =>
    `Your vote for ${choice} is in, with your reason. You can change it until voting closes.`,
} as const;
