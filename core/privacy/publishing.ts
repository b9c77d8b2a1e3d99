// Whether a chat's admins allowed publishing its data: chat settings JSON key `publishData`, off unless turned on (for
// private chats and groups alike). Read by the export and by retention; its own module so that a running bot does not
// load the export's writers.
import { z } from 'zod';

const PublishSetting = z.object({ publishData: z.boolean().default(false) }).passthrough();

export function publishingAllowed(settings: string | null): boolean {
  try {
    const parsed = PublishSetting.safeParse(JSON.parse(settings || '{}'));
    return parsed.success && parsed.data.publishData;
  } catch {
    return false;
  }
}
