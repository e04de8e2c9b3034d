import { cases } from '../../../helpers/check-cases.js';
import { emailArtifacts, healthyZone, withSpf } from '../../../email/zones.js';

export default cases({
  pass: [
    { name: 'a valid record', artifacts: await emailArtifacts(healthyZone()) },
    { name: 'mixed case, macros and a trailing dot are valid', artifacts: await emailArtifacts(withSpf('V=SPF1 Include:_spf.mail.test. exists:%{ir}.%{l1r+}.%{d} ~ALL')) },
  ],
  fail: [
    {
      name: 'an unknown mechanism (typo)',
      artifacts: await emailArtifacts(withSpf('v=spf1 inlcude:_spf.mail.test ~all')),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'unknown mechanism "inlcude"; did you mean "include"?' }],
    },
    {
      name: 'a bad address, a bad prefix length and a bad macro',
      artifacts: await emailArtifacts(withSpf('v=spf1 ip4:192.0.2.300 ip6:2001:db8::/129 exists:%{x}.acme.test ~all')),
      expect: [{ target: 'acme.test', evidence: /192\.0\.2\.300" is not an IPv4 address\n.*\/129 is not a prefix length \(0-128\)\n.*"%\{x\}"/ }],
    },
    {
      name: 'redirect given twice',
      artifacts: await emailArtifacts(withSpf('v=spf1 redirect=_spf.mail.test redirect=_spf.mail.test')),
      expect: [{ target: 'acme.test', evidence: '"redirect=" appears more than once' }],
    },
    {
      name: 'an unknown modifier is ignored by receivers (low)',
      artifacts: await emailArtifacts(withSpf('v=spf1 include:_spf.mail.test ~all redirects=_spf.mail.test')),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'unknown modifier "redirects=" is ignored by receivers; did you mean "redirect="?' }],
    },
    {
      name: 'a syntax error in an included record',
      artifacts: await emailArtifacts({ ...healthyZone(), '_spf.mail.test': { TXT: ['v=spf1 ip4:198.51.100.0/33 -all'] } }),
      expect: [{ target: 'acme.test', severity: 'high', evidence: 'include:_spf.mail.test → _spf.mail.test' }],
    },
  ],
});
