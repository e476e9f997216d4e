import type { Provider } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { type LedgerConfig } from '../config/ledger-config';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG } from '../tokens';
import { openEventStore } from './open-event-store';

export type Clock = () => Date;

export const clockProvider: Provider = { provide: CLOCK, useValue: (() => new Date()) satisfies Clock };

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [LEDGER_CONFIG, CLOCK],
  useFactory: (config: LedgerConfig, clock: Clock): EventStore => openEventStore(config, clock, true),
};
