import type { Expectation, StockTake } from '../../domain/reference-data.ts';
import { type Dataset, type DatasetRow, datasetRowSchemas, rowKey } from '../../domain/reference-datasets.ts';
import type { User } from '../../domain/users.ts';
import type { ReferenceChange } from '../storage/event-store.ts';
import { demoLocations, demoProducts, demoSites, demoTargetLevels } from './demo-data.generated.ts';

/** The site whose demo stock-take is guided (shows expected quantities); every other one is blind. */
export const GUIDED_DEMO_SITE = 'SA-VISBY';

const demoUsers: readonly User[] = [
  { id: 'demo-counter', name: 'Demo · Alva Räknare (fiktiv)', role: 'counter' },
  { id: 'demo-supervisor', name: 'Demo · Bo Arbetsledare (fiktiv)', role: 'supervisor' },
  { id: 'demo-admin', name: 'Demo · Cecilia Administratör (fiktiv)', role: 'administrator' },
];

/**
 * The demo data set as reference-data changes: the generated catalog, sites, locations and target
 * levels, demo users, one open stock-take per site, and expected quantities for the guided one
 * (spread over its locations; a made-up but stable fraction of the target level). Every row is
 * checked against its schema, so a bad generator run fails here and never reaches a device.
 */
export function demoReferenceChanges(now: Date = new Date()): ReferenceChange[] {
  const createdAt = now.toISOString();
  const stockTakes: StockTake[] = demoSites.map((site) => ({
    id: `demo-${site.code}`,
    siteCode: site.code,
    name: `DEMO · Inventering ${site.code} (fiktiv)`,
    mode: site.code === GUIDED_DEMO_SITE ? 'guided' : 'blind',
    locationCodes: [],
    status: 'open',
    createdAt,
  }));
  const guidedLocations = demoLocations.filter((l) => l.siteCode === GUIDED_DEMO_SITE);
  const expectations: Expectation[] = demoTargetLevels
    .filter((t) => t.siteCode === GUIDED_DEMO_SITE)
    .map((target, i) => {
      const location = guidedLocations[i % guidedLocations.length];
      return {
        id: `demo-${GUIDED_DEMO_SITE}-${target.gtin}`,
        stockTakeId: `demo-${GUIDED_DEMO_SITE}`,
        locationCode: location?.code ?? null,
        gtin: target.gtin,
        batch: null,
        quantity: Math.round((target.targetPacks * (60 + (Number(target.gtin.slice(-4)) % 41))) / 100),
      };
    });

  return [
    ...rowsOf('catalog', demoProducts),
    ...rowsOf('sites', demoSites),
    ...rowsOf('locations', demoLocations),
    ...rowsOf('target-levels', demoTargetLevels),
    ...rowsOf('users', demoUsers),
    ...rowsOf('stock-takes', stockTakes),
    ...rowsOf('expectations', expectations),
  ];
}

function rowsOf<D extends Dataset>(dataset: D, rows: readonly DatasetRow<D>[]): ReferenceChange[] {
  return rows.map((row) => {
    const parsed = datasetRowSchemas[dataset].safeParse(row);
    if (!parsed.success) throw new Error(`Demo ${dataset} row is invalid: ${JSON.stringify(parsed.error.issues)}`);
    return { dataset, key: rowKey(dataset, row), row };
  });
}
