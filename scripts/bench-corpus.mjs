/** The benchmark corpus: varied, realistic Dockerfiles, generated deterministically. */

/** Deterministic pseudo-random numbers (mulberry32), so every run lints the same corpus. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STACKS = [
  { base: 'node:20', manifests: 'package.json package-lock.json', install: 'npm ci', build: 'npm run build', run: '["node", "dist/server.js"]' },
  {
    base: 'python:3.12-slim',
    manifests: 'requirements.txt',
    install: 'pip install --no-cache-dir -r requirements.txt',
    build: 'python -m compileall .',
    run: '["gunicorn", "app:app"]',
  },
  { base: 'golang:1.22', manifests: 'go.mod go.sum', install: 'go mod download', build: 'go build -o /out/app ./cmd/app', run: '["/app"]' },
  {
    base: 'maven:3.9-eclipse-temurin-21',
    manifests: 'pom.xml',
    install: 'mvn -B dependency:go-offline',
    build: 'mvn -B package',
    run: '["java", "-jar", "app.jar"]',
  },
  { base: 'ruby:3.3', manifests: 'Gemfile Gemfile.lock', install: 'bundle install', build: 'bundle exec rake assets:precompile', run: 'bundle exec puma' },
];

export function generateDockerfile(n) {
  const r = random(n + 1);
  const pick = (items) => items[Math.floor(r() * items.length)];
  const stack = pick(STACKS);
  const lines = [];
  if (r() < 0.3) lines.push('# syntax=docker/dockerfile:1');
  if (r() < 0.3) lines.push(`ARG BASE=${stack.base}`, 'FROM ${BASE} AS build');
  else lines.push(`FROM ${stack.base} AS build`);
  if (r() < 0.4) lines.push('ARG GIT_SHA');
  lines.push('WORKDIR /src');
  if (r() < 0.5)
    lines.push('RUN apt-get update \\', '    && apt-get install -y --no-install-recommends curl ca-certificates git \\', '    && rm -rf /var/lib/apt/lists/*');
  // eslint-disable-next-line no-dupe-else-if -- r() draws a new number: half of the other half
  else if (r() < 0.5) lines.push('RUN apt-get update', 'RUN apt-get install -y curl', 'RUN rm -rf /var/lib/apt/lists/*');
  if (r() < 0.5) lines.push(`COPY ${stack.manifests} ./`, `RUN ${stack.install}`, 'COPY . .');
  else lines.push('COPY . .', `RUN ${stack.install}`);
  if (r() < 0.3) lines.push('RUN <<EOF', 'set -eux', 'echo "generated $(date)" > /build-info', 'EOF');
  lines.push(`RUN ${stack.build}`);
  if (r() < 0.3) lines.push('RUN rm -rf /root/.cache /tmp/*');
  if (r() < 0.6) {
    lines.push('', `FROM ${pick(['debian:12-slim', 'gcr.io/distroless/base', 'alpine:3.19', 'eclipse-temurin:21-jre'])}`);
    if (r() < 0.4) lines.push('RUN apk add --no-cache tini');
    lines.push('COPY --from=build /src/out /app', r() < 0.5 ? 'USER 10001' : 'USER app');
  }
  for (let i = Math.floor(r() * 6); i > 0; i--)
    lines.push(
      pick([
        'ENV LANG=C.UTF-8',
        'LABEL org.opencontainers.image.source=https://example.com',
        'EXPOSE 8080',
        'HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1',
        'VOLUME /data',
      ]),
    );
  lines.push(r() < 0.7 ? `CMD ${stack.run}` : `ENTRYPOINT ${stack.run}`);
  return `${lines.join('\n')}\n`;
}
