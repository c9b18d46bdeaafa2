/** The services whose OpenAPI documents the API reference shows, in the order of the menu. */
export const REFERENCE_SERVICES = ['intake', 'screening', 'references', 'clearance', 'audit', 'accountability', 'gateway'] as const;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

type Operation = { operationId?: string; description?: string; security?: unknown[]; 'x-roles'?: string[] };
type OpenApiDocument = {
  servers?: { url: string }[];
  security?: unknown[];
  paths?: Record<string, Record<string, unknown>>;
};

/** Who may call an operation, as a reader of the reference needs it said. */
export function rolesLine(op: Operation, documentSecurity: unknown[] | undefined): string {
  const security = op.security ?? documentSecurity ?? [];
  if (security.length === 0 || security.every((s) => Object.keys(s as object).length === 0)) return '**Roles:** public (no token).';
  const roles = op['x-roles'];
  return roles?.length ? `**Roles:** ${roles.map((r) => `\`${r}\``).join(', ')}.` : '**Roles:** any signed-in user.';
}

/**
 * A service's document as the gateway's API reference serves it: requests go through the gateway
 * (`/api/<service>`), and every operation's description starts with the roles it needs (`x-roles`,
 * which reference renderers do not show by themselves). The contract file itself is not changed.
 */
export function documentForReference<T extends OpenApiDocument>(doc: T, service: string): T {
  const copy = structuredClone(doc);
  if (service !== 'gateway') copy.servers = [{ url: `/api/${service}` }];
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const line = rolesLine(op, copy.security);
      op.description = op.description ? `${line}\n\n${op.description}` : line;
    }
  }
  return copy;
}

/** Every operation of a document, as `operationId` (or `METHOD path` when it has none). */
export function operationsOf(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => (item[m] as Operation).operationId ?? `${m.toUpperCase()} ${path}`),
  );
}
