/**
 * Semantic-version precedence (semver.org §11): numeric core first; a pre-release sorts before its
 * release; pre-release identifiers compare numerically when both are numbers, else as text, and a
 * longer list wins a tie. Returns undefined when either side is not a version (a commit, a date).
 */
const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function compareIdentifiers(a: string, b: string): number {
  const [na, nb] = [/^\d+$/.test(a), /^\d+$/.test(b)];
  if (na && nb) return Math.sign(Number(a) - Number(b));
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVersions(a: string, b: string): number | undefined {
  const [ma, mb] = [SEMVER.exec(a), SEMVER.exec(b)];
  if (!ma || !mb) return undefined;
  for (let i = 1; i <= 3; i++) {
    const d = Math.sign(Number(ma[i]) - Number(mb[i]));
    if (d !== 0) return d;
  }
  const [pa, pb] = [ma[4], mb[4]];
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
  const [ia, ib] = [pa.split('.'), pb.split('.')];
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const d = compareIdentifiers(ia[i], ib[i]);
    if (d !== 0) return d;
  }
  return Math.sign(ia.length - ib.length);
}
