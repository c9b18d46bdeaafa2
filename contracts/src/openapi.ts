import { fileURLToPath } from 'node:url';

export const openapiDir = fileURLToPath(new URL('../openapi/', import.meta.url));

/** Path of a service's OpenAPI 3.1 document, the source of truth for its HTTP contract. */
export const openapiPath = (service: string) => `${openapiDir}${service}.yaml`;
