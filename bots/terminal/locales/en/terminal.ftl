# Strings only the terminal battle (npm run battle) says. The battle's own messages (replies, ballot, reveal) live
# in the core's catalog.

terminal-usage =
    Usage: npm run battle -- [options] "your prompt"

    Runs one blind battle between two of the configured models in this terminal, asks for your vote, then
    reveals the models with their latency and token counts. Use it to check a model configuration before
    installing a bot. The battle and the vote are stored like any other (DATABASE_URL, default file:./data/pnyx.db).

    Options:
      --lang CODE       language of the messages: en, fr, de, es, it, pt, nl or ar (default: your system's,
                        else the configuration's)
      --models a,b      only let these model ids battle (at least two, comma-separated)
      -h, --help        show this help

    Configuration: pnyx.config.yaml, or the file named by PNYX_CONFIG.
    Voting: type a (A is better), b (B is better), t (tie) or x (both are bad). When the input is not a terminal,
    the first non-empty line of the input is the vote, for example: echo a | npm run battle -- "Hello"

    Exit codes: 0 battle completed and voted · 1 the battle failed (the models did not answer) · 2 usage or
    configuration error · 3 no vote was given.
terminal-usage-hint = Run npm run battle -- --help for usage.
terminal-error-arguments = Cannot read the command line: { $detail }
terminal-error-no-prompt = Give a prompt to send to both models, for example: npm run battle -- "What is a black hole?"
terminal-error-lang = --lang must be one of en, fr, de, es, it, pt, nl, ar (got “{ $value }”).
terminal-error-models-count = --models needs at least two different model ids separated by commas (got “{ $value }”).
terminal-error-models-unknown = Unknown or disabled model id: { $ids }. Enabled models in the configuration: { $known }.
terminal-config-error = The configuration is not valid ({ $source }):
terminal-startup-error = Pnyx could not start: { $detail }

terminal-streaming = Models A and B are answering… A: { $a } characters · B: { $b } characters
terminal-vote-option = [{ $key }] { $label }
terminal-vote-prompt = Your vote (a / b / t / x):{ " " }
terminal-vote-invalid = “{ $input }” is not a vote. Type a (A is better), b (B is better), t (tie) or x (both are bad), then press Enter.
terminal-vote-missing = No vote was given: the input ended before a line with a, b, t or x. The battle stays unvoted.
terminal-interrupted = Interrupted: the battle was stopped and is not counted.
terminal-no-conclusion = The battle did not finish: the engine never opened the vote. See the log lines above.

terminal-problems = What went wrong with the models:
terminal-warnings = Model problems seen during this battle:
terminal-side-failed = • Model { $side } was { $model } (provider “{ $provider }”): { $error }
terminal-unhealthy = • { $model } (provider “{ $provider }”) failed its health check and was left out: { $error }
terminal-unhealthy-probe-ok = • { $model } (provider “{ $provider }”) failed its health check (the server did not answer the model list in time) and was left out, although a test request worked.
terminal-probe-timeout = no answer to a test request within { $seconds } s
terminal-replaced = • { $model } failed before writing anything and was replaced by another model: { $error }
terminal-too-few-models = A battle needs two working models; { $count ->
    [0] none is working.
    [one] only one is working.
   *[other] only { $count } are working.
}
