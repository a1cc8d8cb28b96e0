import { transform } from 'esbuild';

/**
 * The dev server serves browser-native ES modules; papaparse ships only CommonJS/UMD.
 * esbuild wraps such a file into an ES module with a default export.
 */
export function cjsToEsmPlugin(packages) {
  const pattern = new RegExp(`/node_modules/(${packages.join('|')})/`);
  return {
    name: 'cjs-to-esm',
    async transform(context) {
      if (!pattern.test(context.path)) return undefined;
      const { code } = await transform(context.body, {
        format: 'esm',
        loader: 'js',
        target: 'es2022',
      });
      return { body: code };
    },
  };
}
