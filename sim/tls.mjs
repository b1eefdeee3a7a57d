// A throwaway TLS certificate for the simulator, made per run with the `openssl` CLI into a
// temporary folder that is removed at once: the key lives only in this process's memory and is
// never written anywhere lasting (nothing to commit, nothing that looks like a real secret).
//
// Node's standard library can make a key pair but not an X.509 certificate; `openssl` is on
// Debian by default and scripts/setup.sh installs it when missing. The certificate is
// self-signed: the browser that talks to the simulator is started with
// --ignore-certificate-errors (tests/e2e/harness.mjs, the demo), never a real profile.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh self-signed certificate for `names` (wildcards allowed).
 * @param {string[]} names DNS names for the subjectAltName extension
 * @returns {{key: string, cert: string}} PEM texts
 */
export function selfSignedCertificate(names) {
  const dir = mkdtempSync(join(tmpdir(), 'wdcap-sim-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    // P-256: made in milliseconds, where RSA 2048 can take a second on a busy machine.
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-nodes',
        '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', key, '-out', cert,
        '-days', '2',
        '-subj', '/CN=wdcap Workday simulator (test only)',
        '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } catch (e) {
    const detail = e.code === 'ENOENT' ? 'the openssl command was not found' : String(e.stderr ?? e.message).trim();
    throw new Error(`simulator: could not make a test TLS certificate (${detail}); install openssl (scripts/setup.sh does)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
