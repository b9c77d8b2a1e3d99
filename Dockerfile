# Pnyx in production: PostgreSQL from DATABASE_URL, platform tokens from the environment.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --strict-allow-scripts --no-audit --no-fund
COPY . .
ENV NODE_ENV=production WEB_HOST=0.0.0.0
EXPOSE 3000 8443
CMD ["npm", "start"]
