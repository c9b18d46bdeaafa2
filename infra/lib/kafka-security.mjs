// SASL/SCRAM principals and ACLs of the native broker. One principal per service (named after it,
// as the services' KAFKA_USERNAME defaults to SERVICE_NAME), the admin principal (super user: infra,
// operators, tests, benchmarks), the broker's own (inter-broker) and the controller's (PLAIN on the
// controller listener, where KRaft cannot use SCRAM: its credentials live in the metadata the
// controller serves). Passwords are random, kept in <data>/kafka/credentials.json (0600) and
// published to local clients through <data>/infra.env.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PRINCIPAL, passwordVariable, servicePrincipals } from '../../contracts/src/topic-access.mjs';
import { DATA_DIR, INFRA_DIR } from './config.mjs';
import { run } from './proc.mjs';

export const MECHANISM = 'SCRAM-SHA-512';
export const BROKER_PRINCIPAL = 'vetting-broker';
export const CONTROLLER_PRINCIPAL = 'vetting-controller';
const CREDENTIALS_FILE = join(DATA_DIR, 'kafka', 'credentials.json');
const TOPICS_FILE = join(INFRA_DIR, 'topics.json');
/** SCRAM iterations: Kafka's minimum is 4096; 8192 as Kafka's own tools default. */
const ITERATIONS = 8192;

export const topicsSpec = () => JSON.parse(readFileSync(TOPICS_FILE, 'utf8'));

/** Every SCRAM principal: admin, broker and one per service of the topics file. */
export const scramPrincipals = () => [ADMIN_PRINCIPAL, BROKER_PRINCIPAL, ...servicePrincipals(topicsSpec())];

const secret = () => randomBytes(24).toString('base64url');

/**
 * The stored credentials, with a password generated for any principal that has none yet.
 * `registered` lists the principals whose SCRAM credentials the broker already holds.
 */
export function credentials() {
  const stored = existsSync(CREDENTIALS_FILE)
    ? JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8'))
    : { controller: secret(), users: {}, registered: [] };
  let changed = !existsSync(CREDENTIALS_FILE);
  for (const p of scramPrincipals()) {
    if (!stored.users[p]) {
      stored.users[p] = secret();
      changed = true;
    }
  }
  if (changed) saveCredentials(stored);
  return stored;
}

