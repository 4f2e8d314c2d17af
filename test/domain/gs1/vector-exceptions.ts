// Conformance vectors whose expected outcome Lagerkoll deliberately does not reproduce, each with its
// reason. docs/gs1.md repeats this list. A vector listed here must produce the opposite `ok` result.

export interface VectorException {
  /** The vector's `src` (file:line in the upstream GS1 repository). */
  readonly src: string;
  readonly reason: string;
}

export const VECTOR_EXCEPTIONS: readonly VectorException[] = [];
