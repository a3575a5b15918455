# syntax=docker/dockerfile:1
# talks-tracker: one image for every replica. Build: docker build -t talks-tracker .
# Run:   docker run --env-file .env -p 3000:3000 -v "$PWD/content:/app/content:ro" talks-tracker

# --- deps: production dependencies only, from the lockfile ---------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime --------------------------------------------------------------------------------------
# The TypeScript runs as is through tsx's loader (tsx is a production dependency), not compiled with tsc:
# the image runs exactly the files the tests run, and paths computed from import.meta.url (the default
# content folder, data files) stay the same as in the repository. The cost is a one-off transform at startup.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    TALKS_CONTENT_DIR=/app/content
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --chown=root:root package.json tsconfig.json ./
COPY --chown=root:root src ./src
COPY --chown=root:root adapters ./adapters
COPY --chown=root:root bin ./bin
# The articles shipped with the repo; mount the desk's folder over it (read-only is fine: the bot only reads).
COPY --chown=root:root content ./content
VOLUME ["/app/content"]

# The code is owned by root and read-only to the app; it runs as the image's unprivileged `node` user.
USER node
EXPOSE 3000

# No curl in slim images: Node's own fetch checks the process is up.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node is PID 1 (not npm), so SIGTERM reaches the app, which drains and exits within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "adapters/main.ts"]
