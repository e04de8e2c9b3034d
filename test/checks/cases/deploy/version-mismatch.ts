import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, versionProbe } from '../../../helpers/artifacts.js';

const v = (hostName: string, address: string, version: string, environment = 'production') => versionProbe(hostName, address, { version, environment });

export default cases({
  pass: [
    {
      name: 'every host of production runs 1.4.0',
      artifacts: collected({ versions: [v('acme.test', '192.0.2.10', '1.4.0'), v('www.acme.test', '192.0.2.10', '1.4.0'), v('api.acme.test', '192.0.2.30', '1.4.0')] }),
    },
    {
      name: 'staging may run a newer version than production',
      artifacts: collected({ versions: [v('www.acme.test', '192.0.2.10', '1.4.0'), v('staging.acme.test', '192.0.2.50', '1.5.0-rc.1', 'staging')] }),
    },
    {
      name: 'a single stale address is left to dns.stale-address',
      artifacts: collected({
        versions: [v('www.acme.test', '192.0.2.10', '1.4.0'), v('www.acme.test', '192.0.2.12', '1.4.0'), v('www.acme.test', '192.0.2.11', '1.3.2'), v('api.acme.test', '192.0.2.30', '1.4.0')],
      }),
    },
    {
      name: 'a host whose endpoint fails is not a mismatch',
      artifacts: collected({
        versions: [v('www.acme.test', '192.0.2.10', '1.4.0'), versionProbe('api.acme.test', '192.0.2.30', { exchange: exchange({ url: 'https://api.acme.test/api/version', status: 404 }) })],
      }),
    },
  ],
  fail: [
    {
      name: 'the API host missed the last deploy',
      artifacts: collected({ versions: [v('acme.test', '192.0.2.10', '1.4.0'), v('www.acme.test', '192.0.2.10', '1.4.0'), v('api.acme.test', '192.0.2.30', '1.3.2')] }),
      expect: [{ target: 'api.acme.test', severity: 'medium', evidence: 'api.acme.test runs 1.3.2 while the rest of production runs 1.4.0' }],
    },
    {
      name: 'two hosts, two versions: nobody can tell which is right',
      artifacts: collected({ versions: [v('www.acme.test', '192.0.2.10', '1.4.0'), v('app.acme.test', '192.0.2.40', '1.3.9')] }),
      expect: [
        { target: 'www.acme.test', evidence: 'production has no majority version (www.acme.test -> 1.4.0; app.acme.test -> 1.3.9)' },
        { target: 'app.acme.test', evidence: 'app.acme.test runs 1.3.9' },
      ],
    },
  ],
});
