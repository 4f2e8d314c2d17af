// Types for the AI table generated from the GS1 Barcode Syntax Dictionary (see ai-table.generated.ts).

/** Character set of a component: N numeric, X CSET 82, Y CSET 39, Z CSET 64 (base64url). */
export type ComponentCharset = 'N' | 'X' | 'Y' | 'Z';

/** One component of an AI's data field, e.g. `N6,yymmd0` or `[X..17]`. */
export interface ComponentSpec {
  readonly cset: ComponentCharset;
  readonly min: number;
  readonly max: number;
  /** Written in brackets: may be left out once the data is exhausted. */
  readonly optional: boolean;
  /** Names of the syntax tests ("linters") applied to this component, in order. */
  readonly linters: readonly string[];
}

/** One line of the dictionary; `first`..`last` is a range of AIs sharing the definition. */
export interface AiDictionaryRow {
  readonly first: string;
  readonly last: string;
  /** Flag `*`: the value has a predefined length and needs no FNC1/GS separator after it. */
  readonly predefinedLength: boolean;
  /** Flag `?`: permitted as a GS1 Digital Link data attribute (query parameter). */
  readonly dlDataAttribute: boolean;
  readonly components: readonly ComponentSpec[];
  /**
   * `req=` rules. Every rule must hold; a rule holds when one of its alternatives is fully present; an
   * alternative is a list of AI patterns (`n` matches any digit) that must all be present.
   */
  readonly req: readonly (readonly (readonly string[])[])[];
  /** `ex=` patterns: AIs that must not appear together with this one (an AI never excludes itself). */
  readonly ex: readonly string[];
  /** `dlpkey`: null when not a Digital Link primary key, else the permitted qualifier sequences. */
  readonly dlPrimaryKey: readonly (readonly string[])[] | null;
  readonly title: string;
}

/** A single AI with everything the parser needs, precomputed once from its dictionary row. */
export interface AiEntry {
  readonly ai: string;
  readonly title: string;
  readonly predefinedLength: boolean;
  readonly dlDataAttribute: boolean;
  readonly components: readonly ComponentSpec[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly req: AiDictionaryRow['req'];
  readonly ex: AiDictionaryRow['ex'];
  readonly dlPrimaryKey: AiDictionaryRow['dlPrimaryKey'];
  /** False only for AIs not in the dictionary, accepted when unknown AIs are permitted. */
  readonly known: boolean;
}
