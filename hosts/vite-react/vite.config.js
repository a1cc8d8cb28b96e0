// A host's ordinary Vite config: nothing in it is there for ContactSync.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
