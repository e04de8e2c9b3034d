import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, failedExchange, plan, versionProbe } from '../../../helpers/artifacts.js';

const spec = { path: '/api/version', versionField: 'version', commitField: 'commit', environmentField: 'environment' };
const url = 'https://www.acme.test/api/version';

export default cases({
  pass: [
    { name: 'production reports its version', artifacts: collected({ versions: [versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0' })] }) },
    { name: 'a commit alone identifies the deployment', artifacts: collected({ versions: [versionProbe('www.acme.test', '192.0.2.10', { commit: 'abc1234' })] }) },
    {
      name: 'one host of the environment answering is enough',
      artifacts: collected({
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0' }),
          versionProbe('acme.test', '192.0.2.10', { exchange: failedExchange('https://acme.test/api/version', 'connect-refused', 'ECONNREFUSED') }),
        ],
      }),
    },
    { name: 'a configured endpoint with no probes (no host resolved) is left to the DNS checks', artifacts: collected({ plan: plan({ version: spec }) }) },
    {
      name: 'staging behind authentication cannot be asked',
      artifacts: collected({
        plan: plan({ version: spec }),
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0' }),
          versionProbe('staging.acme.test', '192.0.2.50', { environment: 'staging', exchange: exchange({ url: 'https://staging.acme.test/api/version', status: 401 }) }),
        ],
      }),
    },
  ],
  fail: [
    {
      name: 'no endpoint configured and none found',
      artifacts: collected(),
      expect: [{ target: 'acme.test', severity: 'low', evidence: 'no `version:` endpoint in the config' }],
    },
    {
      name: 'the endpoint answers 404',
      artifacts: collected({ plan: plan({ version: spec }), versions: [versionProbe('www.acme.test', '192.0.2.10', { exchange: exchange({ url, status: 404 }) })] }),
      expect: [{ target: url, evidence: 'production: no host reported a version — https://www.acme.test/api/version @ 192.0.2.10: status 404' }],
    },
    {
      name: 'the endpoint answers without the configured field',
      artifacts: collected({
        plan: plan({ version: { ...spec, versionField: 'build.version', commitField: 'build.sha' } }),
        versions: [
          versionProbe('www.acme.test', '192.0.2.10', { exchange: exchange({ url, body: '{"ok":true}' }) }),
          versionProbe('staging.acme.test', '192.0.2.50', { environment: 'staging', version: '1.5.0' }),
        ],
      }),
      expect: [{ target: url, evidence: 'status 200 without a "build.version" or "build.sha" field' }],
    },
  ],
});
