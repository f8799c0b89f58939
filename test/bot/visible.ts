/**
 * Roughly what a reader sees of a description: blockquote markers, bold/italic markers and
 * markdown escapes removed (Discord consumes a backslash before any ASCII punctuation). Snippet
 * checks compare this with the corpus text.
 */
export function visibleText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^> ?/, ''))
    .join('\n')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(?<!\\)\*/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
