/** `launch-ready runbook`: deploy, verify and roll back, with the exact commands for the platform production runs on. */
import type { Command } from 'commander';
import { buildRunbook } from '../handover/runbook.js';
import { writeDocument } from '../handover/write.js';
import type { RegisterCommand } from './command-kit.js';
import { addDocumentOptions, documentFacts, type DocumentFlags } from './handover-command.js';

export const registerRunbookCommand: RegisterCommand = (root, run) => {
  addDocumentOptions(root.command('runbook').description('write the runbook: deploy steps, the verify command, smoke tests and platform-specific rollback'), 'runbook').action(
    run(async (flags: DocumentFlags, cmd: Command) => {
      const facts = await documentFacts(flags, cmd, 'runbook');
      await writeDocument(buildRunbook(facts, flags.config ?? 'launch-ready.yaml'), 'runbook', { ...(flags.out ? { out: flags.out } : {}), format: flags.format, pdf: Boolean(flags.pdf), quiet: Boolean(flags.quiet) });
      return 0;
    }),
  );
};
