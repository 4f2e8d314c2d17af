import { countEventSchema, countEventV1Schema } from '../../domain/count-event.ts';
import {
  setLocationSchema,
  setProductSchema,
  setTargetLevelSchema,
  siteListSchema,
} from '../../domain/overview/master-data-api.ts';
import { drillSchema, expiryChartSchema, overviewPageSchema } from '../../domain/overview/model.ts';
import { DATASETS } from '../../domain/reference-datasets.ts';
import {
  APP_VERSION_HEADER,
  apiErrorSchema,
  DEFAULT_PULL_LIMIT,
  demoLoadedSchema,
  MAX_CURSOR_LENGTH,
  MAX_EVENTS_PER_PUSH,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  pullPageSchemas,
  pushRequestSchema,
  pushResponseSchema,
  upgradeRequiredSchema,
} from '../../domain/sync-protocol.ts';
import { identityPaths, identitySchemas } from './openapi-identity.ts';
import { error, json, jsonSchema, ref } from './openapi-parts.ts';
import { stockTakePaths, stockTakeSchemas } from './openapi-stock-takes.ts';

const versionHeaders = [
  {
    name: PROTOCOL_VERSION_HEADER,
    in: 'header',
    required: true,
    description: `The sync protocol the app speaks (${PROTOCOL_VERSION}). Without it the request counts as protocol 1.`,
    schema: { type: 'integer' },
  },
  {
    name: APP_VERSION_HEADER,
    in: 'header',
    required: true,
    description: 'The app version, compared with the operator’s MIN_APP_VERSION.',
    schema: { type: 'string' },
  },
];
const versionAnswers = {
  '426': json(ref('UpgradeRequired'), 'The app is too old for this server: update it. Nothing was stored.'),
  '500': error('The server failed; nothing was stored and it is safe to retry with the same ids.'),
};

/**
 * The OpenAPI description of the API, generated from the same zod schemas that validate every
 * body on the device and on the server, so it cannot drift from what the code accepts.
 * Served at GET /api/v1/openapi.json; docs/sync-protocol.md explains the rules around it.
 */
