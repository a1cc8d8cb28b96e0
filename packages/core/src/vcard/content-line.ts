/** One vCard property: `[group.]NAME;PARAM=a,b;...:value`. */
export interface ContentLine {
  readonly name: string;
  /** Parameter names upper-cased; bare 2.1 parameters (`TEL;CELL:`) are filed under TYPE. */
  readonly params: ReadonlyMap<string, readonly string[]>;
  readonly value: string;
}

/**
 * Joins folded lines (a line starting with a space or tab continues the previous one) and
 * vCard 2.1 quoted-printable soft breaks (a value ending in "=" continues on the next line).
 */
export function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const last = lines.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) {
      lines[last] += line.slice(1);
    } else if (
      last >= 0 &&
      /QUOTED-PRINTABLE/i.test(lines[last]!.split(':')[0]!) &&
      lines[last]!.endsWith('=')
    ) {
      lines[last] = lines[last]!.slice(0, -1) + line;
    } else {
      lines.push(line);
    }
  }
  return lines.filter((l) => l.trim() !== '');
}

/** Splits a parameter list, honouring double quotes (4.0 allows `TYPE="work,voice"`). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** Parses one unfolded line, or returns null when it has no "name:value" shape. */
export function parseContentLine(line: string): ContentLine | null {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [rawName = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = rawName.slice(rawName.lastIndexOf('.') + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    const key = eq < 0 ? 'TYPE' : param.slice(0, eq).trim().toUpperCase();
    const raw = eq < 0 ? param : param.slice(eq + 1);
    const values = splitOutsideQuotes(raw, ',').map((v) => v.replace(/"/g, '').trim());
    params.set(key, [...(params.get(key) ?? []), ...values.filter(Boolean)]);
  }
  return { name, params, value: line.slice(colon + 1) };
}
