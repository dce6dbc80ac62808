// Reports leave the server only over TLS. Plain text is allowed for one case: a receiver on this
// machine's loopback, when a setting says so explicitly (the tests' peers). A network attacker can
// strip an optional upgrade, so "TLS if offered" is not enough.

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks that `url` is encrypted (`secureProtocol`), or a loopback address with plain text allowed.
 * Returns a message that says what to change, or undefined when it is acceptable.
 */
export function plainTextProblem(url: URL, secureProtocol: string, allowPlainLoopback: boolean): string | undefined {
  if (url.protocol === secureProtocol) return undefined;
  if (allowPlainLoopback && isLoopbackHost(url.hostname)) return undefined;
  return `must use ${secureProtocol}// (reports must not leave the server unencrypted)`;
}