export function openApiDocument(): Record<string, unknown> {
  const pageSchemas = Object.fromEntries(
    DATASETS.map((dataset) => [`PullPage_${dataset}`, jsonSchema(pullPageSchemas[dataset], 'output')]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lagerkoll sync API',
      version: String(PROTOCOL_VERSION),
      description:
        'Devices push count events exactly once and pull reference data by cursor. See docs/sync-protocol.md.',
    },
    paths: {
      '/api/v1/sync/push': {
        post: {
          summary: `Store up to ${MAX_EVENTS_PER_PUSH} count events of one device, each exactly once`,
          parameters: versionHeaders,
          requestBody: { required: true, content: { 'application/json': { schema: ref('PushRequest') } } },
          responses: {
            '200': json(ref('PushResponse'), 'Every event settled: accepted, duplicate, conflict or rejected.'),
            '400': error('Not JSON, or an invalid envelope (nothing stored), or a protocol newer than the server.'),
            '413': error('The body is over the size limit (nothing stored).'),
            '415': error('The body is not sent as application/json.'),
            ...versionAnswers,
          },
        },
      },
      '/api/v1/sync/pull': {
        get: {
          summary: 'The changes of one dataset after a cursor, oldest first, with tombstones',
          parameters: [
            ...versionHeaders,
            { name: 'dataset', in: 'query', required: true, schema: { type: 'string', enum: [...DATASETS] } },
            {
              name: 'cursor',
              in: 'query',
              required: false,
              description: 'The cursor of the last page applied; absent to start from the beginning.',
              schema: { type: 'string', maxLength: MAX_CURSOR_LENGTH },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: MAX_PULL_LIMIT, default: DEFAULT_PULL_LIMIT },
            },
          ],
          responses: {
            '200': json({ oneOf: DATASETS.map((d) => ref(`PullPage_${d}`)) }, 'A page of changes.'),
            '400': error('An unknown dataset or an invalid parameter.'),
            '410': error('The cursor is too old (or from another database): reload the dataset from the start.'),
            ...versionAnswers,
          },
        },
      },
      '/api/v1/demo': {
        post: {
          summary: 'Load the fictitious demo data into a server without reference data (users aside)',
          responses: {
            '200': json(ref('DemoLoaded'), 'Loaded: rows per dataset.'),
            '409': error('The server already has reference data; nothing was changed.'),
          },
        },
      },
      '/api/v1/overview': {
        get: {
          summary: 'Per site and product: counted (approved), provisional, target level, coverage, earliest expiry',
          parameters: [...overviewFilters, queryParam('offset', 'integer'), queryParam('limit', 'integer')],
          responses: {
            '200': json(ref('OverviewPage'), 'A page of rows, lowest coverage first.'),
            '400': error('An invalid filter.'),
          },
        },
      },
      '/api/v1/overview/expiries': {
        get: {
          summary: 'Packs per month of expiry, for the chart',
          parameters: overviewFilters,
          responses: { '200': json(ref('ExpiryChart'), 'Packs per month.'), '400': error('An invalid filter.') },
        },
      },
      '/api/v1/overview/drill': {
        get: {
          summary: 'One product at one site: its batches and the count events behind them (who, when, device)',
          parameters: [
            { ...queryParam('site', 'string'), required: true },
            { ...queryParam('gtin', 'string'), required: true },
          ],
          responses: { '200': json(ref('Drill'), 'Batches and events.'), '400': error('An invalid site or GTIN.') },
        },
      },
      '/api/v1/overview/export.csv': {
        get: {
          summary: 'The overview as CSV for Swedish Excel (UTF-8 with BOM, semicolons, ISO dates)',
          parameters: overviewFilters,
          responses: { '200': { description: 'text/csv' }, '400': error('An invalid filter.') },
        },
      },
      '/api/v1/overview/export.xlsx': {
        get: {
          summary: 'The overview as an Excel workbook',
          parameters: overviewFilters,
          responses: { '200': { description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
        },
      },
      '/api/v1/sites': {
        get: {
          summary: 'Every site with its locations, by code (supervisor)',
          responses: { '200': json(ref('SiteList'), 'The sites.'), '401': error('Not signed in.') },
        },
      },
      '/api/v1/target-levels': putOne(
        'Set one target level, or remove it with targetPacks null (administrator)',
        'SetTargetLevel',
        'The target level as stored.',
        'An unknown site or product, or an invalid number.',
      ),
      '/api/v1/catalog/{gtin}': putOne(
        'Add one product to the catalog, or replace it (administrator)',
        'Product',
        'The product as stored.',
        'A wrong check digit, an empty Swedish name, or a GTIN that differs from the address.',
        'gtin',
      ),
      '/api/v1/locations/{code}': putOne(
        'Add a location to a site, or rename one (administrator)',
        'Location',
        'The location as stored.',
        "An unusable code, an unknown site, an empty name, another site's location, or a code that differs from the address.",
        'code',
      ),
      ...stockTakePaths(),
      ...identityPaths(),
      '/api/v1/admin/catalog/import': importPath('catalog'),
      '/api/v1/admin/target-levels/import': importPath('target levels'),
      '/api/v1/admin/sites/import': importPath('sites'),
      '/api/v1/admin/locations/import': importPath('locations'),
      '/api/v1/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1, as JSON.' } } },
      },
      '/api/v1/health': {
        get: {
          summary: 'Liveness, and the server time',
          responses: { '200': { description: 'The server is up.' } },
        },
      },
    },
    components: {
      schemas: {
        PushRequest: pushRequestJsonSchema(),
        CountEvent: jsonSchema(countEventSchema, 'input'),
        CountEventV1: jsonSchema(countEventV1Schema, 'input'),
        PushResponse: jsonSchema(pushResponseSchema, 'output'),
        ...pageSchemas,
        ApiError: jsonSchema(apiErrorSchema, 'output'),
        UpgradeRequired: jsonSchema(upgradeRequiredSchema, 'output'),
        DemoLoaded: jsonSchema(demoLoadedSchema, 'output'),
        OverviewPage: jsonSchema(overviewPageSchema, 'output'),
        ExpiryChart: jsonSchema(expiryChartSchema, 'output'),
        Drill: jsonSchema(drillSchema, 'output'),
        ...stockTakeSchemas(),
        ...identitySchemas(),
        SiteList: jsonSchema(siteListSchema, 'output'),
        SetTargetLevel: jsonSchema(setTargetLevelSchema, 'input'),
        Product: jsonSchema(setProductSchema, 'input'),
        Location: jsonSchema(setLocationSchema, 'input'),
      },
    },
  };
}

/** A master-data PUT of administrators: one row in, the row as stored out. */
function putOne(summary: string, schema: string, stored: string, refused: string, pathParam?: string) {
  return {
    put: {
      summary,
      ...(pathParam
        ? { parameters: [{ name: pathParam, in: 'path', required: true, schema: { type: 'string' } }] }
        : {}),
      requestBody: { required: true, content: { 'application/json': { schema: ref(schema) } } },
      responses: { '200': json(ref(schema), stored), '400': error(refused), '403': error('Not an administrator.') },
    },
  };
}

function queryParam(name: string, type: 'string' | 'integer') {
  return { name, in: 'query', required: false, schema: { type } };
}

const overviewFilters = [queryParam('site', 'string'), queryParam('region', 'string'), queryParam('atc', 'string')];

/** A master-data import: CSV or XLSX in the body; a dry run (the default) only previews. */
function importPath(what: string) {
  return {
    post: {
      summary: `Import ${what} from CSV or XLSX: a preview with per-row errors, or (dryRun=false) all rows in one transaction`,
      parameters: [{ name: 'dryRun', in: 'query', required: false, schema: { type: 'boolean', default: true } }],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      responses: {
        '200': { description: 'The preview (new, changed, unchanged rows), or what was written.' },
        '413': error('The file is over the size limit.'),
        '415': error('Neither CSV nor XLSX.'),
        '422': error('Some rows are invalid (each named by row and column); nothing was written.'),
      },
    },
  };
}

/**
 * The envelope's `events` are checked one by one on the server (so one bad event is rejected on
 * its own), hence `unknown` in the zod schema; the document names what each should be.
 */
function pushRequestJsonSchema(): Record<string, unknown> {
  const schema = jsonSchema(pushRequestSchema, 'input');
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.events = {
    ...properties.events,
    items: { anyOf: [ref('CountEvent'), ref('CountEventV1')] },
    description: 'Each event is judged on its own: a malformed one is rejected with a reason, the rest are stored.',
  };
  return schema;
}
