// The harness's moto lifecycle: install check, start on a free port, reset only its own server, two at once, stop.
import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHeader, assumeRoleCredentials, clientConfig } from '../../harness/aws-clients.js';
import { ensureMotoInstalled, installedMotoVersion, MOTO_VERSION } from '../../harness/moto-install.js';
import { startMoto, type MotoServer } from '../../harness/moto-server.js';

const userNames = async (endpoint: string, account?: string) => {
  const iam = new IAMClient(clientConfig(endpoint));
  if (account) iam.middlewareStack.use(accountHeader(account));
  const { Users } = await iam.send(new ListUsersCommand({}));
  iam.destroy();
  return (Users ?? []).map((u) => u.UserName);
};

const createUser = async (endpoint: string, name: string, account?: string) => {
  const iam = new IAMClient(clientConfig(endpoint));
  if (account) iam.middlewareStack.use(accountHeader(account));
  await iam.send(new CreateUserCommand({ UserName: name }));
  iam.destroy();
};

describe('moto install', () => {
  it('finds moto[server] 5.2.5 importable with flask and flask_cors', async () => {
    await ensureMotoInstalled();
    expect(await installedMotoVersion()).toBe(MOTO_VERSION);
  });
});

describe('moto server', () => {
  let a: MotoServer;
  let b: MotoServer;

  beforeAll(async () => {
    [a, b] = await Promise.all([startMoto(), startMoto()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('runs two servers at once, on different free 127.0.0.1 ports, with separate state', async () => {
    expect(a.port).not.toBe(b.port);
    expect(a.endpoint).toBe(`http://127.0.0.1:${a.port}`);
    await createUser(a.endpoint, 'only-in-a');
    expect(await userNames(a.endpoint)).toEqual(['only-in-a']);
    expect(await userNames(b.endpoint)).toEqual([]);
  });

  it('reset() wipes its own server only', async () => {
    await createUser(b.endpoint, 'only-in-b');
    await a.reset();
    expect(await userNames(a.endpoint)).toEqual([]);
    expect(await userNames(b.endpoint)).toEqual(['only-in-b']);
  });

  it('keeps accounts apart: x-moto-account-id header and AssumeRole credentials', async () => {
    await createUser(a.endpoint, 'in-111', '111111111111');
    expect(await userNames(a.endpoint, '111111111111')).toEqual(['in-111']);
    expect(await userNames(a.endpoint)).toEqual([]);

    const credentials = await assumeRoleCredentials(a.endpoint, '222222222222');
    const sts = new STSClient({ ...clientConfig(a.endpoint), credentials });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(identity.Account).toBe('222222222222');
  });

  it('stop() ends the server; a second stop() is harmless', async () => {
    const c = await startMoto();
    await c.stop();
    await c.stop();
    await expect(fetch(`${c.endpoint}/moto-api/config`)).rejects.toThrow();
  });

  it('passes options to the server environment (managed policies)', async () => {
    const c = await startMoto({ loadManagedPolicies: true });
    try {
      const iam = new IAMClient(clientConfig(c.endpoint));
      const { ListPoliciesCommand } = await import('@aws-sdk/client-iam');
      const { Policies } = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 5 }));
      iam.destroy();
      expect(Policies?.length).toBe(5);
    } finally {
      await c.stop();
    }
  });
});
