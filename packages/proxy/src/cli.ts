#!/usr/bin/env node
import { createServer } from 'node:http';
import { configFromEnv } from './config-from-env.ts';
import { createProxyHandler } from './handler.ts';

// `contactsync-proxy`: the proxy on its own, configured by environment (docs/proxy.md).
try {
  const { port, host, options } = configFromEnv(process.env);
  const handle = createProxyHandler(options);
  createServer((req, res) => void handle(req, res)).listen(port, host, () => {
    console.log(`contactsync-proxy listening on http://${host}:${port}/v1/`);
  });
} catch (error) {
  console.error(`contactsync-proxy: ${(error as Error).message}`);
  process.exit(1);
}
