/** The early map request: started once by the entry, taken over once by the map state. */
import { describe, expect, it } from 'vitest';
import { loadNetworkMap, prefetchNetworkMap } from '../../web/src/lib/network-map-request.ts';

/** A server that answers every map request with the language it was asked for. */
function fakeServer() {
  const asked: string[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const { variables } = JSON.parse(String(init.body)) as { variables: { lang: string } };
    asked.push(variables.lang);
    return new Response(
      JSON.stringify({
        data: { networkMap: { lines: [{ name: variables.lang }], stations: [], segments: [] } },
      }),
      { headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  return { asked, fetchImpl };
}

describe('the network map request', () => {
  it('takes over the prefetched response instead of asking again', async () => {
    const server = fakeServer();
    prefetchNetworkMap('sv', server.fetchImpl);
    const network = await loadNetworkMap('sv', server.fetchImpl);
    expect(network.lines[0]?.name).toBe('SV');
    expect(server.asked).toEqual(['SV']);
  });

  it('uses the prefetched response only once, so a retry asks the server', async () => {
    const server = fakeServer();
    prefetchNetworkMap('fi', server.fetchImpl);
    await loadNetworkMap('fi', server.fetchImpl);
    await loadNetworkMap('fi', server.fetchImpl);
    expect(server.asked).toEqual(['FI', 'FI']);
  });

  it('asks again in another language than the one prefetched', async () => {
    const server = fakeServer();
    prefetchNetworkMap('fi', server.fetchImpl);
    const network = await loadNetworkMap('en', server.fetchImpl);
    expect(network.lines[0]?.name).toBe('EN');
    expect(server.asked).toEqual(['FI', 'EN']);
  });

  it('reports a failed prefetch when the map state takes it over', async () => {
    const failing = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    prefetchNetworkMap('fi', failing);
    await expect(loadNetworkMap('fi', failing)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
