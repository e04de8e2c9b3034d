import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, versionProbe } from '../../../helpers/artifacts.js';

export default cases({
  pass: [
    {
      name: 'every address serves the same version and commit',
      artifacts: collected({
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0', commit: 'abc1234' }),
          versionProbe('www.acme.test', '192.0.2.11', { version: '1.4.0', commit: 'abc1234' }),
        ],
      }),
    },
    {
      name: 'an address that failed to answer is not a different version',
      artifacts: collected({
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0' }),
          versionProbe('www.acme.test', '192.0.2.11', { exchange: exchange({ url: 'https://www.acme.test/api/version', status: 502 }) }),
        ],
      }),
    },
    {
      name: 'different hosts on different versions are left to deploy.version-mismatch',
      artifacts: collected({
        versions: [versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0' }), versionProbe('api.acme.test', '192.0.2.30', { version: '1.3.2' })],
      }),
    },
  ],
  fail: [
    {
      name: 'one of two addresses serves the previous release',
      artifacts: collected({
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0', commit: 'abc1234' }),
          versionProbe('www.acme.test', '192.0.2.11', { version: '1.3.2', commit: '9f8e7d6' }),
        ],
      }),
      expect: [{ target: 'www.acme.test', severity: 'high', evidence: '192.0.2.10 -> 1.4.0 (abc1234); 192.0.2.11 -> 1.3.2 (9f8e7d6)' }],
    },
    {
      name: 'same version number, different commit',
      artifacts: collected({
        versions: [versionProbe('api.acme.test', '192.0.2.30', { commit: 'abc1234' }), versionProbe('api.acme.test', '2001:db8::30', { commit: 'deadbee' })],
      }),
      expect: [{ target: 'api.acme.test', evidence: '2001:db8::30 -> (deadbee)' }],
    },
  ],
});
