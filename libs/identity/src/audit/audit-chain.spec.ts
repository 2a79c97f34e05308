import { ChainVerifier, GENESIS_HASH, hashLink, type AuditLink } from './audit-chain';
import { canonicalJson } from './canonical-json';

function chain(length: number): (AuditLink & { hash: string })[] {
  const links: (AuditLink & { hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const link: AuditLink = {
      seq,
      at: new Date(Date.UTC(2026, 10, 29, 12, 0, seq)).toISOString(),
      actorId: null,
      action: 'MEMBER_APPROVED',
      targetId: null,
      country: 'UZ',
      reason: `step ${seq}`,
      data: canonicalJson({ b: seq, a: [2, 1] }),
      prevHash,
    };
    const hash = hashLink(link);
    links.push({ ...link, hash });
    prevHash = hash;
  }
  return links;
}

function verify(links: (AuditLink & { hash: string })[]) {
  const verifier = new ChainVerifier();
  links.forEach((link) => verifier.push(link));
  return verifier.status();
}

describe(ChainVerifier.name, () => {
  it('should accept an intact chain and report its head', () => {
    const links = chain(5);
    expect(verify(links)).toEqual({ valid: true, length: 5, headHash: links[4].hash, firstBrokenSeq: null });
    expect(verify([])).toEqual({ valid: true, length: 0, headHash: null, firstBrokenSeq: null });
  });

  it('should locate an edited field', () => {
    const links = chain(5);
    links[2] = { ...links[2], reason: 'rewritten' };
    expect(verify(links)).toMatchObject({ valid: false, firstBrokenSeq: 3 });
  });

  it('should locate a re-hashed entry through the next link', () => {
    const links = chain(5);
    const forged = { ...links[2], reason: 'rewritten' };
    links[2] = { ...forged, hash: hashLink(forged) };
    expect(verify(links)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
  });

  it('should locate a deleted entry', () => {
    const links = chain(5);
    links.splice(1, 1);
    expect(verify(links)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });
});

describe(canonicalJson.name, () => {
  it('should sort keys at every level and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
  });
});
