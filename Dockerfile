# Pnyx in production: `node dist/main.js` as an unprivileged user, PostgreSQL from DATABASE_URL, Redis from REDIS_URL,
# platform tokens and API keys from the environment (see .env.example and the README's "Production" section).

# --- build: native modules (better-sqlite3) compiled here, TypeScript bundled into dist/ ------------------------------
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# The npm the lockfile and package.json's allowScripts are made for (install scripts only where allowed).
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --strict-allow-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: no compiler, no dev dependencies, no root ---------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
# Fonts for the leaderboard charts (rendered to PNG with resvg).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# dist/ is the program; the source tree stays beside it because modules read their locales, pages and migrations from
# where they sit in it (scripts/build.mjs), and node_modules holds the packages dist/ imports.
COPY --from=build /app /app
# The SQLite default (./data) is the only place the process writes; a PostgreSQL deployment never uses it.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=3000
# 3000: /healthz, /readyz, /metrics (and the playground when enabled); 3001: Slack in HTTP mode; 8443: the Telegram webhook.
EXPOSE 3000 3001 8443
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# Pnyx stops taking events, drains battles in flight and exits on SIGTERM; give it the compose stop_grace_period.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
