/** A cell as a message shows it: at most 60 characters, so a giant cell cannot flood the history. */
export function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** A cell shown in a message, quoted (its own quotes escaped). */
export function quote(value: string): string {
  return JSON.stringify(shown(value));
}
