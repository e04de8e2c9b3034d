/** The email stage's checks (SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT, BIMI, CAA), in report order. */
import type { AnyCheck } from '../../core/check.js';
import spfMissing from './spf-missing.js';
import spfMultiple from './spf-multiple.js';
import spfInvalid from './spf-invalid.js';
import spfTooManyLookups from './spf-too-many-lookups.js';
import spfVoidLookups from './spf-void-lookups.js';
import spfPermissive from './spf-permissive.js';
import spfNoAll from './spf-no-all.js';
import spfIncludeMissing from './spf-include-missing.js';
import spfPtr from './spf-ptr.js';
import spfLoop from './spf-loop.js';
import spfTooLarge from './spf-too-large.js';
import dmarcMissing from './dmarc-missing.js';
import dmarcMultiple from './dmarc-multiple.js';
import dmarcInvalid from './dmarc-invalid.js';
import dmarcNotEnforced from './dmarc-not-enforced.js';
import dmarcNoReports from './dmarc-no-reports.js';
import dmarcExternalReportsUnauthorized from './dmarc-external-reports-unauthorized.js';
import dkimMissing from './dkim-missing.js';
import dkimWeak from './dkim-weak.js';
import dkimInvalid from './dkim-invalid.js';
import dkimRevoked from './dkim-revoked.js';
import mxMissing from './mx-missing.js';
import mxUnresolvable from './mx-unresolvable.js';
import mtaStsMissing from './mta-sts-missing.js';
import mtaStsInvalid from './mta-sts-invalid.js';
import tlsRptMissing from './tls-rpt-missing.js';
import tlsRptInvalid from './tls-rpt-invalid.js';
import bimiIgnored from './bimi-ignored.js';
import caaMissing from './caa-missing.js';
import lookupFailed from './lookup-failed.js';

export const emailChecks: readonly AnyCheck[] = [
  spfMissing,
  spfMultiple,
  spfInvalid,
  spfTooManyLookups,
  spfVoidLookups,
  spfPermissive,
  spfNoAll,
  spfIncludeMissing,
  spfPtr,
  spfLoop,
  spfTooLarge,
  dmarcMissing,
  dmarcMultiple,
  dmarcInvalid,
  dmarcNotEnforced,
  dmarcNoReports,
  dmarcExternalReportsUnauthorized,
  dkimMissing,
  dkimWeak,
  dkimInvalid,
  dkimRevoked,
  mxMissing,
  mxUnresolvable,
  mtaStsMissing,
  mtaStsInvalid,
  tlsRptMissing,
  tlsRptInvalid,
  bimiIgnored,
  caaMissing,
  lookupFailed,
];
