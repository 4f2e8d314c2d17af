import {
  createStockTakeSchema,
  resolveConflictSchema,
  stockTakeListSchema,
  stockTakeProgressSchema,
} from '../../domain/overview/stock-take-admin.ts';
import { stockTakeSchema } from '../../domain/reference-data.ts';
import { body, error, json, jsonSchema, ref } from './openapi-parts.ts';

/** The OpenAPI paths and schemas of the stock-take administration (stock-takes.ts), for openapi.ts. */

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, schema });
const filters = [
  query('site', { type: 'string' }),
  query('region', { type: 'string' }),
  query('atc', { type: 'string' }),
];

const refused = {
  '401': error('Not signed in.'),
  '403': error('The role may not do this.'),
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function stockTakeSchemas(): Record<string, unknown> {
  return {
    CreateStockTake: jsonSchema(createStockTakeSchema, 'input'),
    StockTake: jsonSchema(stockTakeSchema, 'output'),
    StockTakeList: jsonSchema(stockTakeListSchema, 'output'),
    StockTakeProgress: jsonSchema(stockTakeProgressSchema, 'output'),
    ResolveConflict: jsonSchema(resolveConflictSchema, 'input'),
  };
}

export function stockTakePaths(): Record<string, unknown> {
  const exportOf = (summary: string, type: string, parameters: unknown[], notFound: boolean) => ({
    get: {
      summary,
      parameters,
      responses: {
        '200': { description: type },
        ...(notFound ? { '404': error('No such stock-take.') } : { '400': error('An invalid filter.') }),
        ...refused,
      },
    },
  });
  return {
    '/api/v1/stock-takes': {
      post: {
        summary: 'Create an open stock-take (blind or guided) for a site, its scope and assignments (supervisor)',
        requestBody: body('CreateStockTake'),
        responses: {
          '201': json(ref('StockTake'), 'Created; a guided one with expectations from the last approved count.'),
          '400': error('Invalid fields, an unknown site, or locations that are not the site’s.'),
          ...refused,
        },
      },
      get: {
        summary: 'Stock-takes, newest first, by site and status (supervisor)',
        parameters: [query('site', { type: 'string' }), query('status', { enum: ['open', 'submitted', 'approved'] })],
        responses: {
          '200': json(ref('StockTakeList'), 'The stock-takes.'),
          '400': error('Invalid filter.'),
          ...refused,
        },
      },
    },
    '/api/v1/stock-takes/{id}': {
      get: {
        summary: 'Progress per location, conflicts with their resolutions, totals (supervisor)',
        parameters: [idParam],
        responses: {
          '200': json(ref('StockTakeProgress'), 'The progress.'),
          '404': error('No such stock-take.'),
          ...refused,
        },
      },
    },
    '/api/v1/stock-takes/{id}/resolutions': {
      post: {
        summary: 'Resolve one conflict: accept one device, separate zones, or request a recount (supervisor)',
        parameters: [idParam],
        requestBody: body('ResolveConflict'),
        responses: {
          '200': json(ref('StockTakeProgress'), 'Resolved; the new progress.'),
          '400': error('Invalid resolution (a device not in the conflict, separate zones for a serial).'),
          '404': error('No such stock-take, or no such conflict now.'),
          '409': error('The stock-take is approved.'),
          ...refused,
        },
      },
    },
    '/api/v1/stock-takes/{id}/submit': {
      post: {
        summary: 'Mark as counted, ready for approval (counter); again: no change',
        parameters: [idParam],
        responses: {
          '200': json(ref('StockTake'), 'Submitted.'),
          '404': error('No such stock-take.'),
          '409': error('Already approved.'),
          ...refused,
        },
      },
    },
    '/api/v1/stock-takes/{id}/approve': {
      post: {
        summary: 'Approve: its counts become the site’s counted stock in the overview (supervisor)',
        parameters: [idParam],
        responses: {
          '200': json(ref('StockTake'), 'Approved.'),
          '404': error('No such stock-take.'),
          '409': error('Conflicts are open (listed in openConflicts); nothing changed.'),
          ...refused,
        },
      },
    },
    '/api/v1/stock-takes/{id}/export.csv': exportOf(
      'The result per location, product, batch and expiry as CSV for Swedish Excel (supervisor)',
      'text/csv',
      [idParam],
      true,
    ),
    '/api/v1/stock-takes/{id}/export.xlsx': exportOf('The same as an Excel workbook', XLSX, [idParam], true),
    '/api/v1/overview/expiries/export.csv': exportOf(
      'Approved packs per site, product, batch and expiry, earliest expiry first, as CSV (supervisor)',
      'text/csv',
      filters,
      false,
    ),
    '/api/v1/overview/expiries/export.xlsx': exportOf('The same as an Excel workbook', XLSX, filters, false),
  };
}
