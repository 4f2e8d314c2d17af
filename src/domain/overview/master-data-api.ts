import { z } from 'zod/mini';
import { gtinSchema } from '../count-event.ts';
import { locationSchema, productSchema, siteSchema } from '../reference-data.ts';

/**
 * Master data as the coordinators' screens read and edit it (issue 8):
 * - GET /api/v1/sites (stock-takes:read)                     → { sites: SiteWithLocations[] }, by code
 * - PUT /api/v1/target-levels (master-data:manage)           → the target level as stored
 *   body { siteCode, gtin, targetPacks }; targetPacks null deletes the target.
 * - PUT /api/v1/catalog/:gtin (master-data:manage)           → the product as stored (200)
 *   body: the whole product (`productSchema`, GTIN-14 equal to the one in the address); adds it to the
 *   catalog or replaces it. How a product counted as unknown gets its name (NOTES: "linking unknown
 *   barcodes to products"). 400 `invalid_request` with the reason for a product that cannot be stored.
 * - PUT /api/v1/locations/:code (master-data:manage)         → the location as stored (200)
 *   body { code, siteCode, name }, code equal to the one in the address: adds a location to a site,
 *   or renames one. 400 `invalid_request` for an unusable code, an unknown site, an empty name, or a
 *   code that belongs to another site's location (a labelled shelf never moves between sites).
 */
export const siteWithLocationsSchema = z.object({
  ...siteSchema.shape,
  locations: z.array(locationSchema),
});
export type SiteWithLocations = z.infer<typeof siteWithLocationsSchema>;
export const siteListSchema = z.object({ sites: z.array(siteWithLocationsSchema) });

export const setTargetLevelSchema = z.strictObject({
  siteCode: z.string().check(z.minLength(1), z.maxLength(64)),
  gtin: gtinSchema,
  targetPacks: z.nullable(z.int().check(z.gte(0), z.lte(10_000_000))),
});
export type SetTargetLevel = z.infer<typeof setTargetLevelSchema>;

/** The body of PUT /api/v1/catalog/:gtin: one whole product. */
export const setProductSchema = productSchema;
export type SetProduct = z.infer<typeof setProductSchema>;

/** The body of PUT /api/v1/locations/:code: one location of a known site. */
export const setLocationSchema = locationSchema;
export type SetLocation = z.infer<typeof setLocationSchema>;
