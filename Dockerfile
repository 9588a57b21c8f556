# syntax=docker/dockerfile:1.7
# Nexus images, one target per service (docker-compose.production.yml builds them):
#
#   docker build --target api  -t nexus/api  .   # the API, the worker (NEXUS_ROLE=worker) and the migrations
#   docker build --target chat -t nexus/chat .   # the WebSocket gateway
#   docker build --target web  -t nexus/web  .   # the dashboard (SvelteKit, adapter-node)
#
# Each runtime image holds only `pnpm deploy --prod` of its package — its own
# files and its production dependencies, the workspace packages it uses copied
# in — on node:20 slim, as the unprivileged `node` user, NODE_ENV=production.
#
# The API and the gateway run their TypeScript through tsx (a production
# dependency of both): `node --conditions=@nexus/source --import tsx src/server.ts`,
# the very command the test suite starts them with, and workspace packages
# resolve to their sources through the `@nexus/source` export condition — no
# second, compiled form of the code to drift from the tested one.
# scripts/test/deploy.test.mjs starts each `pnpm deploy --prod` output from its
# own folder with the compose file's environment.

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---------------------------------------------------------------- build
FROM ${NODE_IMAGE} AS workspace
ENV PNPM_HOME=/pnpm CI=true
ENV PATH=$PNPM_HOME:$PATH
RUN npm install --global --no-audit --no-fund pnpm@12.4.2
WORKDIR /src
# The lockfile and manifests first: the dependency layer is rebuilt only when they change.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY api/package.json api/
COPY chat/package.json chat/
COPY realtime/package.json realtime/
COPY sdk/package.json sdk/
COPY web/package.json web/
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm fetch --frozen-lockfile
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm install --frozen-lockfile --offline

FROM workspace AS api-deploy
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm --filter @nexus/api deploy --prod /out \
 && rm -rf /out/test /out/vitest.config.ts

FROM workspace AS chat-deploy
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm --filter @nexus/chat deploy --prod /out \
 && rm -rf /out/test /out/vitest.config.ts

FROM workspace AS web-deploy
# The SDK's dist/ and the adapter-node bundle in build/ (git-ignored, so `pnpm deploy` leaves it out: copied below).
RUN pnpm --filter @nexus/web run build
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm --filter @nexus/web deploy --prod /out \
 && cp -r web/build /out/build

# ---------------------------------------------------------------- runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY deploy/healthcheck.mjs /usr/local/lib/nexus/healthcheck.mjs
# tsx caches its transforms under the temp dir; the node user owns its own.
ENV TMPDIR=/tmp

FROM runtime AS api
COPY --from=api-deploy --chown=root:root /out /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8002 9464
CMD ["node", "--conditions=@nexus/source", "--import", "tsx", "src/server.ts"]

FROM runtime AS chat
COPY --from=chat-deploy --chown=root:root /out /app
USER node
EXPOSE 8001 9465
CMD ["node", "--conditions=@nexus/source", "--import", "tsx", "src/server.ts"]

FROM runtime AS web
COPY --from=web-deploy --chown=root:root /out /app
USER node
EXPOSE 3010
CMD ["node", "scripts/serve.mjs"]
