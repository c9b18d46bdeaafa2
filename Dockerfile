# One image recipe for every deployable of the monorepo, chosen by build argument:
#   docker build --build-arg SERVICE=intake -t vetting/intake .
#   SERVICE: intake | screening | references | clearance | audit | gateway (console built in) | simulators
# The references worker runs from the references image (command services/references/src/worker/main.ts);
# compose's kafka-init runs scripts/create-topics.mjs from any of them.
# Multi-stage: stage 1 installs only the chosen workspace's production dependencies from the lockfile,
# the console stage builds the web console for the gateway (an empty stage for the others), the runtime
# holds the sources the service imports and runs as the unprivileged node user.
ARG SERVICE=intake
ARG CONSOLE=none

FROM node:20-bookworm-slim AS deps
ARG SERVICE
ARG SERVICE_DIR=services/${SERVICE}
WORKDIR /app
# Every workspace manifest is needed for npm ci to accept the lockfile; only one tree is installed.
COPY package.json package-lock.json ./
COPY packages/platform/package.json packages/platform/
COPY packages/matching/package.json packages/matching/
COPY packages/banlists/package.json packages/banlists/
COPY packages/policy/package.json packages/policy/
COPY packages/cli/package.json packages/cli/
COPY services/intake/package.json services/intake/
COPY services/screening/package.json services/screening/
COPY services/references/package.json services/references/
COPY services/clearance/package.json services/clearance/
COPY services/audit/package.json services/audit/
COPY services/gateway/package.json services/gateway/
COPY services/gateway/console/package.json services/gateway/console/
COPY contracts/package.json contracts/
COPY tests/package.json tests/
COPY tests/simulators/package.json tests/simulators/
RUN npm ci --omit=dev --workspace ${SERVICE_DIR} --ignore-scripts --no-audit --no-fund \
 # tsx runs the TypeScript sources (a root devDependency): installed on its own, merged into node_modules.
 && npm install --prefix /tmp/tsx --no-save --no-audit --no-fund tsx@4.23.15 \
 && cp -a /tmp/tsx/node_modules/. node_modules/

# The web console (React, built by Vite), only when CONSOLE=gateway; its dev dependencies stay here.
FROM node:20-bookworm-slim AS console-gateway
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY --from=deps /app/packages ./packages
COPY --from=deps /app/services ./services
COPY --from=deps /app/contracts ./contracts
COPY --from=deps /app/tests ./tests
RUN npm ci --workspace @vetting/console --no-audit --no-fund
COPY services/gateway/console ./services/gateway/console
RUN npm run build --workspace @vetting/console && mkdir -p /console && cp -a services/gateway/console/dist /console/dist

FROM node:20-bookworm-slim AS console-none
RUN mkdir -p /console/dist

FROM console-${CONSOLE} AS console

FROM node:20-bookworm-slim
ARG SERVICE
ARG SERVICE_DIR=services/${SERVICE}
ARG PORT=8080
ENV NODE_ENV=production NODE_OPTIONS=--max-old-space-size=384 PORT=${PORT} SERVICE_NAME=${SERVICE} SERVICE_DIR=${SERVICE_DIR} \
    KEYS_DIR=/keys CONSOLE_DIR=/app/services/gateway/console/dist
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY tsconfig.base.json ./
COPY contracts/package.json contracts/asyncapi.yaml ./contracts/
COPY contracts/src ./contracts/src
COPY contracts/openapi ./contracts/openapi
COPY contracts/events ./contracts/events
COPY infra/topics.json ./infra/topics.json
COPY scripts/create-topics.mjs ./scripts/create-topics.mjs
# The internal packages' sources are small; a service imports the ones it depends on.
COPY packages ./packages
COPY ${SERVICE_DIR}/package.json ${SERVICE_DIR}/tsconfig.json ./${SERVICE_DIR}/
COPY ${SERVICE_DIR}/src ./${SERVICE_DIR}/src
COPY --from=console /console/dist ./services/gateway/console/dist
# Where state outside the databases lives (audit checkpoints, gateway development keys): volumes
# mounted here must be writable by the node user.
RUN mkdir -p /var/lib/vetting/audit /keys && chown node:node /var/lib/vetting/audit /keys
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A shell only to expand SERVICE_DIR; exec hands PID 1 (and SIGTERM) to node.
CMD ["sh", "-c", "exec node --import tsx \"$SERVICE_DIR/src/main.ts\""]
