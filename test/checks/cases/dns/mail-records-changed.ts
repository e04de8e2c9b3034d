import { cases } from '../../../helpers/check-cases.js';
import { edit, stateArtifacts } from '../../../dnsdiff/states.js';

export default cases({
  pass: [
    { name: 'mail records unchanged', artifacts: stateArtifacts() },
    { name: 'a non-mail TXT change is drift', artifacts: stateArtifacts({ live: edit(() => false, [['acme.test', 'TXT', 'google-site-verification=x']]) }) },
    { name: 'a TTL-only change of the MX is drift', artifacts: stateArtifacts({ live: edit((r) => r[1] === 'MX', [['acme.test', 'MX', '10 mx1.mail.test', 60]]) }) },
  ],
  fail: [
    {
      name: 'the SPF record lost an include',
      artifacts: stateArtifacts({ live: edit((r) => r[3] === undefined && r[2].startsWith('v=spf1'), [['acme.test', 'TXT', 'v=spf1 ~all']]) }),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'SPF: ~ modify  acme.test TXT "v=spf1 ~all" → "v=spf1 include:_spf.mail.test ~all"' }],
    },
    {
      name: 'DMARC and DKIM records deleted',
      artifacts: stateArtifacts({ live: edit((r) => r[0].startsWith('_dmarc') || r[0].includes('_domainkey')) }),
      expect: [
        { target: '_dmarc.acme.test', evidence: 'DMARC: + create  _dmarc.acme.test TXT' },
        { target: 's1._domainkey.acme.test', evidence: 'DKIM: + create' },
      ],
    },
    {
      name: 'the MX moved',
      artifacts: stateArtifacts({ live: edit((r) => r[1] === 'MX', [['acme.test', 'MX', '10 mx.other-mail.test']]) }),
      expect: [{ target: 'acme.test', evidence: 'MX (where mail to the domain goes): ~ modify  acme.test MX "10 mx.other-mail.test" → "10 mx1.mail.test"' }],
    },
  ],
});
