import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import express, { type Express } from 'express';
import { parse } from 'yaml';
import { openapiPath } from '@vetting/contracts';
import { documentForReference, REFERENCE_SERVICES } from '../domain/api-reference';

const swaggerUiDir = (createRequire(import.meta.url)('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Vetting platform</title>
<link rel="stylesheet" href="assets/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="assets/swagger-ui-bundle.js"></script>
<script src="assets/swagger-ui-standalone-preset.js"></script>
<script src="init.js"></script>
</body></html>`;

// A file, not an inline script: the gateway's content security policy allows scripts from itself only.
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: ${JSON.stringify(REFERENCE_SERVICES.map((s) => ({ name: s, url: `specs/${s}.json` })))},
    'urls.primaryName': new URLSearchParams(location.search).get('service') || 'intake',
    dom_id: '#swagger-ui',
    deepLinking: true,
    displayOperationId: true,
    docExpansion: 'list',
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});`;

/**
 * The browsable API reference at /api/reference/: every service's OpenAPI document (the contracts,
 * read at start) rendered by Swagger UI, with the roles each operation needs and its examples.
 */
export function mountApiReference(app: Express): void {
  const documents = new Map(
    REFERENCE_SERVICES.map((s) => [s, JSON.stringify(documentForReference(parse(readFileSync(openapiPath(s), 'utf8')), s))]),
  );
  // The page's links are relative: it must be served under the trailing slash.
  app.get(/^\/api\/reference\/?$/, (req, res) =>
    req.path.endsWith('/') ? void res.type('html').send(PAGE) : res.redirect(301, '/api/reference/'),
  );
  app.get('/api/reference/init.js', (_req, res) => void res.type('js').send(INIT));
  app.get('/api/reference/specs/:file', (req, res) => {
    const doc = documents.get(req.params.file.replace(/\.json$/, '') as (typeof REFERENCE_SERVICES)[number]);
    if (!doc)
      return void res
        .status(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', status: 404, title: 'No such API document' });
    res.type('json').send(doc);
  });
  app.use('/api/reference/assets', express.static(swaggerUiDir, { maxAge: '1h', index: false }));
}
