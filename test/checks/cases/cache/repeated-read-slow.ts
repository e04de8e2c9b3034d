import { collected } from '../../../helpers/artifacts.js';
import { cases } from '../../../helpers/check-cases.js';
import { readProbe } from '../../../latency/artifacts.js';

const ORDER = 'https://api.acme.test/api/orders/1001?email=ada%40example.com';

export default cases({
  pass: [
    { name: 'fast reads need no cache', artifacts: collected({ readRepeats: [readProbe(ORDER, [40, 38, 41, 39, 40])] }) },
    { name: 'slow first read, then cache hits', artifacts: collected({ readRepeats: [readProbe(ORDER, [820, 12, 11, 13, 12])] }) },
    { name: 'slow but revalidatable (ETag)', artifacts: collected({ readRepeats: [readProbe(ORDER, [800, 810, 790, 805, 800], { etag: '"o1001-v3"' })] }) },
    { name: 'slow but cacheable for a minute', artifacts: collected({ readRepeats: [readProbe(ORDER, [800, 810, 790, 805, 800], { 'cache-control': 'private, max-age=60' })] }) },
    {
      name: 'mostly failing reads are not judged here',
      artifacts: collected({ readRepeats: [{ ...readProbe(ORDER, [800, 800]), fetches: [...readProbe(ORDER, [800, 800]).fetches, ...readProbe(ORDER, [5, 5, 5]).fetches.map((f) => ({ ...f, status: 500 }))] }] }),
    },
  ],
  fail: [
    {
      name: 'order lookup is slow on every read and carries no cache headers',
      artifacts: collected({ readRepeats: [readProbe(ORDER, [812, 798, 805, 820, 790], { 'cache-control': 'no-store' })] }),
      expect: [
        {
          target: ORDER,
          severity: 'medium',
          evidence: '5 identical GETs of https://api.acme.test/api/orders/1001?email=ada%40example.com took 812.0 ms, 798.0 ms, 805.0 ms, 820.0 ms, 790.0 ms: none faster than the first, and no ETag, Last-Modified or caching header (Cache-Control: no-store)',
        },
      ],
    },
    {
      name: 'slightly faster repeats are not a cache',
      artifacts: collected({ readRepeats: [readProbe(ORDER, [600, 450, 420, 460, 440])] }),
      expect: [{ target: ORDER, evidence: '(Cache-Control: (none))' }],
    },
  ],
});
