/** dns.yaml: what snapshot writes reads back the same; mistakes are reported at their line and column. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { parseDesiredState, renderDesiredState } from '../../src/dnsdiff/desired-file.js';
import { sets, ZONE } from './states.js';

describe('dns.yaml', () => {
  it('round-trips every record type, quotes and unicode included', () => {
    const all = sets([...ZONE, ['acme.test', 'TXT', 'say "hi" \\ ünïcode'], ['acme.test', 'CAA', '0 issue "letsencrypt.org"'], ['_sip._tcp.acme.test', 'SRV', '10 5 5060 sip.acme.test'], ['v6.acme.test', 'AAAA', '2001:db8::1'], ['other.test', 'A', '192.0.2.99']]);
    const text = renderDesiredState('acme.test', all, ['written by a test']);
    assert.match(text, /^# written by a test\nzone: "acme\.test"\nrecords:\n {2}"@":\n/);
    assert.match(text, /^ {2}"other\.test\.":$/m, 'a name outside the zone is written absolute');
    assert.deepEqual(parseDesiredState(text, 'dns.yaml'), { zone: 'acme.test', sets: all });
  });

  it('accepts hand-written forms: value instead of values, no ttl, numbers, relative and absolute names', () => {
    const parsed = parseDesiredState('zone: acme.test.\nrecords:\n  "@":\n    MX: { value: 10 mx1.mail.test. }\n  api:\n    A: { values: [192.0.2.30] }\n  www.acme.test.:\n    CNAME: { ttl: 60, values: [Edge.Example.NET.] }\n', 'dns.yaml');
    assert.deepEqual(parsed, {
      zone: 'acme.test',
      sets: [
        { name: 'acme.test', type: 'MX', values: ['10 mx1.mail.test'] },
        { name: 'api.acme.test', type: 'A', values: ['192.0.2.30'] },
        { name: 'www.acme.test', type: 'CNAME', ttl: 60, values: ['edge.example.net'] },
      ],
    });
  });

  const errors: Array<[string, string, RegExp]> = [
    ['a YAML syntax error', 'zone: acme.test\nrecords: [\n', /dns\.yaml:\d+:\d+: /],
    ['no zone', 'records: {}\n', /dns\.yaml:1:1: expected `zone: acme\.test`/],
    ['an unknown type', 'zone: acme.test\nrecords:\n  www:\n    ALIAS: { values: [x.test] }\n', /dns\.yaml:4:12: "ALIAS" is not a record type the diff compares/],
    ['a bad address', 'zone: acme.test\nrecords:\n  api:\n    A: { values: [192.0.2.300] }\n', /dns\.yaml:4:19: "192\.0\.2\.300" is not an IPv4 address/],
    ['a typo in a key', 'zone: acme.test\nrecords:\n  api:\n    A: { value: 192.0.2.1, tll: 60 }\n', /unknown key "tll" \(expected ttl and values\)/],
    ['a negative TTL', 'zone: acme.test\nrecords:\n  api:\n    A: { ttl: -5, values: [192.0.2.1] }\n', /expected a TTL in whole seconds/],
    ['no values', 'zone: acme.test\nrecords:\n  api:\n    A: { ttl: 5 }\n', /expected `values: \[\.\.\.\]` for api A/],
    ['a duplicate key', 'zone: acme.test\nzone: other.test\nrecords: {}\n', /dns\.yaml:2:1: /],
  ];
  for (const [name, text, error] of errors) {
    it(`reports ${name}`, () => {
      assert.throws(
        () => parseDesiredState(text, 'dns.yaml'),
        (err: unknown) => err instanceof UsageError && err.code === 'LR_DESIRED_INVALID' && error.test(err.message),
      );
    });
  }
});
