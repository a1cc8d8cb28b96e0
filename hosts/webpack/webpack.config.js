// A host's ordinary webpack config: nothing in it is there for ContactSync.
import { resolve } from 'node:path';

export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: resolve(import.meta.dirname, 'dist'), filename: 'main.js', clean: true },
};
