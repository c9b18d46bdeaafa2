// Who may write and read each topic, from infra/topics.json: the broker's ACLs (native infra, a
// test's private topic copies, compose's kafka-init, the Kubernetes KafkaUsers) and the consumers'
// check of an event's `source` all come from here. Plain JavaScript so that infra/ and scripts/ (plain
// node) share it with the TypeScript code; types in topic-access.d.mts.

/** The principal infra, operators and tests use to create topics and ACLs (a super user). */
export const ADMIN_PRINCIPAL = 'vetting-admin';
/** Reads every topic: the audit trail holds every event. */
export const AUDIT_PRINCIPAL = 'audit';

const dlq = (topic) => `${topic}.dlq`;

/** The service principals named by the topics file (writers and readers), audit included, sorted. */
export function servicePrincipals(spec) {
  const names = new Set([AUDIT_PRINCIPAL]);
  for (const t of spec.topics) for (const n of [...(t.writers ?? []), ...(t.readers ?? [])]) names.add(n);
  return [...names].sort();
}

/** The services whose events a topic may carry (its writers); `prefix` is a test's topic prefix. */
export function topicWriters(spec, topic, prefix = '') {
  const name = prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  return spec.topics.find((t) => t.name === name)?.writers ?? [];
}

/**
 * The ACL bindings that give each service exactly what it needs on the topics (with `prefix` for a
 * test's private copies): writers WRITE the topic; readers and audit READ it and WRITE its dead-letter
 * topic (a consumer dead-letters what it cannot handle); every service uses the consumer groups
 * whose names start with its own name. Nothing else is allowed: the broker denies what no ACL allows.
 */
export function aclBindings(spec, prefix = '') {
  const bindings = [];
  const allow = (resourceType, name, pattern, principal, operation) => bindings.push({ resourceType, name, pattern, principal, operation });
  for (const t of spec.topics) {
    for (const w of t.writers ?? []) allow('topic', prefix + t.name, 'literal', w, 'write');
    const readers = [...new Set([...(t.readers ?? []), AUDIT_PRINCIPAL])];
    for (const r of readers) {
      allow('topic', prefix + t.name, 'literal', r, 'read');
      allow('topic', prefix + dlq(t.name), 'literal', r, 'write');
    }
  }
  for (const s of servicePrincipals(spec)) allow('group', prefix + s, 'prefixed', s, 'read');
  return bindings;
}

/**
 * A binding as kafkajs's createAcls/deleteAcls take it; `kafkajs` is the module (its enums), as a
 * namespace import or CommonJS exports (ESM sees kafkajs's exports under `default`).
 */
export function toKafkajsAcl(binding, kafkajs) {
  const k = kafkajs.AclResourceTypes ? kafkajs : kafkajs.default;
  return {
    resourceType: binding.resourceType === 'topic' ? k.AclResourceTypes.TOPIC : k.AclResourceTypes.GROUP,
    resourceName: binding.name,
    resourcePatternType: binding.pattern === 'literal' ? k.ResourcePatternTypes.LITERAL : k.ResourcePatternTypes.PREFIXED,
    principal: `User:${binding.principal}`,
    host: '*',
    operation: { read: k.AclOperationTypes.READ, write: k.AclOperationTypes.WRITE, describe: k.AclOperationTypes.DESCRIBE }[
      binding.operation
    ],
    permissionType: k.AclPermissionTypes.ALLOW,
  };
}

/**
 * Makes the broker's ACLs those of infra/topics.json: creates the missing ones and deletes ACLs on
 * the platform's own topics and groups that the file no longer grants (a test's prefixed copies are
 * its own business). `kafkajs` is the module (for its enums), `spec` the parsed topics file.
 */
export async function syncAcls(admin, kafkajs, spec) {
  const wanted = aclBindings(spec).map((b) => toKafkajsAcl(b, kafkajs));
  const key = (a) => [a.resourceType, a.resourceName, a.resourcePatternType, a.principal, a.host, a.operation, a.permissionType].join('|');
  const wantedKeys = new Set(wanted.map(key));
  const ours = new Set([...spec.topics.flatMap((t) => [t.name, `${t.name}.dlq`]), ...servicePrincipals(spec)]);
  const k = kafkajs.AclResourceTypes ? kafkajs : kafkajs.default;
  const described = await admin.describeAcls({
    resourceType: k.AclResourceTypes.ANY,
    resourcePatternType: k.ResourcePatternTypes.ANY,
    operation: k.AclOperationTypes.ANY,
    permissionType: k.AclPermissionTypes.ANY,
  });
  const existing = described.resources.flatMap((r) =>
    r.acls.map((a) => ({ resourceType: r.resourceType, resourceName: r.resourceName, resourcePatternType: r.resourcePatternType, ...a })),
  );
  const existingKeys = new Set(existing.map(key));
  const missing = wanted.filter((a) => !existingKeys.has(key(a)));
  const stale = existing.filter((a) => ours.has(a.resourceName) && !wantedKeys.has(key(a)));
  if (missing.length) await admin.createAcls({ acl: missing });
  if (stale.length) await admin.deleteAcls({ filters: stale });
  return { created: missing.length, deleted: stale.length };
}

/** The environment variable holding a principal's password in infra.env: KAFKA_PASSWORD_<NAME>. */
export const passwordVariable = (principal) => `KAFKA_PASSWORD_${principal.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
