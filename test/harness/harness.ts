// Test-only: one call that gives a test file its own moto server with the fault proxy in front of it.
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startMoto, type MotoOptions, type MotoServer } from './moto-server.js';

export interface AwsHarness {
  moto: MotoServer;
  proxy: FaultProxy;
  /** The proxy's endpoint: what every SDK client under test should use. */
  endpoint: string;
  /** Wipes moto (every account and region) and the proxy (faults, calls, split lists, scenario state). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAwsHarness(options: MotoOptions & { standIns?: boolean } = {}): Promise<AwsHarness> {
  const moto = await startMoto(options);
  try {
    const proxy = await startFaultProxy({ target: moto.endpoint, standIns: options.standIns });
    return {
      moto,
      proxy,
      endpoint: proxy.endpoint,
      reset: async () => {
        proxy.reset();
        await moto.reset();
      },
      stop: async () => {
        await proxy.stop();
        await moto.stop();
      },
    };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
