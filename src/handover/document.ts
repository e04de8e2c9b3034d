/**
 * The shape the handover checklist and the runbook are built in, before rendering to Markdown or
 * HTML: sections of checklist items (each saying how launch-ready knows it) or of numbered steps.
 */

/** verified: launch-ready saw it on the network or in the repo; declared: the config says so; unknown: nobody has told or checked. */
export type Provenance = 'verified' | 'declared' | 'unknown';

export interface Item {
  subject: string;
  detail: string;
  status: Provenance;
  /** Needs someone's action before launch (an account without owner, a missing fact). */
  flag?: boolean;
}

export interface Step {
  text: string;
  /** A command to run as is. */
  command?: string;
}

export interface Section {
  id: string;
  title: string;
  intro?: string;
  items?: Item[];
  steps?: Step[];
}

export interface HandoverDocument {
  kind: 'handover' | 'runbook';
  title: string;
  subtitle: string;
  generatedAt: string;
  sections: Section[];
}

export function item(subject: string, detail: string, status: Provenance, flag = false): Item {
  return flag ? { subject, detail, status, flag } : { subject, detail, status };
}
