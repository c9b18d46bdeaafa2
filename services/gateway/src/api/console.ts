import { existsSync } from 'node:fs';
import express, { type Express } from 'express';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vetting platform</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}code{background:#eee;padding:0 .25rem}</style>
</head><body><main>
<h1>Safe-recruitment vetting platform</h1>
<p>The services are running. The web console has not been built yet; the API is served under <code>/api/&lt;service&gt;/</code>:
<code>intake</code>, <code>screening</code>, <code>references</code>, <code>clearance</code>, <code>audit</code>. Sign in with <code>POST /api/auth/login</code>.</p>
</main></body></html>`;

/** Serves the built console (a single-page app) or, until it is built, a plain page saying where the API is. */
export function mountConsole(app: Express, dir: string | undefined): void {
  if (dir && existsSync(`${dir}/index.html`)) {
    app.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/|\.well-known\/|healthz|readyz|metrics).*/, (_req, res) => res.sendFile(`${dir}/index.html`));
    return;
  }
  app.get('/', (_req, res) => void res.type('html').send(PLACEHOLDER));
}
