import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { vietnamDateOf } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { actorOf, UserDirectory, type Actor, type Identity } from '@ledger/ledger';
import type { ReferenceData } from '@ledger/reference-data';
import { type Clock } from '../store/store.providers';
import { CLOCK, EVENT_STORE, REFERENCE_DATA, USER_DIRECTORY } from '../tokens';


/** Today's rights of a verified identity, from the user directory kept current from the log. */
@Injectable()
export class AccessService implements OnApplicationBootstrap {
  constructor(
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The first fold reads the whole log (about 1.2 s for 100 000 events): started at boot, shared by the first requests. */
  onApplicationBootstrap(): void {
    // A failure here is retried, and answered, by the next request.
    this.directory.catchUp(this.store).catch(() => undefined);
  }

  async actorFor(identity: Identity): Promise<Actor> {
    await this.directory.catchUp(this.store);
    return actorOf(identity, this.directory.entry(identity.sub), this.reference, vietnamDateOf(this.clock()));
  }
}
