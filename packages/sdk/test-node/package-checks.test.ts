import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = join(import.meta.dirname, '../../..');
const out = mkdtempSync(join(tmpdir(), 'contactsync-pack-'));
after(() => rmSync(out, { recursive: true, force: true }));

/** The resolution modes of today's hosts: Node's ESM and every bundler. */
const MODERN = new Set(['node16-esm', 'bundler']);

describe('the published packages, as the ecosystem’s linters see them', () => {
  for (const name of ['core', 'sdk', 'elements', 'proxy', 'server'])
    it(`@contactsync/${name}: publint finds nothing, and its types resolve for ESM and bundlers`, async () => {
      const dir = join(root, 'packages', name);
      const { messages, pkg } = await publint({ pkgDir: dir, strict: true, level: 'suggestion' });
      assert.deepEqual(
        messages.map((m) => formatMessage(m, pkg)),
        [],
      );
      const [packed] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], {
          cwd: dir,
          encoding: 'utf8',
        }),
      ) as [{ filename: string }];
      const tarball = new Uint8Array(readFileSync(join(out, packed.filename)));
      const result = await checkPackage(createPackageFromTarballData(tarball));
      assert.ok(result.types, 'the package ships no types');
      // ESM only, on purpose: CommonJS and node10 resolution are not supported (README).
      const problems = result.problems
        .filter((p) => !('resolutionKind' in p) || MODERN.has(p.resolutionKind))
        .map((p) => `${p.kind} ${'entrypoint' in p ? p.entrypoint : ''}`);
      assert.deepEqual(problems, []);
    });
});
