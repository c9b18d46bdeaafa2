#!/usr/bin/env node
// A developer's local set of secrets for `docker compose up` and a development Kubernetes cluster:
//   node scripts/generate-secrets.mjs [--force] [--out <dir>]
// writes <dir>/.env (compose reads it), <dir>/.secrets/ (the broker's SCRAM users, configuration and
// TLS certificate, MongoDB's replica-set key) and <dir>/.secrets/k8s/secrets.yaml
// (`kubectl apply -f` it before `kubectl apply -k deploy/k8s/base`). Default dir: the repository.
// docker-compose.yml and deploy/k8s hold no secret and refuse to start without these.
import { fileURLToPath } from 'node:url';
import { generateSecrets } from './lib/secrets.mjs';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : fileURLToPath(new URL('..', import.meta.url));
try {
  const { envFile, dir } = await generateSecrets(out, { force: args.includes('--force') });
  console.log(`Wrote ${envFile} and ${dir}/ (compose), ${dir}/k8s/secrets.yaml (Kubernetes). Keep them private; never commit them.`);
  console.log('The first administrator signs in as "admin" with ADMIN_INITIAL_PASSWORD from the .env file.');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
