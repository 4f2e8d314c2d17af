import { z } from 'zod/mini';

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of a shared zod schema, without the `$schema` line. */
export function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** The building blocks every part of the OpenAPI document (openapi*.ts) writes its operations with. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const error = (description: string) => json(ref('ApiError'), description);
/** A required JSON request body of a named component schema. */
export const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
