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
  noDebateHere: 'There is no debate in this channel. Start one with /debate start.',
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
  remindSet: (where: 'dm' | 'channel' | 'off') =>
    where === 'dm'
      ? 'Turn reminders in correspondence debates will come to you by direct message (in the channel if your DMs are closed).'
      : where === 'channel'
        ? 'Turn reminders in correspondence debates will mention you in the debate’s channel.'
        : 'Turn reminders are off: the bells still show in the channel, without pinging you.',
  voteRecorded: (choice: string) =>
    `Your vote for ${choice} is in, with your reason. You can change it until voting closes.`,
} as const;
