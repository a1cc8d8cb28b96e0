import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { init, parse } from 'es-module-lexer';
import { exportedFiles } from './fixtures/exported-files.ts';

const root = join(import.meta.dirname, '../../..');

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

/** Bare packages the entries reach, following relative imports through the package's files. */
function reachedPackages(dir: string, entries: string[]): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    const specifiers = file.endsWith('.d.ts')
      ? [...code.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!)
      : parse(code)[0]
          .map((i) => i.n)
          .filter((n): n is string => typeof n === 'string');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const next = normalize(join(dirname(file), specifier));
        queue.push(file.endsWith('.d.ts') ? next.replace(/\.js$/, '.d.ts') : next);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        packages.add(packageOf(specifier));
      }
    }
  }
  return packages;
}

describe('what a consumer installs', () => {
  for (const name of ['core', 'sdk', 'elements', 'proxy', 'server'])
    it(`@contactsync/${name} depends on exactly the packages its published files import`, async () => {
      await init;
      const dir = join(root, 'packages', name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const reached = reachedPackages(
        dir,
        exportedFiles(manifest).filter((f) => /\.(js|d\.ts)$/.test(f)),
      );
      const declared = new Set(
        Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }),
      );
      // Bundled code (the SDK's comlink, idb, hashes; the elements' @lit/context) is not among
      // them: nothing a consumer loads imports it.
      assert.deepEqual([...reached].sort(), [...declared].sort());
    });
});
