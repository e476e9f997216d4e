import type { Command } from 'commander';
import { OWN_THREAD, ProjectionRunner, allProjections } from '@ledger/projections';
import { progressBar } from '../progress';
import { openStore } from '../stores';

/** `project`: run the read models as a separate process; `rebuild`: replay them from position 0. */
export function registerProjectorCommands(program: Command): void {
  program
    .command('project')
    .description('run the projections as a separate process (set LEDGER_PROJECTOR=external on the API)')
    .option('--once', 'catch up once and exit')
    .action(async (options: { once?: boolean }) => {
      const { config, store } = openStore();
      const runner = new ProjectionRunner(store, config.readDbPath, allProjections(), OWN_THREAD);
      if (options.once) {
        const bar = progressBar('catch-up');
        const position = await runner.catchUp((done, total) => bar.update(done, total));
        bar.stop();
        process.stdout.write(`read models at position ${position}\n`);
        await runner.close();
        await store.close();
        return;
      }
      await runner.checkedHead(); // a read-model file of another log is said once, not retried every poll
      runner.start();
      process.stdout.write(`projector following ${config.dbPath} into ${config.readDbPath}\n`);
      const stop = async () => {
        await runner.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program
    .command('rebuild')
    .description('drop every read model and replay the log from position 0')
    .action(async () => {
      const { config, store } = openStore();
      const runner = new ProjectionRunner(store, config.readDbPath, allProjections());
      const bar = progressBar('rebuild');
      const started = process.hrtime.bigint();
      const position = await runner.rebuild((done, total) => bar.update(done, total));
      bar.stop();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`rebuilt ${allProjections().length} read models to position ${position} in ${seconds.toFixed(2)} s (${Math.round(Number(position) / Math.max(seconds, 1e-9))} events/s)\n`);
      await runner.close();
      await store.close();
    });
}
