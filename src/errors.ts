/** Error codes the core raises; each message says how to fix the problem. */
export type TalksErrorCode = 'talks_content_parse' | 'talks_content_read' | 'talks_content_empty' | 'talks_index_snapshot';

/** An error with a stable code (for logs and metrics) and a message that says how to fix it. */
export class TalksError extends Error {
  readonly code: TalksErrorCode;
  constructor(code: TalksErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TalksError';
    this.code = code;
  }
}

/** A file that could not be parsed: names the file and the 1-based line. */
export class ContentParseError extends TalksError {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, reason: string) {
    super('talks_content_parse', `${file}:${line}: ${reason}`);
    this.name = 'ContentParseError';
    this.file = file;
    this.line = line;
  }
}
