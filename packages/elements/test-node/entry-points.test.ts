import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { init, parse } from 'es-module-lexer';

const dist = join(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));

/** The code a page loads for an entry: the file and every chunk it imports, statically. */
function loaded(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
    normalize(join(dirname(file), m[1]!)),
  );
  return code + imports.map((f) => loaded(f, seen)).join('');
}

const TAGS = [
  'contact-list',
  'device-sync',
  'history-grid',
  'import-wizard',
  'mapping-table',
  'recipient-picker',
  'schedule-editor',
  'sync-status',
];
/** Elements that render others inside them. */
const INSIDE: Record<string, string[]> = { 'import-wizard': ['mapping-table', 'schedule-editor'] };

describe('per-element entry points', () => {
  for (const tag of TAGS)
    it(`@contactsync/elements/${tag} loads <cs-${tag}> and no element it does not use`, () => {
      assert.deepEqual(manifest.exports[`./${tag}`], {
        '@contactsync/source': `./src/entries/${tag}.ts`,
        types: `./dist/entries/${tag}.d.ts`,
        default: `./dist/${tag}.js`,
      });
      const code = loaded(`${tag}.js`);
      assert.ok(code.includes(`"cs-${tag}"`), `cs-${tag} is not defined by its entry`);
      const others = TAGS.filter(
        (t) => t !== tag && !(INSIDE[tag] ?? []).includes(t) && code.includes(`"cs-${t}"`),
      );
      assert.deepEqual(others, []);
    });

  it('the all-in-one entry still has every element', () => {
    const code = loaded('index.js');
    assert.deepEqual(
      TAGS.filter((t) => !code.includes(`"cs-${t}"`)),
      [],
    );
  });

  it('the single-file build imports nothing, and carries its worker beside it', async () => {
    await init;
    const code = readFileSync(join(dist, 'cdn/contactsync.js'), 'utf8');
    // Static imports only: the SDK inside starts its worker by URL, which is no import.
    assert.deepEqual(
      parse(code)[0]
        .filter((i) => i.d === -1)
        .map((i) => i.n),
      [],
    );
    assert.ok(code.includes('contactsync-worker.js'));
    assert.equal(
      readFileSync(join(dist, 'cdn/contactsync-worker.js'), 'utf8'),
      readFileSync(join(dist, '../../sdk/dist/contactsync-worker.js'), 'utf8'),
    );
    assert.equal(manifest.unpkg, 'dist/cdn/contactsync.js');
  });

  it('the React components cover every element and every event the manifest lists', () => {
    const source = readFileSync(join(import.meta.dirname, '../src/entries/react.ts'), 'utf8');
    const elements = JSON.parse(
      readFileSync(join(import.meta.dirname, '../custom-elements.json'), 'utf8'),
    ).modules.flatMap(
      (m: { declarations?: { tagName?: string; events?: { name: string }[] }[] }) =>
        m.declarations ?? [],
    ) as { tagName?: string; events?: { name: string; type?: { text: string } }[] }[];
    const missing = elements
      .filter((d) => d.tagName)
      .flatMap((d) => [
        `tagName: '${d.tagName}'`,
        ...(d.events ?? []).map((e) => `'${e.name}' as EventName<${e.type?.text}>`),
      ])
      .filter((text) => !source.includes(text));
    assert.deepEqual(missing, []);
  });
});
