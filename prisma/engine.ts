// Loaded first by both Prisma config files: points the CLI at the offline stub engine unless told otherwise.
import { fileURLToPath } from 'node:url';

if (process.env.PRISMA_NATIVE_ENGINE !== '1' && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(new URL('./engine-stub.mjs', import.meta.url));
}
