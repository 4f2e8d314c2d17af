// The part of papaparse's API the server uses (papaparse ships no types; @types/papaparse would be a
// third new dependency for three lines).
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string };
  }
  export interface ParseConfig {
    /** '' (the default) guesses among , ; tab | and the record separators. */
    delimiter?: string;
    skipEmptyLines?: boolean | 'greedy';
    header?: false;
  }
  const Papa: { parse(input: string, config?: ParseConfig): ParseResult<string[]> };
  export default Papa;
}
