// Known-answer checks run inside the page (plain ESM: the browser loads it as is). Every check
// compares exact lowercase hex; the test passes the vectors in and asserts the counts it gets back.

const fromHex = (hex) => {
  if (hex.length % 2 !== 0) throw new RangeError(`odd hex length ${hex.length}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};
const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * vectors: { sha: [{ hash, msg, md }], hmac: [{ hash, key, msg, tag }],
 *            hkdf: [{ hash, ikm, salt, info, size, okm }], aead: [{ aead, key, iv, aad, msg, sealed }] },
 * hash ∈ 'sha256' | 'sha384' | 'sha512', aead ∈ 'chacha20poly1305' | 'xchacha20poly1305' | 'gcm'.
 * Returns the backend the checks ran on, the number of matches per check, and the first failures.
 */
export function knownAnswers(oblivia, vectors) {
  const hashes = { sha256: oblivia.sha256, sha384: oblivia.sha384, sha512: oblivia.sha512 };
  const counts = { sha: 0, shaStreaming: 0, hmac: 0, hkdf: 0, hkdfExtractExpand: 0, aeadSeal: 0, aeadOpen: 0 };
  const failures = [];
  const check = (name, id, got, want) => {
    if (got === want) counts[name]++;
    else failures.push({ check: name, id, got, want });
  };
  const attempt = (name, id, fn) => {
    try {
      fn();
    } catch (error) {
      failures.push({ check: name, id, error: `${error?.name}: ${error?.message}` });
    }
  };

  for (const [i, v] of vectors.sha.entries()) {
    const hash = hashes[v.hash];
    const msg = fromHex(v.msg);
    attempt('sha', i, () => check('sha', `${v.hash}#${i}`, toHex(hash(msg)), v.md));
    attempt('shaStreaming', i, () => {
      // Uneven pieces, including an empty one and subarray views.
      const h = hash.create();
      const cut = Math.floor(msg.length / 3);
      h.update(msg.subarray(0, cut)).update(new Uint8Array(0)).update(msg.subarray(cut));
      check('shaStreaming', `${v.hash}#${i}`, toHex(h.digest()), v.md);
    });
  }
  for (const v of vectors.hmac) {
    attempt('hmac', v.id, () =>
      check('hmac', v.id, toHex(oblivia.hmac(hashes[v.hash], fromHex(v.key), fromHex(v.msg))), v.tag),
    );
  }
  for (const v of vectors.hkdf) {
    const hash = hashes[v.hash];
    const [ikm, salt, info] = [fromHex(v.ikm), fromHex(v.salt), fromHex(v.info)];
    attempt('hkdf', v.id, () => check('hkdf', v.id, toHex(oblivia.hkdf(hash, ikm, salt, info, v.size)), v.okm));
    attempt('hkdfExtractExpand', v.id, () => {
      const prk = oblivia.hkdf.extract(hash, ikm, salt);
      check('hkdfExtractExpand', v.id, toHex(oblivia.hkdf.expand(hash, prk, info, v.size)), v.okm);
    });
  }
  for (const v of vectors.aead) {
    const aead = oblivia[v.aead];
    const [key, iv, aad] = [fromHex(v.key), fromHex(v.iv), fromHex(v.aad)];
    attempt('aeadSeal', v.id, () =>
      check('aeadSeal', v.id, toHex(aead(key, iv, aad).encrypt(fromHex(v.msg))), v.sealed),
    );
    attempt('aeadOpen', v.id, () =>
      check('aeadOpen', v.id, toHex(aead(key, iv, aad).decrypt(fromHex(v.sealed))), v.msg),
    );
  }
  return { backend: oblivia.backend(), counts, failures: failures.slice(0, 10) };
}

/** What this page's WebAssembly does with the module: compile it directly, buffered and streamed. */
export async function probeCompile(url) {
  const outcome = async (fn) => {
    try {
      await fn();
      return { ok: true };
    } catch (error) {
      return { ok: false, name: error?.name, constructor: error?.constructor?.name, message: error?.message };
    }
  };
  const bytes = await (await fetch(url)).arrayBuffer();
  return {
    validate: WebAssembly.validate(bytes),
    compile: await outcome(() => WebAssembly.compile(bytes)),
    compileStreaming: await outcome(() => WebAssembly.compileStreaming(fetch(url))),
    syncModule: await outcome(() => new WebAssembly.Module(bytes)),
  };
}

/**
 * Verifies real TEE evidence in the page: each SEV-SNP report with its VCEK/VLEK and AMD chain, and
 * each H100 report with its device chain, at the pinned time; then one tampered copy of each, which
 * must be refused with its code. Returns what the test compares with the Node results.
 */
export async function verifyEvidence(oblivia, attestation, evidence) {
  const results = [];
  const refusal = async (fn) => {
    try {
      await fn();
      return 'ACCEPTED';
    } catch (error) {
      return `${error?.name}:${error?.code}`;
    }
  };
  for (const v of evidence.sevSnp) {
    const verifier = attestation.sevSnp.verifier({ policy: { allowDebug: true } });
    const endorsements = { signer: fromHex(v.signer), chain: v.chain };
    const at = new Date(v.at);
    const report = fromHex(v.report);
    const result = await verifier.verify(report, endorsements, { at });
    const tampered = report.slice();
    tampered[0x90] ^= 1; // the measurement
    results.push({
      platform: result.platform,
      measurement: toHex(result.measurements.get('MEASUREMENT')),
      tcb: result.tcb,
      root: toHex(result.root),
      tampered: await refusal(() => verifier.verify(tampered, endorsements, { at })),
      expired: await refusal(() => verifier.verify(report, endorsements, { at: new Date('2099-01-01T00:00:00Z') })),
    });
  }
  for (const v of evidence.h100) {
    const verifier = attestation.h100.verifier({ policy: { allowTrailingZeros: true } });
    const report = fromHex(v.report);
    const options = { at: new Date(v.at), nonce: fromHex(v.nonce) };
    const result = await verifier.verify(report, { chain: v.chain }, options);
    const nonce = fromHex(v.nonce);
    nonce[0] ^= 1;
    results.push({
      platform: result.platform,
      measurements: result.measurements.size,
      driverVersion: result.driverVersion,
      root: toHex(result.root),
      wrongNonce: await refusal(() => verifier.verify(report, { chain: v.chain }, { ...options, nonce })),
    });
  }
  return { backend: oblivia.backend(), results };
}
