/**
 * Excel's delimiter hint: a first line "sep=;" (written by many exporters so Excel splits the
 * columns). Returns the delimiter it names and the text without that line; Excel never shows the
 * line, so row numbers start after it.
 */
export function takeSepHint(text: string): { delimiter: string | null; text: string } {
  const match = /^sep=([^\r\n"])\r?\n/i.exec(text);
  return match
    ? { delimiter: match[1]!, text: text.slice(match[0].length) }
    : { delimiter: null, text };
}
