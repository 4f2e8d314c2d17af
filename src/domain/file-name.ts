/**
 * A file name part safe on every platform: letters, digits, dash and underscore, at most 80
 * characters. Accents are dropped (Västra → Vastra): NFKD splits å/ä/ö into a letter and a
 * combining mark, and the marks go.
 */
export function safeFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
