/** A way to deliver alerts. `send` resolves when the receiver accepted the alert, rejects otherwise. */
import type { AlertMessage } from '../message.js';

export interface Channel {
  name: string;
  type: 'slack' | 'webhook' | 'email' | 'stdout';
  /** For the dashboard: where it goes, secrets redacted. */
  describe: string;
  send(message: AlertMessage, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

/** An HTTP error with what the receiver said (its first 200 characters), never the URL (a secret). */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}
