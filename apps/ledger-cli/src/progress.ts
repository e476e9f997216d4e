import { SingleBar, Presets } from 'cli-progress';

/** A progress bar on stderr for long jobs (silent when stderr is not a terminal, e.g. in CI logs). */
export function progressBar(label: string, unit = 'events') {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, stream: process.stderr, noTTYOutput: false }, Presets.shades_classic);
  let started = false;
  return {
    update(done: bigint, total: bigint) {
      if (!started) {
        bar.start(Number(total), 0);
        started = true;
      }
      bar.setTotal(Number(total));
      bar.update(Number(done));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
