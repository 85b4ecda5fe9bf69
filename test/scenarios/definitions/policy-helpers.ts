// Small builders the scenario definitions share, so each definition reads as data.
import type { ContactSpec, PolicyDocument, PolicyStatement } from '../spec.js';

export const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** The bucket policy statement that refuses plain-HTTP requests (what s3-bucket-denies-http looks for). */
export const denyHttp = (bucket: string): PolicyStatement => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

export const contact = (name: string, title: string, email: string, phone: string): ContactSpec => ({ name, title, email, phone });
