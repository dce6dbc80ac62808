// Which address a request came from, for the rate limit and for X-Forwarded-Proto. (The Worker
// reads CF-Connecting-IP, which Cloudflare sets.) A client can write anything it likes into
// X-Forwarded-For; only the entries appended by the proxies TRUST_PROXY names are believed, walking
// back from the socket. proxy-addr does exactly this walk (it is Express's), so it is used rather
// than a hand-written parser.
import proxyAddr from 'proxy-addr';

export interface ClientAddresses {
  /** The client's address: the socket's, or the nearest untrusted entry of X-Forwarded-For. */
  of(headers: Headers, socketAddress: string): string;
  /** True when the socket's peer is a trusted proxy, whose X-Forwarded-Proto may be believed. */
  fromTrustedProxy(socketAddress: string): boolean;
}

/** `trustProxy` as settings hold it: unset (trust none), a number of hops, or addresses and subnets. */
export function clientAddresses(trustProxy: string | undefined): ClientAddresses {
  const trust: (address: string, hop: number) => boolean =
    trustProxy === undefined
      ? () => false
      : /^\d+$/.test(trustProxy)
        ? (_address, hop) => hop < Number(trustProxy)
        : proxyAddr.compile(trustProxy.split(',').map((s) => s.trim()));
  return {
    of(headers, socketAddress) {
      if (trustProxy === undefined) return socketAddress;
      const forwardedFor = headers.get('x-forwarded-for') ?? undefined;
      return proxyAddr({ headers: { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: socketAddress } } as never, trust);
    },
    fromTrustedProxy: (socketAddress) => trust(socketAddress, 0),
  };
}
