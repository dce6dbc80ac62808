# syntax=docker/dockerfile:1
# The Node target as a container: the site, the report endpoint and its SQLite store in one
# process. Built in two stages so the image holds the built site and production packages only.
# Run it with a read-only root filesystem; the only writable place is the /data volume, which holds
# the report database and (if REPORT_SECRET is not set) the key made on first run. Back it up.
#   docker build -t see-the-signs .
#   docker run --read-only --tmpfs /tmp -v see-the-signs-data:/data -p 4321:4321 see-the-signs
# deploy/compose.yaml runs it behind Caddy, which terminates TLS. See docs/adopting.md.

ARG NODE_IMAGE=node:24-bookworm-slim

# 1. Build: every package (the build needs the dev tools), then the site for the Node target.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The same fallback as .ci/run: the lock file may lack other platforms' optional packages.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production packages only, on a clean install.
FROM ${NODE_IMAGE} AS packages
WORKDIR /app
COPY package.json package-lock.json ./
RUN (npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund) && npm cache clean --force

# 3. Run: owned by root, run by the unprivileged `node` user, so the code cannot change itself.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4321 \
    REPORT_DB_PATH=/data/reports.sqlite \
    REPORT_KEY_FILE=/data/report.key
WORKDIR /app
COPY --from=packages /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
COPY --from=build /app/src ./src
COPY --from=build /app/migrations ./migrations
RUN mkdir /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4321
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4321/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/targets/node/start.ts"]
