/** The host to put in URLs for this machine: a wildcard bind is reached through loopback; IPv6 in brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Whether a bind address is reachable from other machines. */
export function isPublicBind(host: string): boolean {
  return !(host === 'localhost' || host === '::1' || /^127\./.test(host));
}

export function serverUrls(base: string, token: string) {
  const t = encodeURIComponent(token);
  return {
    url: base,
    presenterUrl: `${base}presenter?token=${t}`,
    presenterDeckUrl: `${base}?token=${t}`,
    remoteUrl: `${base}remote?token=${t}`,
  };
}
