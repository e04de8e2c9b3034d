/**
 * Server-sent events as the HTML standard defines them (§9.2.6 "Interpreting an event stream"):
 * lines end in CRLF, LF or CR; `data:` lines accumulate; an empty line dispatches; `:` starts a
 * comment; one space after the colon is dropped; an event still open when the stream ends is
 * discarded.
 */

export interface ServerSentEvent {
  /** `message` unless an `event:` field said otherwise. */
  type: string;
  data: string;
  id?: string;
}

export function parseServerSentEvents(text: string): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: string[] = [];
  let type = '';
  let id: string | undefined;
  const lines = body.split(/\r\n|\r|\n/);
  // What follows the last line terminator is not a line: '' after a complete stream, or a line cut off.
  lines.pop();
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) {
        const event: ServerSentEvent = { type: type || 'message', data: data.join('\n') };
        if (id !== undefined) event.id = id;
        events.push(event);
      }
      data = [];
      type = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }
  // Data still pending here belongs to an event the stream ended before dispatching: discarded.
  return events;
}

/** Newline-delimited JSON (one value per line), the other common way chat APIs stream. */
export function parseJsonLines(text: string): unknown[] {
  const values: unknown[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      values.push(line);
    }
  }
  return values;
}
