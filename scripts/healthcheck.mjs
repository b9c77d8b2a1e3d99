#!/usr/bin/env node
// Docker's HEALTHCHECK: exit 0 when this container's Pnyx answers /healthz on WEB_PORT within 3 s, else 1. The image
// has neither curl nor wget; node's fetch does it. Liveness only: readiness (/readyz) is for the load balancer, and a
// restart would not cure a database or a platform that is away.
const port = process.env.WEB_PORT || '3000';
const url = `http://127.0.0.1:${port}/healthz`;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) {
    process.stderr.write(`${url} answered ${response.status}\n`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${url}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
