import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Deck } from './content/deck.js';
import type { DeckSearch } from './content/search.js';
import type { Logger } from './logger.js';
import type { Scheduler } from './scheduler/scheduler.js';
import type { Store } from './store/types.js';

/** What every handler gets: dependencies are passed, never looked up. */
export interface AppContext {
  readonly config: Config;
  readonly store: Store;
  readonly deck: Deck;
  readonly search: DeckSearch;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scheduler: Scheduler;
  /** A seed for a new debate's generator. */
  readonly seed: () => number;
}
