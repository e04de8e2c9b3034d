/**
 * Errors the user caused (bad flag, bad config, missing file). They carry a stable code and a
 * message that says how to fix it; the CLI prints the message and exits with `exitCode`.
 */
export class UsageError extends Error {
  readonly code: string;
  readonly exitCode = 2;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}

export class ConfigError extends UsageError {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super('LR_CONFIG_INVALID', file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${message}` : message);
    this.name = 'ConfigError';
  }
}
