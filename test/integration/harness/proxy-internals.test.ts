// The fault proxy's request identification and XML handling, without a server.
import { describe, expect, it } from 'vitest';
import { identify } from '../../harness/proxy/identify.js';
import { buildPage, pageCount, type PagedAnswer } from '../../harness/proxy/pagination.js';
import { errorReply } from '../../harness/proxy/protocol.js';
import { childElements, escapeXml, findElement, unescapeXml } from '../../harness/proxy/xml.js';

const auth = (service: string, region = 'us-east-1') => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`,
});

describe('identify', () => {
  it('JSON protocol: operation from X-Amz-Target', async () => {
    const info = await identify('POST', '/', { ...auth('dynamodb', 'eu-west-1'), 'x-amz-target': 'DynamoDB_20120810.ListTables' }, Buffer.from('{}'));
    expect(info).toMatchObject({ service: 'dynamodb', operation: 'ListTables', region: 'eu-west-1', protocol: 'json', accessKeyId: 'AKIDEXAMPLE' });
  });

  it('query and EC2 protocols: Action from the form body or the query string', async () => {
    const form = { ...auth('iam'), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    expect(await identify('POST', '/', form, Buffer.from('Action=ListUsers&Version=2010-05-08'))).toMatchObject({ operation: 'ListUsers', protocol: 'query' });
    expect(await identify('GET', '/?Action=DescribeVpcs&Version=2016-11-15', auth('ec2'), undefined)).toMatchObject({ operation: 'DescribeVpcs', protocol: 'ec2' });
  });

  it.each([
    ['GET', '/', 'ListBuckets'],
    ['GET', '/my-bucket?policy', 'GetBucketPolicy'],
    ['GET', '/my-bucket?list-type=2', 'ListObjectsV2'],
    ['GET', '/my-bucket', 'ListObjects'],
    ['PUT', '/my-bucket', 'CreateBucket'],
    ['GET', '/my-bucket/a/b.txt?x-id=GetObject', 'GetObject'],
    ['GET', '/my-bucket?encryption', 'GetBucketEncryption'],
  ])('S3 %s %s is %s', async (method, path, operation) => {
    const url = method === 'GET' && path === '/' ? '/?x-id=ListBuckets' : path;
    expect(await identify(method, url, auth('s3'), undefined)).toMatchObject({ service: 's3', operation, protocol: 's3' });
  });

  it('REST services by method and path, from the SDK schemas', async () => {
    expect(await identify('GET', '/v20180820/configuration/publicAccessBlock', auth('s3'), undefined)).toMatchObject({ service: 's3control', operation: 'GetPublicAccessBlock', protocol: 'restXml' });
    expect(await identify('GET', '/2013-04-01/hostedzone', auth('route53'), undefined)).toMatchObject({ operation: 'ListHostedZones', protocol: 'restXml' });
    expect(await identify('GET', '/backup/plans/abc/selections/', auth('backup'), undefined)).toMatchObject({ operation: 'ListBackupSelections', protocol: 'restJson' });
    expect(await identify('GET', '/v2/apis', auth('apigateway'), undefined)).toMatchObject({ service: 'apigatewayv2', operation: 'GetApis' });
    expect(await identify('GET', '/restapis', auth('apigateway'), undefined)).toMatchObject({ service: 'apigateway', operation: 'GetRestApis' });
    expect(await identify('GET', '/experiments', auth('fis'), undefined)).toMatchObject({ operation: 'ListExperiments' });
    expect(await identify('GET', '/nowhere', auth('backup'), undefined)).toMatchObject({ operation: 'GET /nowhere' });
  });

  it('unsigned requests are moto-api or unknown', async () => {
    expect(await identify('POST', '/moto-api/reset', {}, undefined)).toMatchObject({ service: 'moto-api' });
    expect(await identify('GET', '/x', {}, undefined)).toMatchObject({ service: 'unknown' });
  });
});

describe('xml helpers', () => {
  const xml = '<?xml version="1.0"?><R><Users><member><N>a</N><Users/></member><member><N>b &amp; c</N></member><member/></Users><Marker/></R>';

  it('finds elements and their direct children (nested same-named elements included)', () => {
    const users = findElement(xml, 'Users');
    expect(users && xml.slice(users.start, users.end).startsWith('<Users><member>')).toBe(true);
    expect(users && childElements(xml, users).map((c) => c.name)).toEqual(['member', 'member', 'member']);
    expect(findElement(xml, 'Marker')).toMatchObject({ name: 'Marker' });
  });

  it('escapes and unescapes', () => {
    expect(unescapeXml(escapeXml(`<a href="x">&'</a>`))).toBe(`<a href="x">&'</a>`);
  });

  it('builds pages with the token and truncation flag', () => {
    const reply = { status: 200, headers: {}, body: Buffer.from('<R><Users><member>1</member><member>2</member><member>3</member></Users><IsTruncated>false</IsTruncated></R>') };
    const spec = { format: 'xml' as const, lists: ['Users'], token: 'Marker', truncated: 'IsTruncated' };
    const answer: PagedAnswer = { reply, spec, pageSize: 2, pageCount: pageCount(reply, spec, 2) };
    expect(answer.pageCount).toBe(2);
    expect(buildPage(answer, 0, 'tok').body.toString()).toBe(
      '<R><Users><member>1</member><member>2</member></Users><Marker>tok</Marker><IsTruncated>true</IsTruncated></R>',
    );
    expect(buildPage(answer, 1, undefined).body.toString()).toBe('<R><Users><member>3</member></Users><IsTruncated>false</IsTruncated></R>');
  });
});

describe('error bodies', () => {
  it('json carries __type; restJson the x-amzn-errortype header; EC2 the Response/Errors wrapper', () => {
    expect(JSON.parse(errorReply('json', 'ThrottlingException', 400, 'm').body.toString())).toMatchObject({ __type: 'ThrottlingException' });
    expect(errorReply('restJson', 'AccessDeniedException', 403, 'm').headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(errorReply('ec2', 'RequestLimitExceeded', 503, 'm<').body.toString()).toContain('<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>m&#60;</Message>');
  });
});
