import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    // The one line Vue needs for any custom element: the cs-* tags are not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cs-') } } }),
  ],
});