export function saveCredentials(stored) {
  writeFileSync(CREDENTIALS_FILE, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
}

/** Principals with a password but no SCRAM credentials on the broker yet. */
export const unregistered = (stored) => Object.keys(stored.users).filter((p) => !stored.registered.includes(p));

/** `kafka-storage format` arguments that bootstrap every principal's SCRAM credentials. */
export const formatScramArgs = (stored) =>
  Object.entries(stored.users).flatMap(([name, password]) => [
    '--add-scram',
    `${MECHANISM}=[name=${name},iterations=${ITERATIONS},password=${password}]`,
  ]);

const jaasScram = (user, password) =>
  `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`;
const jaasPlain = (user, password, users) =>
  `org.apache.kafka.common.security.plain.PlainLoginModule required username="${user}" password="${password}" ${Object.entries(users)
    .map(([u, p]) => `user_${u}="${p}"`)
    .join(' ')};`;

/**
 * The security part of server.properties. `bootstrapAdmin`: the client listener also accepts the
 * admin over PLAIN (static credentials), to register SCRAM users on a broker that has none for it yet
 * (data formatted before SCRAM, or a principal added since); never in normal operation. `tls`: the
 * client listener is SASL_SSL with this PEM key and certificate chain (`keystore`) and trusts `truststore`
 * (the CA) for the broker's own connections (compose; the native loopback broker has none).
 */
export function securityProperties(stored, { bootstrapAdmin = false, tls } = {}) {
  const admin = stored.users[ADMIN_PRINCIPAL];
  const clientMechanisms = [MECHANISM, ...(bootstrapAdmin ? ['PLAIN'] : [])];
  return [
    `listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:${tls ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
    ...(tls
      ? [
          'listener.name.client.ssl.keystore.type=PEM',
          `listener.name.client.ssl.keystore.location=${tls.keystore}`,
          'listener.name.client.ssl.truststore.type=PEM',
          `listener.name.client.ssl.truststore.location=${tls.truststore}`,
        ]
      : []),
    'inter.broker.listener.name=CLIENT',
    `sasl.mechanism.inter.broker.protocol=${bootstrapAdmin ? 'PLAIN' : MECHANISM}`,
    `listener.name.client.sasl.enabled.mechanisms=${clientMechanisms.join(',')}`,
    `listener.name.client.scram-sha-512.sasl.jaas.config=${jaasScram(BROKER_PRINCIPAL, stored.users[BROKER_PRINCIPAL])}`,
    ...(bootstrapAdmin
      ? [
          `listener.name.client.plain.sasl.jaas.config=${jaasPlain(BROKER_PRINCIPAL, stored.users[BROKER_PRINCIPAL], { [ADMIN_PRINCIPAL]: admin, [BROKER_PRINCIPAL]: stored.users[BROKER_PRINCIPAL] })}`,
        ]
      : []),
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=${jaasPlain(CONTROLLER_PRINCIPAL, stored.controller, { [CONTROLLER_PRINCIPAL]: stored.controller })}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    `super.users=User:${ADMIN_PRINCIPAL};User:${BROKER_PRINCIPAL};User:${CONTROLLER_PRINCIPAL}`,
    'allow.everyone.if.no.acl.found=false',
  ].join('\n');
}

/**
 * Registers the SCRAM credentials of every unregistered principal through a running broker that
 * accepts the admin over PLAIN (Kafka's ConfigCommand: kafkajs has no AlterUserScramCredentials).
 */
export async function registerScramUsers(stored, { java, javaArgs, bootstrap, dir }) {
  const clientConfig = join(dir, 'admin-bootstrap.properties');
  writeFileSync(
    clientConfig,
    [
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=PLAIN',
      `sasl.jaas.config=${jaasPlain(ADMIN_PRINCIPAL, stored.users[ADMIN_PRINCIPAL], {})}`,
    ].join('\n'),
    { mode: 0o600 },
  );
  try {
    for (const name of unregistered(stored)) {
      const config = `${MECHANISM}=[iterations=${ITERATIONS},password=${stored.users[name]}]`;
      const args = [
        'kafka.admin.ConfigCommand',
        '--bootstrap-server',
        bootstrap,
        '--command-config',
        clientConfig,
        '--alter',
        '--add-config',
        config,
        '--entity-type',
        'users',
        '--entity-name',
        name,
      ];
      // The error would repeat the command line, password included: report the principal only.
      await run(java, [...javaArgs, ...args]).catch(() => {
        throw new Error(`kafka: registering the SCRAM credentials of ${name} failed (see kafka.log)`);
      });
      stored.registered.push(name);
      saveCredentials(stored);
    }
  } finally {
    rmSync(clientConfig, { force: true });
  }
}

/** kafkajs options of the admin principal (`plain` while bootstrapping). */
export const adminSasl = (stored, { plain = false } = {}) => ({
  mechanism: plain ? 'plain' : 'scram-sha-512',
  username: ADMIN_PRINCIPAL,
  password: stored.users[ADMIN_PRINCIPAL],
});

/** The lines infra.env gets: the admin identity, and each service principal's password. */
export function envLines(stored) {
  return [
    `KAFKA_SASL_MECHANISM=scram-sha-512`,
    `KAFKA_USERNAME=${ADMIN_PRINCIPAL}`,
    `KAFKA_PASSWORD=${stored.users[ADMIN_PRINCIPAL]}`,
    ...servicePrincipals(topicsSpec()).map((p) => `${passwordVariable(p)}=${stored.users[p]}`),
  ];
}
