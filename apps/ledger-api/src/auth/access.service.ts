import { Inject, Injectable } from '@nestjs/common';
import { vietnamDateOf } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { actorOf, UserDirectory, type Actor, type Identity } from '@ledger/ledger';
import type { ReferenceData } from '@ledger/reference-data';
import { REFERENCE_DATA } from '../reports/units.provider';
import { CLOCK, EVENT_STORE, type Clock } from '../store/store.providers';

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');

/** Today's rights of a verified identity, from the user directory kept current from the log. */
@Injectable()
export class AccessService {
  constructor(
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async actorFor(identity: Identity): Promise<Actor> {
    await this.directory.catchUp(this.store);
    return actorOf(identity, this.directory.entry(identity.sub), this.reference, vietnamDateOf(this.clock()));
  }
}
