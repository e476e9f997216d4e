import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { rightsOn, vietnamDateOf } from '@ledger/domain';
import { StreamStates, UserDirectory, grantUser, revokeUser, type Actor, type UserWriteDeps } from '@ledger/ledger';
import { ReferenceData } from '@ledger/reference-data';
import { openStore } from '../stores';

/** Whoever runs the CLI on the ledger's own store is its administrator; the events record them as `cli:<login>`. */
const operator = (): Actor => ({ id: `cli:${userInfo().username}`, role: 'admin' });

async function withDirectory<T>(work: (deps: UserWriteDeps) => Promise<T>): Promise<T> {
  const { store } = openStore();
  const reference = ReferenceData.load();
  try {
    return await work({ store, reference, referenceDataVersion: reference.version, streams: new StreamStates() });
  } finally {
    await store.close();
  }
}

/** `users grant|revoke|list`: the user directory from the shell (the first admin of an issuer-backed deployment is granted this way). */
export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('the user directory: who may act, with which role, for which board, over which dates');
  users
    .command('grant')
    .description('grant a person (by the issuer\'s sub) a role from a date')
    .requiredOption('--sub <sub>', "the issuer's subject identifier (Keycloak: the user's id)")
    .requiredOption('--name <displayName>', 'shown in the audit trail')
    .requiredOption('--role <role>', 'officer | auditor | analyst | admin')
    .option('--board <boardId>', 'officers: the board they act for, e.g. BQL-HN')
    .option('--from <date>', 'first day of the right (default today)')
    .option('--to <date>', 'last day of the right (default open-ended)')
    .action((o: { sub: string; name: string; role: string; board?: string; from?: string; to?: string }) =>
      withDirectory(async (deps) => {
        const now = new Date();
        const outcome = await grantUser(deps, { sub: o.sub, displayName: o.name, role: o.role, ...(o.board ? { boardId: o.board } : {}), validFrom: o.from ?? vietnamDateOf(now), ...(o.to ? { validTo: o.to } : {}) }, { actor: operator(), now });
        process.stdout.write(`granted ${o.role}${o.board ? ` of ${o.board}` : ''} to ${o.sub} (${o.name}) at position ${outcome.position}\n`);
      }),
    );
  users
    .command('revoke')
    .description("revoke a person's rights from a date (today or later)")
    .requiredOption('--sub <sub>', "the issuer's subject identifier")
    .requiredOption('--reason <reason>', 'why access ends')
    .option('--from <date>', 'first day without the right (default today)')
    .action((o: { sub: string; reason: string; from?: string }) =>
      withDirectory(async (deps) => {
        const now = new Date();
        const outcome = await revokeUser(deps, { sub: o.sub, effectiveOn: o.from ?? vietnamDateOf(now), reason: o.reason }, { actor: operator(), now });
        process.stdout.write(`revoked ${o.sub} from ${o.from ?? vietnamDateOf(now)} at position ${outcome.position}\n`);
      }),
    );
  users
    .command('list')
    .description('everyone in the directory with their rights on a date')
    .option('--as-of <date>', 'the date (default today)')
    .action((o: { asOf?: string }) =>
      withDirectory(async (deps) => {
        const directory = new UserDirectory();
        await directory.catchUp(deps.store);
        const asOf = o.asOf ?? vietnamDateOf(new Date());
        for (const person of directory.all()) {
          const rights = rightsOn(person, asOf);
          const grant = rights.status === 'granted' ? `${rights.grant.role}${rights.grant.boardId ? ` ${rights.grant.boardId}` : ''} ${rights.grant.validFrom}..${rights.grant.validTo ?? ''}` : rights.status;
          process.stdout.write(`${person.sub}\t${person.grants[person.grants.length - 1].displayName}\t${grant}\n`);
        }
      }),
    );
}
