// Reading the Web API's refusals: the WebClient throws an error whose `data` is Slack's `{ok:false,error}` answer.
import { z } from 'zod';

const PlatformError = z.object({ data: z.object({ error: z.string() }) });

/** The `error` of a Web API refusal (`not_in_channel`, `message_not_found`…), if that is what this is. */
export function slackError(error: unknown): string | undefined {
  const parsed = PlatformError.safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}
