// Builds custom-elements.json from the components' JSDoc (npm run build).
/** Private reactive state is not part of an element's API: drop it from the attributes. */
function publicApiOnly() {
  return {
    name: 'public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          if (!decl.tagName) delete decl.customElement;
          const hidden = new Set(
            (decl.members ?? [])
              .filter((m) => m.privacy && m.privacy !== 'public')
              .map((m) => m.name),
          );
          decl.attributes = (decl.attributes ?? []).filter((a) => !hidden.has(a.fieldName));
          decl.members = (decl.members ?? []).filter((m) => !hidden.has(m.name));
          // Only the documented cs-* events (the analyzer also guesses from constructor calls).
          decl.events = (decl.events ?? []).filter((e) => e.name?.startsWith('cs-'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly()],
};
