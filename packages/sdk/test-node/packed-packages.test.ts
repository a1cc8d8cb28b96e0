// Every package as npm would publish it (all five, checked from here): the files a consumer's
// install gets must hold what package.json promises.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportedFiles } from './fixtures/exported-files.ts';

const root = join(import.meta.dirname, '../../..');
const PACKAGES = ['core', 'sdk', 'elements', 'proxy', 'server'];

describe('the packed packages', () => {
  for (const name of PACKAGES)
    it(`@contactsync/${name} ships its README, LICENSE and every file it exports, and says where it lives`, () => {
      const dir = join(root, 'packages', name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const [packed] = JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
          cwd: dir,
          encoding: 'utf8',
        }),
      ) as [{ files: { path: string }[] }];
      const files = new Set(packed.files.map((f) => f.path));
      for (const file of ['README.md', 'LICENSE', 'package.json', ...exportedFiles(manifest)])
        assert.ok(files.has(file), `${file} is not in the package`);
      assert.deepEqual(manifest.publishConfig, { access: 'public' });
      // Bundlers can hash and copy the worker (and the workbook chunk beside it) by name.
      if (name === 'sdk')
        assert.deepEqual(
          [manifest.exports['./worker'], manifest.exports['./workbook-reader']],
          [
            { types: './dist/worker/script-asset.d.ts', default: './dist/contactsync-worker.js' },
            {
              types: './dist/worker/script-asset.d.ts',
              default: './dist/contactsync-workbook.js',
            },
          ],
        );
      assert.equal(manifest.license, 'MIT');
      // npm's page links to the source, the folder of this package in it, and the tracker.
      const workspace = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      assert.deepEqual(
        [manifest.homepage, manifest.repository, manifest.bugs],
        [
          workspace.homepage,
          { ...workspace.repository, directory: `packages/${name}` },
          workspace.bugs,
        ],
      );
      assert.match(workspace.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
      // Tests stay out of what consumers download.
      assert.deepEqual(
        [...files].filter((f) => /\.test\.ts$/.test(f)),
        [],
      );
      // Declarations import declarations: no `.ts` specifier a host's compiler would refuse.
      const tsImports = [...files]
        .filter((f) => f.endsWith('.d.ts'))
        .flatMap((f) =>
          [...readFileSync(join(dir, f), 'utf8').matchAll(/['"](\.{1,2}\/[^'"]*\.ts)['"]/g)]
            .map((m) => m[1]!)
            .filter((spec) => !spec.endsWith('.d.ts'))
            .map((spec) => `${f} → ${spec}`),
        );
      assert.deepEqual(tsImports, []);
    });

  it('@contactsync/sdk declares its API explicitly: its types reach no worker, store or idb internals', () => {
    const dist = join(root, 'packages/sdk/dist');
    const reached = new Set<string>();
    const bare = new Set<string>();
    const queue = ['index.d.ts'];
    while (queue.length) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      const text = readFileSync(join(dist, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g))
        if (spec!.startsWith('.'))
          queue.push(posix.join(posix.dirname(file), spec!.replace(/\.js$/, '.d.ts')));
        else bare.add(spec!);
    }
    assert.deepEqual(
      [...reached].filter((f) => /^(worker|store|replication\/(?!replication-status))/.test(f)),
      [],
    );
    assert.deepEqual([...bare], ['@contactsync/core']);
    // `ContactSync` is an interface of its own, not a type inferred from the implementation.
    assert.match(
      readFileSync(join(dist, 'client/contact-sync.d.ts'), 'utf8'),
      /export interface ContactSync \{/,
    );
  });
});
