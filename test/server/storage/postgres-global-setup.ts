import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from '../../support/postgres-cluster.ts';

/**
 * A throwaway PostgreSQL cluster for the tests that run against PostgreSQL (the storage contract,
 * fault tests), started once for the run and removed at the end. With TEST_DATABASE_URL set, that
 * server is used instead. Without PostgreSQL installed this fails with the command that installs
 * it — the tests never skip silently.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const cluster = await startThrowawayCluster();
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
