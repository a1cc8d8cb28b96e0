// Writes each package's type declarations into its dist/ (the "types" its package.json names),
// core first: the others read core's (and the SDK's) declarations, not their sources.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'contactsync-types-'));
let failed = false;
try {
  for (const pkg of ['core', 'proxy', 'server', 'sdk', 'elements']) {
    const config = join(dir, `${pkg}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          noEmit: false,
          declaration: true,
          emitDeclarationOnly: true,
          // Other packages resolve through their published "types", as a consumer's would.
          customConditions: [],
          rootDir: join(root, `packages/${pkg}/src`),
          outDir: join(root, `packages/${pkg}/dist`),
          typeRoots: [join(root, 'node_modules/@types')],
          types: pkg === 'proxy' || pkg === 'server' ? ['node'] : [],
        },
        include: [join(root, `packages/${pkg}/src`)],
        exclude: [join(root, `packages/${pkg}/src/**/*.test.ts`)],
      }),
    );
    const result = spawnSync('npx', ['tsc', '-p', config], { stdio: 'inherit', cwd: root });
    if (result.status !== 0) {
      console.error(`types: declarations for packages/${pkg} failed`);
      failed = true;
      break;
    }
    jsSpecifiers(join(root, `packages/${pkg}/dist`));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/**
 * The sources import `./x.ts`; published declarations say `./x.js`, which every resolution mode
 * maps to `x.d.ts` (a `.ts` specifier in a `.d.ts` fails hosts without
 * `allowImportingTsExtensions`).
 */
function jsSpecifiers(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(/(['"])(\.{1,2}\/[^'"]*?)\.ts\1/g, '$1$2.js$1');
    if (fixed !== text) writeFileSync(path, fixed);
  }
}
