/**
 * File names made from titles ("Café quiz: week 2" -> "cafe-quiz-week-2"): lower-case ASCII
 * letters, digits and dashes only, so they are safe on every file system and in URLs.
 */
export function fileSlug(title: string, fallback: string, maxLength = 60): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || fallback;
}
