import { cases } from '../../../helpers/check-cases.js';
import { collected, exchange, host, plan, route, routeRun, versionProbe } from '../../../helpers/artifacts.js';

const world = plan({
  hosts: [
    { name: 'www.acme.test', environment: 'production', declared: true },
    { name: 'api.acme.test', environment: 'production', declared: true },
    { name: 'staging.acme.test', environment: 'staging', declared: true },
  ],
  environments: [
    { name: 'production', role: 'production', hosts: ['www.acme.test', 'api.acme.test'], recognise: { header: 'x-environment', value: 'production' } },
    { name: 'staging', role: 'staging', hosts: ['staging.acme.test'], recognise: { header: 'x-environment', value: 'stg' } },
  ],
  routes: [route({ name: 'chat', url: 'https://api.acme.test/api/chat', method: 'POST', kind: 'chat' })],
});
const prodHosts = [host('www.acme.test', { headers: { 'x-environment': 'production' } }), host('api.acme.test')];
const chat = (env: string) => routeRun('chat', exchange({ url: 'https://api.acme.test/api/chat', method: 'POST', headers: { 'x-environment': env }, body: '{"reply":"hi"}' }));

export default cases({
  pass: [
    {
      name: 'production reports production everywhere',
      artifacts: collected({
        plan: world,
        hosts: prodHosts,
        routes: [chat('production')],
        versions: [versionProbe('www.acme.test', '192.0.2.10', { version: '1.4.0', reportedEnvironment: 'production' }), versionProbe('api.acme.test', '192.0.2.30', { version: '1.4.0', reportedEnvironment: 'prod' })],
      }),
    },
    {
      name: 'staging saying staging is as it should be',
      artifacts: collected({
        plan: world,
        hosts: [...prodHosts, host('staging.acme.test', { environment: 'staging', headers: { 'x-environment': 'stg' } })],
        versions: [versionProbe('staging.acme.test', '192.0.2.50', { environment: 'staging', reportedEnvironment: 'staging' })],
      }),
    },
    {
      name: 'an environment name nobody knows is not called staging',
      artifacts: collected({ plan: world, hosts: prodHosts, versions: [versionProbe('www.acme.test', '192.0.2.10', { reportedEnvironment: 'blue' })] }),
    },
  ],
  fail: [
    {
      name: 'one production address runs the staging deployment',
      artifacts: collected({
        plan: world,
        hosts: prodHosts,
        versions: [versionProbe('www.acme.test', '192.0.2.10', { reportedEnvironment: 'production' }), versionProbe('www.acme.test', '192.0.2.11', { reportedEnvironment: 'staging' })],
      }),
      expect: [{ target: 'www.acme.test', severity: 'critical', evidence: 'https://www.acme.test/api/version @ 192.0.2.11 reports environment "staging"' }],
    },
    {
      name: 'the production home page carries the staging recognise header',
      artifacts: collected({ plan: world, hosts: [host('www.acme.test', { headers: { 'x-environment': 'stg' } }), host('api.acme.test')] }),
      expect: [{ target: 'www.acme.test', evidence: 'https://www.acme.test/ answers with x-environment: stg' }],
    },
    {
      name: 'the chat route is answered by a preview build',
      artifacts: collected({ plan: world, hosts: prodHosts, routes: [chat('preview')] }),
      expect: [{ target: 'api.acme.test', evidence: 'route "chat" https://api.acme.test/api/chat answers with x-environment: preview' }],
    },
  ],
});
