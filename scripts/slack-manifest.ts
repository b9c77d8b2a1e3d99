// `npm run slack:manifest -- --url https://host [--name "Pnyx (staging)"]`: prints the Slack app manifest for an
// HTTP-mode deployment (request URLs filled in); without --url, the Socket Mode one (bots/slack/manifest.yaml).
import { parseArgs } from 'node:util';
import { createI18n } from '../core/i18n';
import { manifestYaml } from '../bots/slack/manifest';

const { values } = parseArgs({ options: { url: { type: 'string' }, name: { type: 'string' } }, strict: true });
try {
  process.stdout.write(manifestYaml(createI18n(), { ...(values.url ? { url: values.url } : {}), ...(values.name ? { name: values.name } : {}) }));
} catch (error) {
  process.stderr.write(`slack:manifest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
