# One image with the whole monorepo: compose uses it for kafka-init (scripts/create-topics.mjs) and the
# development simulators; every service has its own smaller image (services/<name>/Dockerfile). Multi-stage: dependencies are installed once, the runtime runs as non-root.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY contracts ./contracts
COPY tests/package.json ./tests/package.json
COPY tests/simulators ./tests/simulators
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm install --no-save tsx@4

FROM node:20-bookworm-slim
ENV NODE_ENV=production NODE_OPTIONS=--max-old-space-size=384
WORKDIR /app
COPY --from=deps /app /app
COPY infra/topics.json ./infra/topics.json
COPY scripts/create-topics.mjs ./scripts/create-topics.mjs
USER node
CMD ["node", "--import", "tsx", "services/gateway/src/main.ts"]
