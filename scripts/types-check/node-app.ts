// A server mounting the proxy, as TypeScript sees it from the published declarations.
import { createServer } from 'node:http';
import { configFromEnv, createProxyHandler } from '@contactsync/proxy';

const { options, port, host } = configFromEnv(process.env);
const handler = createProxyHandler(options);
createServer((req, res) => void handler(req, res)).listen(port, host);
