import { cases } from '../../../helpers/check-cases.js';
import { collected, healthProbe } from '../../../helpers/artifacts.js';

const HEALTH = 'https://api.acme.test/api/health';
const body = (value: unknown) => collected({ health: [healthProbe(HEALTH, { body: JSON.stringify(value) })] });

export default cases({
  pass: [
    { name: 'checks with a status per dependency', artifacts: body({ status: 'ok', checks: { db: { status: 'ok', latencyMs: 3 }, model: { status: 'ok' } } }) },
    { name: 'the IETF health-check draft shape', artifacts: body({ status: 'pass', checks: { 'postgres:connections': [{ status: 'pass', observedValue: 4 }] } }) },
    { name: 'Spring-style components', artifacts: body({ status: 'UP', components: { db: { status: 'UP' }, redis: { status: 'UP' } } }) },
    { name: 'a list of named services', artifacts: body({ ok: true, services: [{ name: 'payments', healthy: true }] }) },
    { name: 'top-level dependency keys', artifacts: body({ status: 'ok', database: 'up', provider: { state: 'reachable' } }) },
    { name: 'a failing endpoint is left to health.missing', artifacts: collected({ health: [healthProbe(HEALTH, { status: 500, body: 'OK' })] }) },
  ],
  fail: [
    { name: 'status ok and nothing else', artifacts: body({ status: 'ok' }), expect: [{ target: HEALTH, severity: 'medium', evidence: 'GET https://api.acme.test/api/health -> 200, body names no dependency state: "{\\"status\\":\\"ok\\"}"' }] },
    { name: 'plain text OK', artifacts: collected({ health: [healthProbe(HEALTH, { body: 'OK', headers: { 'content-type': 'text/plain' } })] }), expect: [{ target: HEALTH, evidence: 'body is not JSON: "OK"' }] },
    { name: 'a checks object whose entries carry no state', artifacts: body({ status: 'ok', checks: { db: 12, uptime: 3600 } }), expect: [{ target: HEALTH, evidence: 'names no dependency state' }] },
  ],
});
