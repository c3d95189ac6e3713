// @ts-check
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The yardstick for `npm run bench -- --http`: a bare Hono hello-world on @hono/node-server. Plain
 * JavaScript run by node alone, as `npm start` runs the app (built, without tsx), so that their
 * memory compares as well as their req/s.
 */
const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
const port = Number(process.env.PORT ?? 3999);
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log(`hello-world på ${port}`));
