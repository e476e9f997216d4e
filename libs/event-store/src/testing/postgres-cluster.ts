import { postgresBinDir, startPostgresCluster, type PostgresCluster } from '../postgres/throwaway-cluster';

export * from '../postgres/throwaway-cluster';

/**
 * `describe` with a PostgreSQL cluster of its own, started before and stopped after the suite.
 * Where the server is not installed the suite is skipped, and says so on the console.
 */
export function describeWithPostgres(name: string, body: (cluster: () => PostgresCluster) => void): void {
  if (!postgresBinDir()) {
    console.warn(`SKIPPED "${name}": PostgreSQL is not installed (scripts/install-debian-packages.sh, run by npm pretest, installs Debian's postgresql)`);
    describe.skip(name, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    let cluster: PostgresCluster | undefined;
    beforeAll(async () => {
      cluster = await startPostgresCluster();
      console.info(`"${name}" runs against PostgreSQL (${postgresBinDir()}) on 127.0.0.1:${cluster.port}`);
    });
    afterAll(async () => cluster?.stop());
    body(() => cluster as PostgresCluster);
  });
}
